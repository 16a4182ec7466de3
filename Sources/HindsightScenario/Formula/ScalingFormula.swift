/// A KEDA `scalingModifiers.formula`, parsed once at load time: the text, its tree, and
/// the trigger names it reads.
///
/// ```swift
/// let f = try ScalingFormula(text: "max(queue / 2, running) ?? 0")
/// let v = try f.value(["queue": 10, "running": 3])   // 5
/// ```
public struct ScalingFormula: Sendable, Equatable {
    public let text: String
    public let root: FormulaNode
    /// Names the formula reads (trigger names), in first-use order.
    public let names: [String]

    /// - Throws: `FormulaError` for text outside the language.
    public init(text: String) throws {
        self.text = text
        root = try FormulaParser.parse(text)
        names = root.freeNames().map(\.name)
    }

    /// The composite value for the trigger values `values` (real units).
    /// - Throws: `FormulaError`: `.type` when the result is not a number, `.value` when it
    ///   is not finite, and whatever evaluation raises.
    public func value(_ values: [String: Double]) throws -> Double {
        guard case .number(let v) = try root.evaluate(values) else {
            throw FormulaError(.type, at: 0, "the formula returns a boolean or nil, not a number")
        }
        guard v.isFinite else { throw FormulaError(.value, at: 0, "the formula returns \(v)") }
        return v
    }
}
