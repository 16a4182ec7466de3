/// Receives each step's output row as the simulation closes it, in step order, so the
/// rows can go to disk (or be reduced) as the run advances instead of being held until
/// the end (`PreparedScenario.run(_:jobs:strict:exec:sinks:)`).
///
/// One sink serves one run, on the thread of that run; `record` is called once per trace
/// step and must not throw: a sink that fails (a full disk) keeps its first error and
/// reports it when its owner finishes it.
public protocol StepSink: AnyObject, Sendable {
    /// One finished step. `index` counts from 0 in step order.
    func record(_ row: StepRow, index: Int)
}
