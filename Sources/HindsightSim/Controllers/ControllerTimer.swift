import HindsightTrace

/// When one of a controller's timers fires: at `first`, then every `period` ms.
struct ControllerTimer: Sendable, Equatable {
    var first: Int64
    /// ms, > 0.
    var period: Int64

    init(first: Int64, period: Int64) {
        self.first = first
        self.period = period
    }

    /// A timer that fires at the start of every step of `grid`.
    init(every grid: TraceGrid) {
        self.init(first: grid.start.unixMilliseconds, period: grid.step.milliseconds)
    }
}
