import HindsightTrace
/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the
/// place it was written (1-based line and column, in characters).
///
/// Aliases are expanded when the tree is built (an alias node is the anchored node,
/// with the anchored node's location), so consumers never see them. Mapping keys keep
/// their order; a duplicate key is rejected by the parser.
public struct YAMLNode: Sendable, Equatable {
    /// The content of a node.
    public enum Value: Sendable, Equatable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// The content: scalar, sequence or mapping.
    public var value: Value
    /// Where the node starts (for a quoted scalar: at its opening quote).
    public var location: SourceLocation
    /// The explicit tag, if one was written (`!!str`, `!custom`); nil otherwise.
    public var tag: String?

    /// A node with its content and place.
    public init(value: Value, location: SourceLocation, tag: String? = nil) {
        self.value = value; self.location = location; self.tag = tag
    }

    /// The scalar, or nil for a sequence or mapping.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = value { return s }
        return nil
    }

    /// The pairs of a mapping, or nil.
    public var mapping: [YAMLPair]? {
        if case .mapping(let p) = value { return p }
        return nil
    }

    /// The items of a sequence, or nil.
    public var sequence: [YAMLNode]? {
        if case .sequence(let s) = value { return s }
        return nil
    }

    /// True for a plain `null`, `~`, `Null`, `NULL` or empty plain scalar (YAML 1.2 core schema).
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The value of `key` in a mapping (keys compared as scalar text), or nil.
    /// - Complexity: O(n) in the number of pairs.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first(where: { $0.key.scalar?.text == key })?.value
    }

    /// A short description of what the node is, for messages: `a mapping`, `a sequence`,
    /// `'text'` (scalars quoted, truncated to 40 characters), `null`.
    public var found: String {
        switch value {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s):
            if s.isNull { return s.text.isEmpty ? "nothing" : Excerpt.of(s.text) }
            return "'\(Excerpt.of(s.text))'"
        }
    }
}

/// A key-value pair of a mapping.
public struct YAMLPair: Sendable, Equatable {
    /// The key (a scalar in every tree the parser builds).
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode
    /// A pair.
    public init(key: YAMLNode, value: YAMLNode) { self.key = key; self.value = value }
}

/// A scalar: its text after YAML unescaping, how it was written, and where its source text lies.
public struct YAMLScalar: Sendable, Equatable {
    /// How a scalar was written in the source.
    public enum Style: Sendable, Equatable { case plain, singleQuoted, doubleQuoted, literal, folded }

    /// The value as YAML reads it (escapes resolved, folding applied).
    public var text: String
    /// How the scalar was written (plain, quoted, block).
    public var style: Style
    /// Byte offsets `[start, end)` of the scalar's source text in the file, quotes
    /// included for quoted scalars, so a tool can replace the scalar with a minimal edit.
    public var byteRange: Range<Int>
    /// True when the source text stands for more than one place: the scalar carries an
    /// anchor (`&name`) or lies inside an anchored list or mapping, so every alias (`*name`)
    /// and `<<` merge of it reads the same bytes. `YAMLPatch` refuses to edit such a scalar.
    public var isShared: Bool

    /// A scalar with its text, style and source range.
    public init(text: String, style: Style, byteRange: Range<Int>, isShared: Bool = false) {
        self.text = text; self.style = style; self.byteRange = byteRange; self.isShared = isShared
    }

    /// True for a plain scalar that YAML reads as null.
    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}
