extension YAMLNode {
    /// Marks every scalar of this node (itself, or all below it) as shared: its bytes are
    /// the anchor's, read again by every alias and merge of it.
    /// - Complexity: O(n) in the nodes below this one.
    mutating func markShared() {
        switch value {
        case .scalar(var s):
            s.isShared = true
            value = .scalar(s)
        case .sequence(var items):
            for i in items.indices { items[i].markShared() }
            value = .sequence(items)
        case .mapping(var pairs):
            for i in pairs.indices { pairs[i].value.markShared() }
            value = .mapping(pairs)
        }
    }
}
