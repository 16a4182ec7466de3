import HindsightTrace

/// Which documents of a policy file are not policies and are passed over: a repository
/// keeps an HPA next to its Deployment, a ScaledObject next to its TriggerAuthentication,
/// a whole install file with one HPA among fourteen documents. A document is skipped
/// when its `kind` is none of the registered policy kinds, not one refused with a reason
/// (`refusedKinds`), not `Scenario`, and not a likely misspelling of a policy kind (those
/// stay errors, with their "did you mean").
enum PolicyDocumentSkip {
    /// Kinds that look like policies but cannot be simulated, with the reason.
    static let refusedKinds: [String: (reason: String, expected: String)] = [
        "ScaledJob": ("a KEDA ScaledJob starts one Job per batch of events instead of scaling the replicas of a workload, which hindsight does not simulate",
                      "a ScaledObject (keda.sh/v1alpha1) scaling a Deployment or StatefulSet"),
    ]

    /// The note for a skipped document (`skipped Deployment 'web' (apps/v1): not a
    /// policy…`) and its short name for the "no policy" message, or nil when the document
    /// is read as a policy (or refused by `PolicyLoader.policy`).
    static func reason(_ root: YAMLNode, kinds: [PolicyDocumentKind]) -> (note: String, what: String)? {
        guard root.mapping != nil, let kindNode = root["kind"], !kindNode.isNull, let kind = kindNode.scalar?.text else { return nil }
        let names = kinds.map(\.kind)
        if names.contains(kind) || kind == "Scenario" || refusedKinds[kind] != nil { return nil }
        if Suggestion.closest(to: kind, among: names) != nil { return nil }
        let name = root["metadata"]?["name"]?.scalar?.text
        let version = root["apiVersion"]?.scalar?.text
        let what = "\(kind)" + (name.map { " '\(Excerpt.of($0))'" } ?? "") + " (line \(root.location.line))"
        let note = "skipped \(kind)" + (name.map { " '\(Excerpt.of($0))'" } ?? "") + (version.map { " (\(Excerpt.of($0)))" } ?? "")
            + ": not a policy (hindsight reads \(PolicyKinds.namesText))"
        return (note, what)
    }
}
