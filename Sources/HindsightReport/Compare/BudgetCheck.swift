import HindsightScenario
import HindsightSim

/// The budgets of `hindsight check` (SCENARIO.md `spec.budgets`): how much worse than the
/// baseline the candidate may be, per scenario. One value per budget the scenario sets.
public struct BudgetCheck: Sendable, Equatable {
    /// e.g. "sloViolationFraction".
    public var name: String
    public var baseline: Double
    public var candidate: Double
    /// The allowed increase, in the budget's unit (fraction, or percent of the baseline).
    public var allowed: Double
    /// The increase, in the same unit.
    public var increase: Double
    /// "" for an absolute budget, " %" for a percent budget.
    public var unit: String

    /// The candidate holds the budget: the increase is at most the allowed one (equal passes).
    public var passed: Bool { increase <= allowed }

    /// One line for people: what was compared and the verdict.
    public var message: String {
        let verb = passed ? "within" : "exceeds"
        return "\(name): baseline \(Self.text(baseline)), candidate \(Self.text(candidate)): increase \(Self.text(increase))\(unit) \(verb) the budget of \(Self.text(allowed))\(unit)"
    }

    /// Every budget the scenario sets, compared between the two runs' summaries:
    /// `sloViolationFraction` by its absolute increase (a fraction), `costUSD` and
    /// `emissionsKg` by their increase in percent of the baseline.
    /// - Returns: one check per budget set, in that order.
    public static func evaluate(_ budgets: BudgetsSpec, baseline b: RunSummary, candidate c: RunSummary) -> [BudgetCheck] {
        var checks: [BudgetCheck] = []
        if let allowed = budgets.sloViolationFractionMaxIncrease {
            checks.append(BudgetCheck(name: "sloViolationFraction", baseline: b.sloViolationFraction,
                                      candidate: c.sloViolationFraction, allowed: allowed,
                                      increase: c.sloViolationFraction - b.sloViolationFraction, unit: ""))
        }
        if let allowed = budgets.costMaxIncreasePercent {
            checks.append(BudgetCheck(name: "costUSD", baseline: b.costUSD, candidate: c.costUSD, allowed: allowed,
                                      increase: percentIncrease(b.costUSD, c.costUSD), unit: " %"))
        }
        if let allowed = budgets.emissionsMaxIncreasePercent {
            checks.append(BudgetCheck(name: "emissionsKg", baseline: b.emissionsKgCO2e, candidate: c.emissionsKgCO2e,
                                      allowed: allowed, increase: percentIncrease(b.emissionsKgCO2e, c.emissionsKgCO2e), unit: " %"))
        }
        return checks
    }

    /// (candidate − baseline) ÷ baseline in percent; from a zero baseline any increase is infinite.
    public static func percentIncrease(_ baseline: Double, _ candidate: Double) -> Double {
        if baseline == 0 { return candidate > 0 ? .infinity : 0 }
        return (candidate - baseline) / abs(baseline) * 100
    }

    /// `x` rounded to 6 decimals, integers without `.0`, ±∞ as `∞`/`-∞`.
    public static func text(_ x: Double) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "-∞" }
        let r = (x * 1e6).rounded() / 1e6
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)
    }
}
