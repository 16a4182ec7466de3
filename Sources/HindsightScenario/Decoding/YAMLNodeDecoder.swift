/// The `Decoder` over one node. It remembers which keys its type asked for, so the
/// caller can report the keys nobody asked for as unknown fields.
final class YAMLNodeDecoder: Decoder {
    let node: YAMLNode
    let context: YAMLDecodingContext
    let path: String
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Keys asked for, in order of first asking (the known fields of the type).
    private(set) var askedKeys: [String] = []
    private var askedSet: Set<String> = []
    private(set) var usedKeyedContainer = false

    init(node: YAMLNode, context: YAMLDecodingContext, path: String) {
        self.node = node; self.context = context; self.path = path
    }

    func ask(_ key: String) {
        if askedSet.insert(key).inserted { askedKeys.append(key) }
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.mapping else {
            throw context.fail(node, path: path, expected: "a mapping (key: value lines)")
        }
        usedKeyedContainer = true
        return KeyedDecodingContainer(YAMLKeyedContainer<Key>(decoder: self, pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.sequence else { throw context.fail(node, path: path, expected: "a list") }
        return YAMLUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        YAMLSingleValueContainer(decoder: self)
    }
}

struct YAMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLNodeDecoder
    let pairs: [YAMLPair]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] {
        pairs.compactMap { pair in
            guard let text = pair.key.scalar?.text else { return nil }
            decoder.ask(text)
            return Key(stringValue: text)
        }
    }

    private func node(_ key: Key) -> YAMLNode? {
        decoder.ask(key.stringValue)
        return pairs.first(where: { $0.key.scalar?.text == key.stringValue })?.value
    }

    func contains(_ key: Key) -> Bool { node(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { node(key)?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = node(key), !value.isNull else {
            throw decoder.context.fail(decoder.node, path: decoder.path, "missing field '\(key.stringValue)'",
                                       expected: "a value for '\(decoder.childPath(key.stringValue))'")
        }
        return try YAMLDecoder.decodeNode(type, node: value, context: decoder.context, path: decoder.childPath(key.stringValue))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = node(key), !value.isNull else { return nil }
        do {
            return try YAMLDecoder.decodeNode(type, node: value, context: decoder.context, path: decoder.childPath(key.stringValue))
        } catch is YAMLRecordedError {
            return nil
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(type, key) }

    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type as T.Type, forKey: key) as T
    }
    private func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        try decodeIfPresent(type as T.Type, forKey: key) as T?
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let value = node(key) else {
            throw decoder.context.fail(decoder.node, path: decoder.path, "missing field '\(key.stringValue)'", expected: "a mapping")
        }
        return try YAMLNodeDecoder(node: value, context: decoder.context, path: decoder.childPath(key.stringValue)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard let value = node(key) else {
            throw decoder.context.fail(decoder.node, path: decoder.path, "missing field '\(key.stringValue)'", expected: "a list")
        }
        return try YAMLNodeDecoder(node: value, context: decoder.context, path: decoder.childPath(key.stringValue)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        YAMLNodeDecoder(node: node(key) ?? decoder.node, context: decoder.context, path: decoder.childPath(key.stringValue))
    }
}
