/// How one kind of policy document is read: its `kind`, the `apiVersion`s accepted, and
/// the conversion of a document of that kind into a `PolicySpec`. Every kind is listed
/// once in `PolicyKinds.documents`; loaders, messages and help derive from that list.
public struct PolicyDocumentKind: Sendable {
    /// The document's `kind`, e.g. `HorizontalPodAutoscaler`; also the run's kind label.
    public let kind: String
    /// Accepted `apiVersion` values, preferred first.
    public let apiVersions: [String]
    /// Converts a document (its root mapping and its `apiVersion`, already checked to be
    /// one of `apiVersions`), recording every problem in the context; nil when unusable.
    let convert: @Sendable (_ root: YAMLNode, _ apiVersion: String, _ context: YAMLDecodingContext) -> PolicySpec?

    init(kind: String, apiVersions: [String],
         convert: @escaping @Sendable (_ root: YAMLNode, _ apiVersion: String, _ context: YAMLDecodingContext) -> PolicySpec?) {
        precondition(!apiVersions.isEmpty, "policy kind \(kind) registered without an apiVersion")
        self.kind = kind; self.apiVersions = apiVersions; self.convert = convert
    }

    /// A kind whose document decodes as `DTO` and converts with `convert`.
    static func decoding<DTO: Decodable & SendableMetatype>(_: DTO.Type, kind: String, apiVersions: [String],
                                         convert: @escaping @Sendable (DTO, YAMLNode, YAMLDecodingContext) -> PolicySpec?) -> PolicyDocumentKind {
        PolicyDocumentKind(kind: kind, apiVersions: apiVersions) { root, _, context in
            guard let dto = try? YAMLDecoder.decodeNode(DTO.self, node: root, context: context, path: "") else { return nil }
            return convert(dto, root, context)
        }
    }

    /// `Kind (v1 or v2)` for help texts.
    public var withVersions: String { "\(kind) (\(PolicyKinds.alternatives(apiVersions)))" }
}
