/// Where the rows of each point of ``PreparedScenario/runPoints(count:jobs:strict:exec:progress:sinks:policy:)``
/// go when the points keep more than their summaries (`sweep --timeseries`): a
/// ``StepSink`` per point, opened just before the point runs and closed right after it,
/// on the thread that runs it, so no more sinks are open at once than points run at once.
public protocol PointSinks: Sendable {
    /// The sink of point `k` (0 ≤ k < count).
    /// - Throws: when it cannot be opened (a file that cannot be created); the point fails.
    func open(point k: Int) throws -> any StepSink
    /// Point `k` has run: `sink` (what `open` gave) gets no more rows.
    /// - Throws: the sink's first error (a full disk); the point fails.
    func close(_ sink: any StepSink, point k: Int) throws
}
