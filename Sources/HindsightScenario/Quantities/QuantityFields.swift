import HindsightTrace
/// Field types for DTOs: each decodes one kind of quantity from a node, with a message
/// that says what was expected. All keep the node's location.

/// A Kubernetes quantity (number or string), kept exactly; rejects negative values.
struct QuantityField: YAMLScalarField {
    var quantity: Quantity
    var location: SourceLocation
    static var expected: String { Quantity.expected }
    static func parse(_ text: String, at node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> QuantityField {
        guard let q = Quantity.parse(text) else {
            throw context.failNumber(node, path: path, text: text, kind: "quantity", expected: expected)
        }
        guard q.mantissa >= 0 else { throw context.fail(node, path: path, expected: "a quantity of zero or more") }
        return QuantityField(quantity: q, location: node.location)
    }
    init(quantity: Quantity, location: SourceLocation) { self.quantity = quantity; self.location = location }
}

/// A duration (`200ms`, `30s`, `5m`, `1h`).
struct DurationField: YAMLScalarField {
    var duration: SimDuration
    var location: SourceLocation
    var seconds: Double { duration.seconds }
    static var expected: String { DurationText.expected }
    static func parse(_ text: String, at node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> DurationField {
        guard let ms = DurationText.milliseconds(text) else {
            if NumberText.double(text) != nil {
                throw context.fail(node, path: path, "found \(Excerpt.of(text)) without a unit", expected: DurationText.expected)
            }
            throw context.fail(node, path: path, expected: DurationText.expected + " (whole milliseconds, not negative)")
        }
        return DurationField(duration: .milliseconds(ms), location: node.location)
    }
    init(duration: SimDuration, location: SourceLocation) { self.duration = duration; self.location = location }
}

/// A percentage: `"60%"` or a number (60); the value is in percent.
struct PercentField: YAMLScalarField {
    var percent: Double
    /// True when written with a `%` sign.
    var hadSign: Bool
    var location: SourceLocation
    static let expected = "a percentage such as \"60%\" or 60"
    static func parse(_ text: String, at node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> PercentField {
        let hasSign = text.hasSuffix("%")
        let body = hasSign ? String(text.dropLast()).trimmingSpaces : text
        guard let value = NumberText.double(body) else { throw context.fail(node, path: path, expected: expected) }
        guard value >= 0 else { throw context.fail(node, path: path, expected: "a percentage of zero or more") }
        return PercentField(percent: value, hadSign: hasSign, location: node.location)
    }
    init(percent: Double, hadSign: Bool, location: SourceLocation) {
        self.percent = percent; self.hadSign = hadSign; self.location = location
    }
}

/// A finite number that may be written as a string (`"100"`, KEDA metadata style) or plainly.
struct NumberField: YAMLScalarField {
    var value: Double
    var location: SourceLocation
    static let expected = "a number"
    static func parse(_ text: String, at node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> NumberField {
        if let v = NumberText.double(text) { return NumberField(value: v, location: node.location) }
        if let q = Quantity.parse(text) { return NumberField(value: q.doubleValue, location: node.location) }
        throw context.failNumber(node, path: path, text: text, kind: "number", expected: expected)
    }
    init(value: Double, location: SourceLocation) { self.value = value; self.location = location }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Double {
    /// The number for messages: `120` rather than `120.0`, otherwise Swift's shortest form.
    var shown: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}
