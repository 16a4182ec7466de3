/// A change of one metric against the baseline, ready to print.
public struct MetricDelta: Sendable, Equatable {
    /// Whether the change is good news.
    public enum Verdict: Sendable, Equatable {
        /// Lower and lower is better.
        case better
        /// Higher and lower is better.
        case worse
        /// No change at the shown precision.
        case same
        /// A change with no better/worse reading (replica counts).
        case neutral
    }

    /// candidate − baseline, in the metric's unit (fractions for percentages).
    public var difference: Double
    /// The change as shown: `+5.0 %`, `-2`, `+15m`, `+1.5 pp`, `±0 %`.
    public var text: String
    /// Better, worse, same or neutral (for colouring).
    public var verdict: Verdict

    public init(difference: Double, text: String, verdict: Verdict) {
        self.difference = difference; self.text = text; self.verdict = verdict
    }
}
