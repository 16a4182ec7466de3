import HindsightTrace

/// `replay:` — decisions an agent logged in production: from each logged timestamp on,
/// the fleet is scaled to that count (SEMANTICS.md §6).
struct ReplayController: Controller {
    /// Logged decisions, ascending by time.
    let times: [SimInstant]
    let replicas: [Int32]
    let file: String
    let timers: [ControllerTimer]
    private var next = 0

    /// - Parameter grid: the trace grid; the controller ticks at every step.
    init(times: [SimInstant], replicas: [Int32], file: String, grid: TraceGrid) {
        self.times = times
        self.replicas = replicas
        self.file = file
        timers = [ControllerTimer(every: grid)]
    }

    /// At each step, applies the latest logged decision at or before now.
    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        var latest: Int? = nil
        while next < times.count, times[next] <= context.now {
            latest = next
            next += 1
        }
        guard let k = latest, replicas[k] != context.specReplicas else { return nil }
        return ControllerAction(desired: replicas[k], reason: "replayed decision logged at \(times[k].wholeUnixSeconds) s in \(file)")
    }
}
