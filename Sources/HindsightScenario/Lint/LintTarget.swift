import HindsightTrace
/// One document of a manifest under lint: a YAML mapping with a `kind`.
public struct LintTarget: Sendable {
    /// The file as named on the command line.
    public var file: String
    public var document: YAMLNode
    public var kind: String
    public var apiVersion: String
    /// `metadata.name` (empty when absent) and `metadata.namespace` (`default` when absent).
    public var name: String
    public var namespace: String

    /// `Kind/name`.
    public var display: String { "\(kind)/\(name)" }

    /// Every document with a `kind` in the files and folders of `paths`; documents without
    /// one (comments, empty documents, lists) are not resources and are left out.
    /// - Throws: `InputErrors` for paths that do not exist and YAML that does not parse.
    /// - Complexity: O(bytes).
    public static func read(paths: [String]) throws -> [LintTarget] {
        var out: [LintTarget] = []
        var errors: [any InputError] = []
        for file in try ManifestFiles.expand(paths) {
            do {
                for doc in try YAMLDocument.parse(path: file, display: file) {
                    guard let kind = doc["kind"]?.scalar?.text, !kind.isEmpty else { continue }
                    let metadata = doc["metadata"]
                    out.append(LintTarget(file: file, document: doc, kind: kind,
                                          apiVersion: doc["apiVersion"]?.scalar?.text ?? "",
                                          name: metadata?["name"]?.scalar?.text ?? "",
                                          namespace: metadata?["namespace"]?.scalar?.text ?? "default"))
                }
            } catch let e as InputErrors {
                errors += e.errors
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return out
    }

    /// True when the filter's `match` takes this document (and `exclude` does not).
    func selected(match: ResourceFilter, exclude: ResourceFilter) -> Bool {
        match.matches(kind: kind, apiVersion: apiVersion, namespace: namespace, name: name)
            && (exclude.isEmpty || !exclude.matches(kind: kind, apiVersion: apiVersion, namespace: namespace, name: name))
    }
}
