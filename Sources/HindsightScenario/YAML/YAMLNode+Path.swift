/// Finding a node by a dotted path, as sweep parameters name them.
extension YAMLNode {
    /// The node at `path` such as `spec.metrics[0].resource.target.averageUtilization`:
    /// keys separated by dots, list indexes in brackets. nil when any step is missing.
    /// - Complexity: O(path length × mapping sizes).
    public func node(atPath path: String) -> YAMLNode? {
        var current = self
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            var part = Substring(component)
            var key = part
            if let bracket = part.firstIndex(of: "[") {
                key = part[..<bracket]
                part = part[bracket...]
            } else {
                part = ""
            }
            if !key.isEmpty {
                guard let next = current[String(key)] else { return nil }
                current = next
            }
            while part.hasPrefix("[") {
                guard let close = part.firstIndex(of: "]"), let index = Int(part[part.index(after: part.startIndex)..<close]),
                      let items = current.sequence, index >= 0, index < items.count else { return nil }
                current = items[index]
                part = part[part.index(after: close)...]
            }
            guard part.isEmpty else { return nil }
        }
        return current
    }
}
