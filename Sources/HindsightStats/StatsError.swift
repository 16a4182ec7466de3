/// A bad argument or input for ``StatsOp/run(values:timestamps:window:)``: what was wrong
/// and what would be accepted. The CLI wraps it in its `InputError` (exit code 2).
public struct StatsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was wrong; includes a sample index where one applies.
    public var message: String
    /// What would be accepted.
    public var expected: String

    /// Creates an error.
    public init(_ message: String, expected: String) {
        self.message = message
        self.expected = expected
    }

    /// `"<message>; expected <expected>"`.
    public var description: String { "\(message); expected \(expected)" }
}
