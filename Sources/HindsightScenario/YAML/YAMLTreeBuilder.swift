import HindsightTrace
import CLibYAML

/// Turns libyaml events into `YAMLNode` trees: checks duplicate keys, expands aliases
/// under a size limit, and bounds the nesting depth.
struct YAMLTreeBuilder {
    /// An open sequence or mapping (a class, so appending does not copy the arrays).
    private final class Frame {
        let start: SourceLocation
        let tag: String?
        let anchor: String?
        let isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var seen: [String: SourceLocation] = [:]
        /// Values of `<<` merge keys, in order.
        var merges: [YAMLNode] = []
        /// Expanded size so far (this node plus its children, aliases counted in full).
        var size = 1
        init(start: SourceLocation, tag: String?, anchor: String?, isMapping: Bool) {
            self.start = start; self.tag = tag; self.anchor = anchor; self.isMapping = isMapping
        }
    }

    let file: String
    let bytes: [UInt8]
    private let characterOffsets: [Int]
    private var stack: [Frame] = []
    /// Anchored nodes of the current document with their expanded sizes.
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private(set) var documents: [YAMLNode] = []
    var errors: [ScenarioError] = []
    private var documentHasRoot = false
    /// Nodes the aliases of the current document stand for, in all.
    private var aliasExpansion = 0
    private var documentStart = SourceLocation(file: "", line: 1, column: 1)

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        self.characterOffsets = TextPosition.characterOffsets(bytes)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func byteOffset(_ mark: yaml_mark_t) -> Int {
        let i = Int(mark.index)
        return i < characterOffsets.count ? characterOffsets[i] : bytes.count
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    /// Handles one event; returns false to stop (a fatal problem was recorded).
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let start = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]; documentHasRoot = false; aliasExpansion = 0; documentStart = start
        case YAML_DOCUMENT_END_EVENT:
            if !documentHasRoot {
                documents.append(YAMLNode(value: .scalar(YAMLScalar(text: "", style: .plain, byteRange: 0..<0)),
                                          location: documentStart))
            }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text: String
            if let value = s.value {
                text = String(decoding: UnsafeBufferPointer(start: value, count: Int(s.length)), as: UTF8.self)
            } else {
                text = ""
            }
            let style: YAMLScalar.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let lo = byteOffset(event.start_mark), hi = max(lo, byteOffset(event.end_mark))
            let node = YAMLNode(value: .scalar(YAMLScalar(text: text, style: style, byteRange: lo..<hi)),
                                location: start, tag: Self.string(s.tag))
            return complete(node, size: 1, anchor: Self.string(s.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                errors.append(ScenarioError(start, "alias *\(name) names no anchor defined before it",
                                            expected: "an alias to an anchor (&\(name)) written earlier in the same document"))
                return false
            }
            return complete(anchored.node, size: anchored.size, anchor: nil, writtenAt: start)
        case YAML_SEQUENCE_START_EVENT:
            let d = event.data.sequence_start
            return push(Frame(start: start, tag: Self.string(d.tag), anchor: Self.string(d.anchor), isMapping: false))
        case YAML_MAPPING_START_EVENT:
            let d = event.data.mapping_start
            return push(Frame(start: start, tag: Self.string(d.tag), anchor: Self.string(d.anchor), isMapping: true))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            if !frame.merges.isEmpty && !merge(frame) { return false }
            let value: YAMLNode.Value = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            return complete(YAMLNode(value: value, location: frame.start, tag: frame.tag), size: frame.size, anchor: frame.anchor)
        default:
            break
        }
        return true
    }

    private mutating func push(_ frame: Frame) -> Bool {
        if stack.count >= YAMLDocument.maxDepth {
            errors.append(ScenarioError(frame.start, "nesting deeper than \(YAMLDocument.maxDepth) levels",
                                        expected: "at most \(YAMLDocument.maxDepth) nested lists and mappings"))
            return false
        }
        stack.append(frame)
        return true
    }

    /// Attaches a finished node (of expanded size `size`) to its parent, or makes it the document root.
    private mutating func complete(_ written: YAMLNode, size: Int, anchor: String?, writtenAt: SourceLocation? = nil) -> Bool {
        var node = written
        if let anchor {
            node.markShared()
            anchors[anchor] = (node, size)
        }
        guard let top = stack.last else {
            documents.append(node)
            documentHasRoot = true
            return true
        }
        top.size = Self.add(top.size, size)
        if writtenAt != nil {
            // An alias: count the nodes it stands for.
            aliasExpansion = Self.add(aliasExpansion, size)
            if aliasExpansion > YAMLDocument.maxExpandedNodes {
                let limit = YAMLDocument.maxExpandedNodes
                errors.append(ScenarioError(writtenAt ?? node.location,
                                            "aliases expand this document by more than \(limit) nodes (an alias bomb such as 'billion laughs'?)",
                                            expected: "a document whose aliases expand to at most \(limit) nodes in all"))
                return false
            }
        }
        if !top.isMapping {
            top.items.append(node)
        } else if let key = top.pendingKey {
            if key.scalar?.style == .plain && key.scalar?.text == "<<" {
                top.merges.append(node)
            } else {
                top.pairs.append(YAMLPair(key: key, value: node))
            }
            top.pendingKey = nil
        } else {
            guard let keyText = node.scalar?.text else {
                errors.append(ScenarioError(node.location, "found \(node.found) as a mapping key", expected: "a plain text key"))
                return false
            }
            if let first = top.seen[keyText] {
                errors.append(ScenarioError(node.location, "duplicate key '\(Excerpt.of(keyText))' (first at line \(first.line), column \(first.column))",
                                            expected: "each key at most once in a mapping"))
            } else {
                top.seen[keyText] = node.location
            }
            top.pendingKey = node
        }
        return true
    }

    /// Applies the `<<` merge keys of a finished mapping: the pairs of each merged mapping
    /// (or of each mapping of a merged list, earlier ones first) whose keys the mapping does
    /// not set itself are appended.
    private mutating func merge(_ frame: Frame) -> Bool {
        var present = Set(frame.pairs.compactMap { $0.key.scalar?.text })
        for source in frame.merges {
            let mappings = source.sequence ?? [source]
            for m in mappings {
                guard let pairs = m.mapping else {
                    errors.append(ScenarioError(m.location, "found \(m.found) as the value of a << merge key",
                                                expected: "a mapping or a list of mappings (usually an alias such as *defaults)"))
                    return false
                }
                for pair in pairs {
                    guard let key = pair.key.scalar?.text, present.insert(key).inserted else { continue }
                    frame.pairs.append(pair)
                }
            }
        }
        return true
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
