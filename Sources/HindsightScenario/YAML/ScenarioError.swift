import HindsightTrace

/// A problem in a scenario or policy file: where, what was found, what would be accepted.
///
/// `description` is `file:line:col: <message>; expected <expected>` (the place is
/// omitted when unknown).
public struct ScenarioError: InputError, Equatable {
    /// Where the problem is; nil when no place is known (e.g. a missing top-level file).
    public var location: SourceLocation?
    /// What was wrong (what was found).
    public var message: String
    /// What would be accepted.
    public var expected: String

    /// A problem at `location`: `message` says what was found, `expected` what would be accepted.
    public init(_ location: SourceLocation?, _ message: String, expected: String) {
        self.location = location; self.message = message; self.expected = expected
    }

    /// `file:line:col: <message>; expected <expected>`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(message); expected \(expected)"
    }
}

extension ScenarioError {
    /// `errors` ordered by file (in order of first appearance), then line and column;
    /// errors without a place keep their order at the front. Stable.
    public static func ordered(_ errors: [any InputError]) -> [any InputError] {
        var fileOrder: [String: Int] = [:]
        for e in errors {
            if let loc = (e as? ScenarioError)?.location, fileOrder[loc.file] == nil { fileOrder[loc.file] = fileOrder.count }
        }
        let keyed = errors.enumerated().map { (i, e) -> ((Int, Int, Int, Int), any InputError) in
            guard let loc = (e as? ScenarioError)?.location else { return ((-1, 0, 0, i), e) }
            return ((fileOrder[loc.file] ?? 0, loc.line, loc.column, i), e)
        }
        return keyed.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
