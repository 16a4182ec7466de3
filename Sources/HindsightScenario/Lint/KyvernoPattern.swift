/// Kyverno's `validate.pattern` over a YAML resource, for the documented subset (README
/// "Guardrails"): mappings, one-item lists, scalars (``KyvernoScalarPattern``) and the
/// key anchors
///
/// - `(key)` conditional (also written `?(key)`): when the resource's value under `key`
///   does not match (or the key is absent), the rest of this mapping is not checked;
/// - `=(key)` equality: when `key` is present its value must match, absence passes;
/// - `X(key)` negation: `key` must be absent;
/// - a plain key: it must be present and its value must match.
///
/// A one-item pattern list checks every item of the resource's list against that item
/// (items skipped by a conditional anchor pass).
public enum KyvernoPattern {
    /// The failures of `resource` against `pattern` (empty when it satisfies it).
    /// - Parameter path: the dotted path of `resource` in its document, for messages.
    /// - Complexity: O(pattern × resource) nodes.
    public static func failures(pattern: YAMLNode, resource: YAMLNode, path: String = "") -> [PatternFailure] {
        switch pattern.value {
        case .mapping(let pairs):
            guard let fields = resource.mapping else {
                return [fail(resource, path, "is \(resource.found), the rule expects a mapping")]
            }
            let anchored = pairs.map { (anchor: Anchor($0.key.scalar?.text ?? ""), value: $0.value) }
            // Conditions first: one that does not hold skips the whole mapping.
            for entry in anchored where entry.anchor.kind == .conditional {
                guard let value = field(fields, entry.anchor.key),
                      failures(pattern: entry.value, resource: value, path: join(path, entry.anchor.key)).isEmpty else { return [] }
            }
            var out: [PatternFailure] = []
            for entry in anchored {
                let key = entry.anchor.key
                let value = field(fields, key)
                switch entry.anchor.kind {
                case .conditional: continue
                case .negation:
                    if let value { out.append(fail(value, join(path, key), "must not be set")) }
                case .equality:
                    if let value { out += failures(pattern: entry.value, resource: value, path: join(path, key)) }
                case .plain:
                    guard let value else {
                        out.append(fail(resource, path, "lacks '\(key)', which the rule requires"))
                        continue
                    }
                    out += failures(pattern: entry.value, resource: value, path: join(path, key))
                }
            }
            return out
        case .sequence(let items):
            guard let item = items.first else { return [] }
            guard let list = resource.sequence else {
                return [fail(resource, path, "is \(resource.found), the rule expects a list")]
            }
            var out: [PatternFailure] = []
            for (i, element) in list.enumerated() {
                out += failures(pattern: item, resource: element, path: "\(path)[\(i)]")
            }
            return out
        case .scalar(let s):
            let value: String? = resource.isNull ? nil : resource.scalar?.text
            if resource.scalar == nil && s.text == "*" { return [] }
            guard resource.scalar != nil || resource.isNull else {
                return [fail(resource, path, "is \(resource.found), the rule expects a value matching '\(s.text)'")]
            }
            let plain = s.style == .plain
            if KyvernoScalarPattern.matches(pattern: s.text, patternIsPlainScalar: plain, value: value) { return [] }
            return [fail(resource, path, "\(resource.found) does not match '\(s.text)'")]
        }
    }

    /// The problems that put `pattern` outside the supported subset (a list of more than
    /// one item, Kyverno variables `{{ }}`, anchors this subset lacks), each at its node.
    /// - Complexity: O(pattern nodes).
    public static func unsupported(_ pattern: YAMLNode) -> [PatternFailure] {
        switch pattern.value {
        case .mapping(let pairs):
            var out: [PatternFailure] = []
            for pair in pairs {
                let key = pair.key.scalar?.text ?? ""
                if Anchor.unsupported(key) {
                    out.append(PatternFailure(location: pair.key.location, message: "the anchor in '\(key)' is not in hindsight's subset (conditional (k), equality =(k), negation X(k))"))
                }
                out += unsupported(pair.value)
            }
            return out
        case .sequence(let items):
            if items.count > 1 {
                return [PatternFailure(location: pattern.location, message: "a pattern list of \(items.count) items is not in hindsight's subset (one item, applied to every element)")]
            }
            return items.flatMap(unsupported)
        case .scalar(let s):
            if s.text.contains("{{") {
                return [PatternFailure(location: pattern.location, message: "Kyverno variables ({{ … }}) are not in hindsight's subset")]
            }
            return []
        }
    }

    static func field(_ pairs: [YAMLPair], _ key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar?.text == key }?.value
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func fail(_ node: YAMLNode, _ path: String, _ what: String) -> PatternFailure {
        PatternFailure(location: node.location, message: "\(path.isEmpty ? "the resource" : path) \(what)")
    }

    /// A pattern key with its anchor taken apart.
    struct Anchor {
        enum Kind { case plain, conditional, equality, negation }
        let kind: Kind
        let key: String

        init(_ text: String) {
            func inner(_ prefix: String) -> String? {
                guard text.hasPrefix(prefix + "("), text.hasSuffix(")") else { return nil }
                return String(text.dropFirst(prefix.count + 1).dropLast())
            }
            if let k = inner("") { kind = .conditional; key = k }
            else if let k = inner("?") { kind = .conditional; key = k }
            else if let k = inner("=") { kind = .equality; key = k }
            else if let k = inner("X") { kind = .negation; key = k }
            else { kind = .plain; key = text }
        }

        /// Kyverno anchors outside the subset: global `^()`, add `+()`, existence `<()`.
        static func unsupported(_ text: String) -> Bool {
            ["^(", "+(", "<("].contains { text.hasPrefix($0) } && text.hasSuffix(")")
        }
    }
}
