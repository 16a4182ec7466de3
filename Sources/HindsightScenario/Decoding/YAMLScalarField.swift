/// A field decoded from the text of one scalar (quantities, durations, percentages,
/// numbers): a null or non-scalar node fails with ``expected``; the text is read by
/// ``parse(_:at:context:path:)``.
protocol YAMLScalarField: YAMLValueDecodable, Decodable {
    /// What the field accepts, for messages.
    static var expected: String { get }
    /// The value written as `text` at `node`; on a problem, record it (`context.fail`) and throw.
    static func parse(_ text: String, at node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Self
}

extension YAMLScalarField {
    static func decode(yaml node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Self {
        guard let text = node.scalar?.text, !node.isNull else { throw context.fail(node, path: path, expected: expected) }
        return try parse(text, at: node, context: context, path: path)
    }

    init(from decoder: any Decoder) throws { throw YAMLRecordedError() }
}

extension YAMLDecodingContext {
    /// Records that `text` is not a `kind` (`quantity`, `number`) and returns the error to
    /// throw; when the text spells NaN or infinity, the message asks for a finite one.
    func failNumber(_ node: YAMLNode, path: String, text: String, kind: String, expected: String) -> YAMLRecordedError {
        let lowered = text.lowercased()
        if lowered.hasSuffix("nan") || lowered.hasSuffix("inf") {
            return fail(node, path: path, expected: "a finite \(kind) (not NaN or infinity)")
        }
        return fail(node, path: path, expected: expected)
    }
}
