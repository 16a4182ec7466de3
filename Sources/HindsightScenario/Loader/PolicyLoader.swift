import HindsightTrace

/// Loads standalone policy files: one policy per YAML document, of a kind registered in
/// `PolicyKinds` (HorizontalPodAutoscaler, ScaledObject, AIOptimizationPolicy);
/// empty documents are skipped.
public enum PolicyLoader {
    /// Loads every policy document of the file at `path`.
    ///
    /// ```swift
    /// let policies = try PolicyLoader.load(path: "/abs/policies/hpa.yaml", displayPath: "policies/hpa.yaml")
    /// ```
    /// - Parameter displayPath: the file's name in messages.
    /// - Throws: `InputErrors` with every problem of every document (`ScenarioError`s).
    public static func load(path: String, displayPath: String) throws -> [PolicySpec] {
        try load(bytes: FileReading.read(path: path, display: displayPath, at: nil), displayPath: displayPath)
    }

    /// Loads every policy document of a policy file's bytes (a file in memory, such as
    /// a sweep point's patched copy), naming it `displayPath` in messages and locations.
    ///
    /// ```swift
    /// let policies = try PolicyLoader.load(bytes: patched, displayPath: "policies/hpa.yaml")
    /// ```
    /// - Throws: `InputErrors` with every problem of every document (`ScenarioError`s).
    /// - Complexity: O(bytes).
    public static func load(bytes: [UInt8], displayPath: String) throws -> [PolicySpec] {
        let context = YAMLDecodingContext()
        let policies = load(bytes: bytes, display: displayPath, namedAt: nil, context: context)
        if !context.errors.isEmpty { throw InputErrors(ScenarioError.ordered(context.errors)) }
        return policies
    }

    /// Loads the policies named by `reference` — a path (relative to `folder`) or
    /// `git:REF:PATH` (read with `git show REF:PATH` run in `folder`; PATH from the
    /// repository root) — as `check --baseline` takes them.
    /// - Throws: `InputErrors` with every problem found.
    public static func load(reference: String, in folder: String) throws -> [PolicySpec] {
        let context = YAMLDecodingContext()
        let conversion = ScenarioConversion(context: context, display: reference, folder: folder)
        let policies = conversion.policyFile(reference, at: nil, display: reference)
        if !context.errors.isEmpty { throw InputErrors(ScenarioError.ordered(context.errors)) }
        return policies
    }

    /// Policies of a file's bytes; problems go to `context`. Documents of a kind that is
    /// not a policy (a Deployment, a PodDisruptionBudget, a TriggerAuthentication…) are
    /// skipped with a note naming them; a file whose documents are all skipped is refused.
    /// The file's notes go to the first policy (and stay in `context.notes`).
    /// - Parameter namedAt: where the file was named (a scenario entry), for "no policies" messages.
    static func load(bytes: [UInt8], display: String, namedAt: SourceLocation?, context: YAMLDecodingContext) -> [PolicySpec] {
        let parsed = YAMLDocument.parseCollecting(bytes: bytes, file: display)
        context.errors += parsed.errors
        guard parsed.complete else { return [] }
        let documents = parsed.documents
        var policies: [PolicySpec] = []
        var sawDocument = false
        var sawPolicyDocument = false
        var skipped: [String] = []
        var fileNotes: [String] = []
        // `kubectl get … -o yaml` of several objects prints one `kind: List` whose items are the documents.
        let roots = documents.filter { !$0.isNull }.flatMap { root -> [YAMLNode] in
            if root["kind"]?.scalar?.text == "List", let items = root["items"]?.sequence { return items }
            return [root]
        }
        for root in roots {
            sawDocument = true
            if let skip = PolicyDocumentSkip.reason(root, kinds: PolicyKinds.documents) {
                skipped.append(skip.what)
                let note = "\(root.location): \(skip.note)"
                fileNotes.append(note)
                context.notes.append(note)
                continue
            }
            sawPolicyDocument = true
            let notesBefore = context.notes.count
            if var p = policy(from: root, context: context) {
                p.sourceBytes = bytes
                p.notes = Array(context.notes[notesBefore...])
                policies.append(p)
            }
        }
        if !sawDocument && documents.allSatisfy(\.isNull) {
            context.record(at: SourceLocation(file: display, line: 1, column: 1), "the file is empty",
                           expected: "one or more YAML documents of kind " + PolicyKinds.names.joined(separator: ", "))
        } else if !sawPolicyDocument {  // every document skipped, or an empty List
            context.record(at: SourceLocation(file: display, line: 1, column: 1),
                           "no policy in the file" + (skipped.isEmpty ? "" : " (skipped: \(skipped.joined(separator: ", ")))"),
                           expected: "at least one document of kind " + PolicyKinds.names.joined(separator: ", "))
        }
        if !policies.isEmpty { policies[0].notes = fileNotes + policies[0].notes }
        return policies
    }

    /// One policy document → a policy, or nil (problems recorded).
    /// - Parameter kinds: the registered document kinds (tests may add one).
    static func policy(from root: YAMLNode, context: YAMLDecodingContext,
                       kinds: [PolicyDocumentKind] = PolicyKinds.documents) -> PolicySpec? {
        let names = kinds.map(\.kind)
        guard root.mapping != nil else {
            context.record(root, path: "", found: "\(root.found) at the top level",
                           expected: "a mapping with apiVersion, kind, metadata and spec")
            return nil
        }
        guard let kindNode = root["kind"], let kind = kindNode.scalar?.text, !kindNode.isNull else {
            context.record(at: root.location, "document without 'kind'", expected: "kind: " + names.joined(separator: ", "))
            return nil
        }
        if let refused = PolicyDocumentSkip.refusedKinds[kind] {
            context.record(at: kindNode.location, "kind \(kind): \(refused.reason)", expected: refused.expected)
            return nil
        }
        guard let registered = kinds.first(where: { $0.kind == kind }) else {
            var message = "unsupported kind '\(kind)'"
            if let near = Suggestion.closest(to: kind, among: names) { message += " (did you mean '\(near)'?)" }
            if kind == "Scenario" { message = "a Scenario where a policy was expected" }
            context.record(at: kindNode.location, message, expected: "kind: " + names.joined(separator: ", "))
            return nil
        }
        let apiVersion = root["apiVersion"]?.scalar?.text
        guard let version = apiVersion, registered.apiVersions.contains(version) else {
            var found = apiVersion.map { "apiVersion '\($0)'" } ?? "no apiVersion"
            if apiVersion == "keda.k8s.io/v1alpha1" {
                found += " (KEDA 1, removed in KEDA 2: the group is keda.sh and scaleTargetRef.deploymentName became name)"
            }
            context.record(at: root["apiVersion"]?.location ?? root.location, "\(found) for kind \(kind)",
                           expected: "apiVersion: " + registered.apiVersions.joined(separator: " or "))
            return nil
        }
        return registered.convert(root, version, context)
    }
}
