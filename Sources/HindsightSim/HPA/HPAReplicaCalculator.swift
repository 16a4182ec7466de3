import HindsightTrace

/// The replica arithmetic of `replica_calculator.go` (HPA.md §2, §3, §8), as pure functions.
enum HPAReplicaCalculator {
    /// `GetResourceReplicas` (Utilization target): truncated integer percent, simple path or
    /// rebalance path (missing pods at max(100, target) % on scale-down and 0 on scale-up,
    /// unready pods at 0 when the ratio is above 1), direction-flip and final direction checks.
    /// - Parameters:
    ///   - requestMilli: per-pod request; nil or ≤ 0 makes the metric invalid.
    ///   - targetPercent: target utilization, percent of request (> 0).
    ///   - explain: build the proposal's text; false leaves it empty (the arithmetic is the same).
    /// - Complexity: O(1) on the tally.
    static func resourceUtilization(name: String, groups g: HPAPodTally, requestMilli: Int64?,
                                    targetPercent: Int32, spec: Int32, tolerances tol: HPATolerances,
                                    explain: Bool = true) -> HPAMetricResult {
        guard targetPercent > 0 else { return .invalid("\(name): target utilization must be > 0") }
        guard g.readyCount > 0 else {
            return .invalid("\(name): did not receive metrics for targeted pods (pods might be unready)")
        }
        guard let request = requestMilli, request > 0 else {
            return .invalid("\(name): missing request for \(name)")
        }
        let total = g.total
        let util = percent(total: total, count: g.readyCount, request: request)
        let ratio = Double(util) / Double(targetPercent)
        let seen = explain ? "\(name) \(util)% of request vs target \(targetPercent)% → ratio \(HPAQuantity.fmt3(ratio))" : ""
        let fill = HPAQuantity.mul(request, Int64(max(100, targetPercent))) / 100
        return simpleOrRebalanced(seen, ratio: ratio, total: total, groups: g, missingFill: fill, spec: spec, tolerances: tol,
                                  explain: explain) { newTotal, newCount in
            let newUtil = percent(total: newTotal, count: newCount, request: request)
            return (Double(newUtil) / Double(targetPercent), newUtil)
        }
    }

    /// `calcPlainMetricReplicas` (Resource/ContainerResource AverageValue, Pods metrics):
    /// truncated integer mean of the samples, missing pods at exactly the target on a
    /// scale-down and at 0 on a scale-up, unready pods at 0 on a scale-up.
    /// - Complexity: O(1) on the tally.
    static func plain(name: String, groups g: HPAPodTally, targetMilli: Int64, spec: Int32,
                      tolerances tol: HPATolerances, explain: Bool = true) -> HPAMetricResult {
        guard targetMilli > 0 else { return .invalid("\(name): target averageValue must be > 0") }
        guard g.readyCount > 0 else {
            return .invalid("\(name): did not receive metrics for targeted pods (pods might be unready)")
        }
        let total = g.total
        let usage = total / Int64(g.readyCount)
        let ratio = Double(usage) / Double(targetMilli)
        let seen = explain ? "\(name) average \(HPAQuantity.fmtMilli(usage)) vs target \(HPAQuantity.fmtMilli(targetMilli)) → ratio \(HPAQuantity.fmt3(ratio))" : ""
        return simpleOrRebalanced(seen, ratio: ratio, total: total, groups: g, missingFill: targetMilli, spec: spec,
                                  tolerances: tol, explain: explain) { newTotal, newCount in
            (Double(newTotal / Int64(newCount)) / Double(targetMilli), nil)
        }
    }

    /// What `resourceUtilization` and `plain` share once their usage ratio is known: the
    /// simple path (no missing pods, and no unready pods on a scale-up), else the
    /// rebalance — missing pods at `missingFill` each (total units) on a scale-down and at
    /// 0 on a scale-up, unready pods at 0 on a scale-up — with the new ratio (and, for a
    /// utilization, the new percent shown in the reason) computed by `rebalance` from the
    /// new total and pod count.
    /// - Complexity: O(1).
    @inline(__always)
    private static func simpleOrRebalanced(_ seen: String, ratio: Double, total: Int64, groups g: HPAPodTally,
                                           missingFill: Int64, spec: Int32, tolerances tol: HPATolerances, explain: Bool,
                                           rebalance: (_ total: Int64, _ count: Int) -> (ratio: Double, percent: Int32?))
        -> HPAMetricResult {
        let scaleUpWithUnready = g.unready > 0 && ratio > 1.0
        if !scaleUpWithUnready && g.missing == 0 {
            if tol.isWithin(ratio) { return .proposal(spec, explain ? "\(seen) within tolerance → \(spec)" : "") }
            let r = HPAQuantity.ceilInt32(ratio * Double(g.readyCount))
            return .proposal(r, explain ? "\(seen) × \(g.readyCount) ready → \(r)" : "")
        }
        var newTotal = total
        var newCount = g.readyCount
        if g.missing > 0 {
            if ratio < 1.0 {
                newTotal = HPAQuantity.add(newTotal, HPAQuantity.mul(missingFill, Int64(g.missing)))
                newCount += g.missing
            } else if ratio > 1.0 {
                newCount += g.missing
            }
        }
        if scaleUpWithUnready { newCount += g.unready }
        let (newRatio, newPercent) = rebalance(newTotal, newCount)
        let shown = newPercent.map { " \($0)%" } ?? ""
        let rebalanced = explain ? "\(seen); rebalanced (\(g.missing) missing, \(g.unready) unready)\(shown) → ratio \(HPAQuantity.fmt3(newRatio))" : ""
        return finishRebalance(rebalanced, ratio: ratio, newRatio: newRatio, count: newCount, spec: spec, tolerances: tol,
                               explain: explain)
    }

