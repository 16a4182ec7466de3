/// A Kubernetes-shaped policy document as written: `apiVersion`, `kind`, `metadata`, a
/// `spec` of the kind's own shape, and a `status` that is accepted and ignored.
struct PolicyDocumentDTO<Spec: Decodable>: Decodable {
    var apiVersion: String?
    var kind: String?
    var metadata: ObjectMetaDTO?
    var spec: Located<Spec>?
    var status: YAMLIgnored?

    /// `spec`, or nil after recording "`kind` without 'spec'" at the document's start.
    /// - Parameters:
    ///   - kind: the document kind as messages name it (`ScaledObject`).
    ///   - expected: what a usable spec holds, for the message.
    func requiredSpec(_ kind: String, expected: String, root: YAMLNode, context: YAMLDecodingContext) -> Located<Spec>? {
        guard let spec else {
            context.missing(at: root.location, field: "spec", "\(kind) without 'spec'", expected: expected)
            return nil
        }
        return spec
    }

    /// The document's `metadata.name` (nil after recording why) and its `spec` (nil, and
    /// the whole document unusable, after recording "`kind` without 'spec'"): what every
    /// policy conversion reads first, in the order its problems are reported.
    func opened(_ kind: String, expected: String, root: YAMLNode,
                context: YAMLDecodingContext) -> (name: Located<String>?, spec: Located<Spec>)? {
        let name = PolicyConversion.metadataName(metadata, root: root, context: context)
        guard let spec = requiredSpec(kind, expected: expected, root: root, context: context) else { return nil }
        return (name, spec)
    }
}
