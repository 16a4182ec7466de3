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
}