    /// The common tail of the rebalance path (`seen` is only read when `explain`).
    private static func finishRebalance(_ seen: String, ratio: Double, newRatio: Double, count: Int,
                                        spec: Int32, tolerances tol: HPATolerances, explain: Bool) -> HPAMetricResult {
        if tol.isWithin(newRatio) { return .proposal(spec, explain ? "\(seen) within tolerance → \(spec)" : "") }
        if (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0) {
            return .proposal(spec, explain ? "\(seen) flips direction → \(spec)" : "")
        }
        let r = HPAQuantity.ceilInt32(newRatio * Double(count))
        if (newRatio < 1.0 && r > spec) || (newRatio > 1.0 && r < spec) {
            return .proposal(spec, explain ? "\(seen) × \(count) = \(r) moves against the ratio → \(spec)" : "")
        }
        return .proposal(r, explain ? "\(seen) × \(count) pods → \(r)" : "")
    }

    /// `GetResourceUtilizationRatio`'s percent: floor(Σu·100 / Σrequest), saturating.
    @inline(__always)
    static func percent(total: Int64, count: Int, request: Int64) -> Int32 {
        let requests = HPAQuantity.mul(request, Int64(count))
        guard requests > 0 else { return 0 }
        let (scaled, overflow) = total.multipliedReportingOverflow(by: 100)
        if !overflow { return HPAQuantity.clampInt32(scaled / requests) }
        return HPAQuantity.saturatingInt32((Double(total) * 100 / Double(requests)).rounded(.towardZero))
    }

    /// `getUsageRatioReplicaCount` (Object/External Value targets): with spec ≠ 0, inside
    /// the band → spec, else ceil(ratio × ready pods) — an error when no pod exists; with
    /// spec 0, ceil(ratio) with no band.
    static func usageRatioReplicaCount(_ seen: String, ratio: Double, spec: Int32, pods: [HPAPod], now: SimInstant,
                                       tolerances tol: HPATolerances, explain: Bool = true) -> HPAMetricResult {
        if spec == 0 {
            let r = HPAQuantity.ceilInt32(ratio)
            return .proposal(r, explain ? "\(seen) at spec 0 → ceil(ratio) = \(r)" : "")
        }
        if tol.isWithin(ratio) { return .proposal(spec, explain ? "\(seen) within tolerance → \(spec)" : "") }
        guard !pods.isEmpty else {
            return .invalid("\(seen): no pods returned by selector while calculating replica count")
        }
        var ready = 0
        for p in pods where p.isReady(at: now) { ready += 1 }
        let r = HPAQuantity.ceilInt32(ratio * Double(ready))
        return .proposal(r, explain ? "\(seen) × \(ready) ready → \(r)" : "")
    }

    /// `GetObjectPerPodMetricReplicas` / `GetExternalPerPodMetricReplicas` (AverageValue):
    /// ratio = usage / (target × status); inside the band → status, else ceil(usage / target).
    /// Status 0 gives ±∞ or NaN, outside the band.
    static func perPod(name: String, usageMilli: Int64, targetMilli: Int64, status: Int32,
                       tolerances tol: HPATolerances, explain: Bool = true) -> HPAMetricResult {
        guard targetMilli > 0 else { return .invalid("\(name): target averageValue must be > 0") }
        let ratio = Double(usageMilli) / (Double(targetMilli) * Double(status))
        guard explain else {
            return .proposal(tol.isWithin(ratio) ? status : HPAQuantity.ceilInt32(Double(usageMilli) / Double(targetMilli)), "")
        }
        let seen = "\(name) \(HPAQuantity.fmtMilli(usageMilli)) vs \(HPAQuantity.fmtMilli(targetMilli)) per pod × \(status) → ratio \(HPAQuantity.fmt3(ratio))"
        if tol.isWithin(ratio) { return .proposal(status, "\(seen) within tolerance → \(status)") }
        let r = HPAQuantity.ceilInt32(Double(usageMilli) / Double(targetMilli))
        return .proposal(r, "\(seen) → ceil(\(HPAQuantity.fmtMilli(usageMilli))/\(HPAQuantity.fmtMilli(targetMilli))) = \(r)")
    }
}
