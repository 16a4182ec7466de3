import HindsightTrace

/// How billed pods turn into money (SEMANTICS.md §4, cost). Every existing pod is
/// billed: starting, ready and terminating ones. A variant only states its price at
/// multiplier 1; the price-multiplier series (spot prices) scales every variant alike.
///
/// Extension point: a new pricing scheme is a new `CostModel<Variant>` built in
/// `RunSetup.make`; the engine loop does not change.
protocol CostModel: Sendable {
    /// Dimensionless factor on every price over time (sample-and-hold); nil = 1 throughout.
    var priceMultiplier: StepSeries? { get }

    /// USD for `billedPods` pods held for `duration` at price multiplier 1: a function of
    /// these two alone (the engine reuses a result while they repeat).
    /// - Complexity: O(1).
    func baseUSD(billedPods: Int, duration: SimDuration) -> Double
}

extension CostModel {
    /// USD for `billedPods` pods held for `duration` while the multiplier is `multiplier`.
    /// - Complexity: O(1).
    @inline(__always)
    func usd(billedPods: Int, duration: SimDuration, multiplier: Double) -> Double {
        baseUSD(billedPods: billedPods, duration: duration) * multiplier
    }

    /// The price multiplier in force at `t`; 1 without a series.
    /// - Complexity: O(log samples).
    func multiplier(at t: SimInstant) -> Double { priceMultiplier?.value(at: t) ?? 1 }
}
