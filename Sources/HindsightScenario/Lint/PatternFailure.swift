/// Where and why a resource does not satisfy a `validate.pattern`: the node that failed
/// (or the mapping that lacks a required key) and a message with the field path.
public struct PatternFailure: Sendable, Equatable {
    /// The resource node at fault.
    public var location: SourceLocation
    /// `spec.minReplicas: 1 does not match '>=2'`.
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location; self.message = message
    }
}
