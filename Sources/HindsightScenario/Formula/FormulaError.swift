/// A problem in a KEDA `scalingModifiers.formula`: where in the formula text (1-based
/// character offset) and what. Parsing errors are reported by the loader at the
/// formula's file:line:col; evaluation errors make the composite metric fail for that poll.
public struct FormulaError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A character or word the language does not have.
        case syntax
        /// Nesting deeper than `FormulaParser.maxDepth`.
        case tooDeep
        /// A name that is neither a trigger name nor a `let` binding.
        case unknownName
        /// A value of the wrong type at evaluation (a boolean where a number is needed…).
        case type
        /// A value that is not a finite number (division by zero, a missing trigger value).
        case value
    }
    public var kind: Kind
    /// Character offset in the formula text, 1-based (0 when not tied to a place).
    public var offset: Int
    public var message: String

    public init(_ kind: Kind, at offset: Int, _ message: String) {
        self.kind = kind; self.offset = offset; self.message = message
    }

    public var description: String { offset > 0 ? "character \(offset): \(message)" : message }
}
