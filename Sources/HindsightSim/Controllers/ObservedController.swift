import HindsightTrace

/// `observed`: replays the recorded `replicas` series exactly. At each trace step the
/// desired count is the recorded value (rounded to the nearest integer, at least 0);
/// a missing value holds the previous count.
struct ObservedController: Controller {
    let recorded: [Double]
    let timers: [ControllerTimer]

    /// - Parameter grid: the trace grid; the controller ticks at every step.
    init(recorded: [Double], grid: TraceGrid) {
        self.recorded = recorded
        self.timers = [ControllerTimer(every: grid)]
    }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        guard context.stepIndex >= 0, context.stepIndex < recorded.count else { return nil }
        let v = recorded[context.stepIndex]
        guard v.isFinite else { return nil }
        let desired = Int32(min(max(0, v.rounded()), Double(Int32.max)))
        guard desired != context.specReplicas else { return nil }
        return ControllerAction(desired: desired, reason: "recorded replicas \(desired)")
    }
}
