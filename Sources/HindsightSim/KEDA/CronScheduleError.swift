import HindsightTrace

/// A cron expression or time zone that cannot be used (input error, exit code 2).
public struct CronScheduleError: InputError, Equatable {
    /// The expression (or time-zone name) as given.
    public var expression: String
    /// What was wrong.
    public var problem: String

    /// Memberwise initializer.
    public init(expression: String, problem: String) {
        self.expression = expression; self.problem = problem
    }

    /// `cron "<expr>": <problem>; expected …`.
    public var description: String {
        "cron \"\(expression)\": \(problem); expected 5 fields \"minute hour day-of-month month day-of-week\" "
            + "each *, ?, N, N-M, lists a,b and steps /S (months JAN-DEC, weekdays SUN-SAT or 0-6), "
            + "and an IANA time zone such as Europe/Berlin"
    }
}
