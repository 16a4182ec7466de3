import HindsightTrace

/// When one of a controller's timers fires: at `first`, then every `period`.
struct ControllerTimer: Sendable, Equatable {
    var first: SimInstant
    /// At least 1 ms (a shorter period is read as 1 ms).
    var period: SimDuration

    init(first: SimInstant, period: SimDuration) {
        self.first = first
        self.period = max(period, .milliseconds(1))
    }

    /// A timer that fires at the start of every step of `grid`.
    init(every grid: TraceGrid) {
        self.init(first: grid.start, period: grid.step)
    }
}
