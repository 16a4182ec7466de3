/// One metric's outcome at one sync: a replica proposal with a description of what was
/// seen, or the reason the metric is invalid (HPA.md §5).
enum HPAMetricResult: Sendable, Equatable {
    case proposal(Int32, String)
    case invalid(String)

    /// The proposal, if valid.
    var replicas: Int32? {
        if case .proposal(let r, _) = self { return r }
        return nil
    }
}
