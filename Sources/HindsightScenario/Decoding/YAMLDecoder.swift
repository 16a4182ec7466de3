import HindsightTrace

/// Decodes `Decodable` types from `YAMLNode`s, reporting every problem with its place.
///
/// - An unknown key of a mapping is an error that suggests the closest known key.
/// - A bad value in an optional field is recorded and the field decodes as nil, so a
///   single pass finds every problem; the result is returned only when there are none.
/// - Numbers: integers must be whole and in the type's range; doubles must be finite
///   (`.nan` and `.inf` are rejected); booleans are `true`/`false`.
/// - Types conforming to `YAMLValueDecodable` (quantities, enums) decode from the node
///   directly, with their own messages.
public enum YAMLDecoder {
    /// Decodes `type` from `node`.
    /// - Throws: `InputErrors` with every problem (as `ScenarioError`s).
    public static func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws -> T {
        let context = YAMLDecodingContext()
        let value = try? decodeNode(type, node: node, context: context, path: "")
        if let value, context.errors.isEmpty { return value }
        if context.errors.isEmpty {
            context.errors.append(ScenarioError(node.location, "cannot decode \(node.found)", expected: "a valid document"))
        }
        throw InputErrors(context.errors)
    }

    /// Decodes `type` from `node` within a running decoding; problems go to `context`.
    /// - Throws: `YAMLRecordedError` after recording a problem.
    static func decodeNode<T: Decodable>(_ type: T.Type, node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> T {
        if let custom = T.self as? any YAMLValueDecodable.Type {
            let value = try custom.decode(yaml: node, context: context, path: path)
            guard let typed = value as? T else { throw context.fail(node, path: path, expected: "\(T.self)") }
            return typed
        }
        if let list = T.self as? any YAMLLenientArray.Type {
            let value = try list.decodeElements(node: node, context: context, path: path)
            guard let typed = value as? T else { throw context.fail(node, path: path, expected: "a list") }
            return typed
        }
        if let primitive = try decodePrimitive(type, node: node, context: context, path: path) { return primitive }
        let decoder = YAMLNodeDecoder(node: node, context: context, path: path)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as YAMLRecordedError {
            throw error
        } catch {
            throw context.fail(node, path: path, "cannot decode \(node.found): \(error)", expected: "a valid value")
        }
        if decoder.usedKeyedContainer, let pairs = node.mapping {
            let ignored = (T.self as? any YAMLIgnoredKeys.Type)?.ignoredKeys ?? []
            reportUnknownKeys(pairs, known: decoder.askedKeys + ignored, context: context, path: path,
                              asNotes: T.self is any YAMLNotedUnknownKeys.Type)
        }
        return value
    }

    private static func reportUnknownKeys(_ pairs: [YAMLPair], known: [String], context: YAMLDecodingContext, path: String,
                                          asNotes: Bool = false) {
        let knownSet = Set(known)
        for pair in pairs {
            guard let key = pair.key.scalar?.text, !knownSet.contains(key) else { continue }
            var message = "unknown field '\(Excerpt.of(key))'"
            if let near = Suggestion.closest(to: key, among: known) { message += " (did you mean '\(near)'?)" }
            let field = path.isEmpty ? key : "\(path).\(key)"
            if asNotes {
                context.notes.append("\(pair.key.location): \(message) at \(field), ignored (as KEDA ignores it)")
                continue
            }
            context.errors.append(ScenarioError(pair.key.location, message + " at \(field)",
                                                expected: "one of " + known.joined(separator: ", ")))
        }
    }

    // MARK: - Primitives

    private static func decodePrimitive<T>(_ type: T.Type, node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> T? {
        switch type {
        case is String.Type:
            guard let s = node.scalar, !s.isNull else { throw context.fail(node, path: path, expected: "a text value") }
            return s.text as? T
        case is Bool.Type:
            switch node.scalar?.text {
            case "true", "True", "TRUE": return true as? T
            case "false", "False", "FALSE": return false as? T
            default: throw context.fail(node, path: path, expected: "true or false")
            }
        case is Double.Type:
            return try number(node, context: context, path: path) as? T
        case is Int.Type:
            return Int(try integer(node, range: Int64(Int.min)...Int64(Int.max), context: context, path: path)) as? T
        case is Int64.Type:
            return try integer(node, range: Int64.min...Int64.max, context: context, path: path) as? T
        case is Int32.Type:
            return Int32(try integer(node, range: Int64(Int32.min)...Int64(Int32.max), context: context, path: path)) as? T
        default:
            return nil
        }
    }

    /// A finite decimal number written as YAML writes one (no `.nan`, `.inf`, hex).
    static func number(_ node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Double {
        guard let text = node.scalar?.text, !node.isNull else { throw context.fail(node, path: path, expected: "a number") }
        if let value = NumberText.double(text) { return value }
        let lowered = text.lowercased()
        if lowered.hasSuffix("nan") || lowered.hasSuffix("inf") {
            throw context.fail(node, path: path, expected: "a finite number (not NaN or infinity)")
        }
        throw context.fail(node, path: path, expected: "a number")
    }

    /// A whole number in `range`.
    static func integer(_ node: YAMLNode, range: ClosedRange<Int64>, context: YAMLDecodingContext, path: String) throws -> Int64 {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let text = node.scalar?.text, !node.isNull else { throw context.fail(node, path: path, expected: expected) }
        guard NumberText.isInteger(text) else {
            if NumberText.double(text) != nil { throw context.fail(node, path: path, expected: "a whole number") }
            throw context.fail(node, path: path, expected: expected)
        }
        guard let value = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text), range.contains(value) else {
            throw context.fail(node, path: path, "found \(Excerpt.of(text)), out of range", expected: expected)
        }
        return value
    }
}

