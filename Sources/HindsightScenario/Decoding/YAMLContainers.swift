/// The items of a sequence, decoded in order.
struct YAMLUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: YAMLNodeDecoder
    let items: [YAMLNode]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    private(set) var currentIndex = 0

    init(decoder: YAMLNodeDecoder, items: [YAMLNode]) { self.decoder = decoder; self.items = items }

    private mutating func next() throws -> (YAMLNode, String) {
        guard currentIndex < items.count else {
            throw decoder.context.fail(decoder.node, path: decoder.path, "the list is too short", expected: "more items")
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], "\(decoder.path)[\(currentIndex)]")
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        return try YAMLDecoder.decodeNode(type, node: node, context: decoder.context, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try YAMLNodeDecoder(node: node, context: decoder.context, path: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try YAMLNodeDecoder(node: node, context: decoder.context, path: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try next()
        return YAMLNodeDecoder(node: node, context: decoder.context, path: path)
    }
}

/// The node itself as one value.
struct YAMLSingleValueContainer: SingleValueDecodingContainer {
    let decoder: YAMLNodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.node.isNull }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try YAMLDecoder.decodeNode(type, node: decoder.node, context: decoder.context, path: decoder.path)
    }
}

/// Arrays decode element by element, recording every bad element (not only the first).
protocol YAMLLenientArray {
    static func decodeElements(node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Self
}

extension Array: YAMLLenientArray where Element: Decodable {
    static func decodeElements(node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> [Element] {
        guard let items = node.sequence else { throw context.fail(node, path: path, expected: "a list") }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        var failed = false
        for (i, item) in items.enumerated() {
            do {
                result.append(try YAMLDecoder.decodeNode(Element.self, node: item, context: context, path: "\(path)[\(i)]"))
            } catch is YAMLRecordedError {
                failed = true
            }
        }
        if failed { throw YAMLRecordedError() }
        return result
    }
}
