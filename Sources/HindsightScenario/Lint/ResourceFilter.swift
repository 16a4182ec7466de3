/// Kyverno's `match` / `exclude` block, the subset hindsight reads: `any` and `all` lists
/// (or a bare `resources`) of resource descriptions with `kinds`, `namespaces` and `names`
/// (wildcards allowed). An empty field matches everything.
public struct ResourceFilter: Sendable, Equatable {
    /// One `resources:` description.
    public struct Description: Sendable, Equatable {
        /// `HorizontalPodAutoscaler`, `autoscaling/v2/HorizontalPodAutoscaler`, `*`.
        public var kinds: [String] = []
        public var namespaces: [String] = []
        public var names: [String] = []
        public init() {}

        /// True when a resource of `kind` (with `apiVersion`), `namespace` and `name` fits.
        func fits(kind: String, apiVersion: String, namespace: String, name: String) -> Bool {
            let kindOK = kinds.isEmpty || kinds.contains { k in
                // `group/version/Kind` or `version/Kind` compares the version too.
                let parts = k.split(separator: "/").map(String.init)
                guard let last = parts.last, KyvernoScalarPattern.wildcard(last, kind) else { return false }
                return parts.count == 1 || KyvernoScalarPattern.wildcard(parts.dropLast().joined(separator: "/"), apiVersion)
            }
            let nsOK = namespaces.isEmpty || namespaces.contains { KyvernoScalarPattern.wildcard($0, namespace) }
            let nameOK = names.isEmpty || names.contains { KyvernoScalarPattern.wildcard($0, name) }
            return kindOK && nsOK && nameOK
        }
    }

    public var any: [Description] = []
    public var all: [Description] = []
    public init() {}

    /// True when no description is given.
    public var isEmpty: Bool { any.isEmpty && all.isEmpty }

    /// `any`: at least one fits; `all`: every one fits; both must hold when both are given.
    /// - Complexity: O(descriptions × patterns).
    public func matches(kind: String, apiVersion: String, namespace: String, name: String) -> Bool {
        let anyOK = any.isEmpty || any.contains { $0.fits(kind: kind, apiVersion: apiVersion, namespace: namespace, name: name) }
        let allOK = all.allSatisfy { $0.fits(kind: kind, apiVersion: apiVersion, namespace: namespace, name: name) }
        return anyOK && allOK
    }
}
