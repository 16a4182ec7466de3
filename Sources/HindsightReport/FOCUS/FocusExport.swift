import HindsightScenario
import HindsightSim
import HindsightTrace

/// `focus.csv`: the counterfactual cost of every policy as FinOps FOCUS cost rows
/// (FOCUS 1.1, the FinOps Open Cost and Usage Specification of November 2024), one row
/// per policy per UTC hour of the trace.
///
/// A row holds the steps whose start lies in that hour; its charge period runs from the
/// first of them to the end of the last, so the periods of one policy tile the run
/// without gaps or overlaps (a step that crosses an hour boundary stays whole in the hour
/// it began). The rows of a policy add up to its `cost_usd` (`BilledCost`) up to the
/// rounding of summing in a different order: a relative 1e-9 at most.
///
/// What each column means here (the simulator is the "provider"): `BilledCost` =
/// `EffectiveCost` = USD at the prices in force (a `spec.cost.priceFile` multiplier
/// applied; no commitments or amortisation exist); `ListCost` = `ContractedCost` = USD at
/// multiplier 1; `ConsumedQuantity` = billed pod-hours (starting, ready and terminating
/// pods); `PricingQuantity` = pod-hours (resources model) or instance-hours (instance
/// model); the billing period is the whole run. `Tags` is a JSON object naming the policy,
/// its kind and the scenario (`hindsight/policy`, `hindsight/policy-kind`,
/// `hindsight/scenario`).
public enum FocusExport {
    /// The FOCUS version the columns follow.
    public static let version = "1.1"

    /// The header, in order.
    public static let columns = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
        "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass",
        "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
        "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice",
        "EffectiveCost", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory",
        "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId",
        "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory",
        "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
    ]

    static let hourMs: Int64 = SimDuration.hours(1).milliseconds

    /// The hourly rows of every run, runs in order, hours ascending.
    /// - Complexity: O(steps × runs).
    public static func rows(_ result: ScenarioResult) -> [FocusRow] {
        result.runs.flatMap { run in
            var hours = FocusHours(stepMs: result.grid.step.milliseconds)
            for row in run.series.rows { hours.add(row) }
            return hours.finished(policy: run.policy, kind: run.kind)
        }
    }

    /// `focus.csv`'s bytes: the header, then `rows` (default `rows(result)`); LF line
    /// endings, numbers as `NumberText`, times as RFC 3339 UTC.
    /// - Complexity: O(steps × runs).
    public static func render(_ result: ScenarioResult, rows given: [FocusRow]? = nil) -> [UInt8] {
        let s = result.scenario
        let pricing = Pricing(s)
        let workload = s.workload.name ?? "workload"
        let billingStart = UTCTime.rfc3339(ms: result.grid.start.unixMilliseconds)
        let billingEnd = UTCTime.rfc3339(ms: result.grid.end.unixMilliseconds)
        var out: [UInt8] = []
        out.append(contentsOf: columns.joined(separator: ",").utf8)
        out.append(0x0A)
        let fileNames = Dictionary(zip(result.runs.map(\.policy), ReportWriter.fileNames(result.runs)),
                                   uniquingKeysWith: { first, _ in first })
        for r in given ?? rows(result) {
            let tags = JSONValue.object([
                ("hindsight/policy", .string(r.policy)),
                ("hindsight/policy-kind", .string(r.policyKind)),
                ("hindsight/scenario", .string(s.name)),
            ]).rendered(indent: 0)
            let pricingQuantity = !pricing.perPod && pricing.unitPrice > 0 ? r.listCost / pricing.unitPrice : r.podHours
            let cells: [String] = [
                num(r.billedCost), s.name, s.name, "USD",
                billingEnd, billingStart, "Usage", "",
                "Counterfactual cost of \(workload) under policy \(r.policy) (\(r.policyKind)), simulated by hindsight",
                "Usage-Based", UTCTime.rfc3339(ms: r.periodEnd), UTCTime.rfc3339(ms: r.periodStart),
                num(r.podHours), "Pod-Hours", num(r.listCost), num(pricing.unitPrice),
                num(r.billedCost), "hindsight", num(r.listCost), num(pricing.unitPrice), pricing.category,
                num(pricingQuantity), pricing.unit, "hindsight", "hindsight", "", "",
                "hindsight://\(s.name)/\(workload)/\(fileNames[r.policy] ?? "policy")", workload,
                "Kubernetes Workload", "Compute",
                "Kubernetes", pricing.sku, pricing.skuPrice, s.name, s.name, tags,
            ]
            precondition(cells.count == columns.count, "FOCUS row has \(cells.count) cells for \(columns.count) columns")
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(0x2C) }
                CSVText.append(cell, to: &out)
            }
            out.append(0x0A)
        }
        return out
    }

    static func num(_ x: Double) -> String { NumberText.plain(x) ?? "" }

    /// ⌊a / b⌋ for b > 0, also for negative a (times before 1970).
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }
}
