import HindsightTrace

/// A problem in a scenario or policy file: where, what was found, what would be accepted.
///
/// `description` is `file:line:col: <message>; expected <expected>` (the place is
/// omitted when unknown).
public struct ScenarioError: InputError, Equatable {
    public var location: SourceLocation?
    /// What was wrong (what was found).
    public var message: String
    /// What would be accepted.
    public var expected: String

    public init(_ location: SourceLocation?, _ message: String, expected: String) {
        self.location = location; self.message = message; self.expected = expected
    }

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(message); expected \(expected)"
    }
}
