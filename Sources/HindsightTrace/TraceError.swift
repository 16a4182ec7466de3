/// An input error found while reading a trace, an environment series or a query answer.
///
/// `description` follows the project's form `file:line:col: what was wrong; expected what
/// would be accepted`. When no line is known (a missing file, an unknown time zone, a JSON
/// path) the place is just the file, optionally followed by `at <path>`.
public struct TraceError: InputError, Equatable {
    /// The file (or `dataset:NAME`) the problem is in.
    public var file: String
    /// 1-based line, or `nil` when the problem has no line.
    public var line: Int?
    /// 1-based column in characters, or `nil` when unknown.
    public var column: Int?
    /// What was wrong.
    public var message: String
    /// What would have been accepted instead.
    public var expected: String

    /// Creates an error; `line`/`column` are 1-based.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.expected = expected
    }

    /// `file:line:col: message; expected …`.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message); expected \(expected)"
    }
}
