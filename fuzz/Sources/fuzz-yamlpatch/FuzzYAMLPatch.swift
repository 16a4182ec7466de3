import HindsightScenario

/// YAMLPatch: parse, pick a scalar, set it to a value chosen from the input, apply,
/// parse again. The patched file must parse and hold the new value at the same path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let root = (try? YAMLDocument.parse(bytes: bytes, file: "f.yaml"))?.first else { return 0 }
    let paths = scalarPaths(root, prefix: "", limit: 64)
    guard !paths.isEmpty else { return 0 }
    let seed = bytes.reduce(UInt64(size)) { $0 &* 31 &+ UInt64($1) }
    let path = paths[Int(seed % UInt64(paths.count))]
    let values: [YAMLPatch.Value] = [.number(Double(seed % 1000) / 8), .text("v\(seed % 97)"), .number(-3), .text("a b:c")]
    let value = values[Int((seed / 7) % UInt64(values.count))]
    guard let edit = try? YAMLPatch.edit(root, path: path, to: value, file: "f.yaml") else { return 0 }
    let patched = YAMLPatch.apply([edit], to: bytes)
    guard let again = (try? YAMLDocument.parse(bytes: patched, file: "f.yaml"))?.first else {
        fatalError("patched file no longer parses: path \(path), value \(value)")
    }
    guard let scalar = again.node(atPath: path)?.scalar else {
        fatalError("patched file lost the path \(path)")
    }
    let holds: Bool
    switch value {
    case .number(let v): holds = Double(scalar.text) == v
    case .text(let s): holds = scalar.text == s
    }
    if !holds { fatalError("path \(path) holds '\(scalar.text)' after setting \(value)") }
    return 0
}

/// Dotted paths (`a.b[2].c`) of the scalars under `node`, at most `limit` of them.
func scalarPaths(_ node: YAMLNode, prefix: String, limit: Int) -> [String] {
    var found: [String] = []
    func walk(_ n: YAMLNode, _ path: String, depth: Int) {
        guard found.count < limit, depth < 20 else { return }
        if let entries = n.mapping {
            for pair in entries {
                guard let k = pair.key.scalar?.text, !k.isEmpty, !k.contains("."), !k.contains("["), !k.contains("]") else { continue }
                walk(pair.value, path.isEmpty ? k : path + "." + k, depth: depth + 1)
            }
        } else if let items = n.sequence {
            for (i, item) in items.enumerated() { walk(item, path + "[\(i)]", depth: depth + 1) }
        } else if n.scalar != nil, !path.isEmpty {
            found.append(path)
        }
    }
    walk(node, prefix, depth: 0)
    return found
}
