import HindsightTrace

/// The world outside the workload during a run: grid carbon intensity and the price
/// multiplier, both read sample-and-hold (SEMANTICS.md §1).
public struct SimEnvironment: Sendable {
    /// Grid carbon intensity, gCO2e/kWh.
    public var intensity: StepSeries
    /// Multiplies every price (spot prices); nil = 1.
    public var priceMultiplier: StepSeries?

    /// - Parameters:
    ///   - intensity: gCO2e/kWh over time (use `StepSeries(constant:)` for a constant).
    ///   - priceMultiplier: dimensionless factor on prices, nil for none.
    public init(intensity: StepSeries, priceMultiplier: StepSeries? = nil) {
        self.intensity = intensity; self.priceMultiplier = priceMultiplier
    }
}
