/// A JSON document built in code, with objects that keep their keys in insertion
/// order (Foundation's encoder does not), rendered deterministically.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number; NaN and ±∞ render as `null` (JSON has no such numbers).
    case number(Double)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    /// Keys in the order given; duplicates are the caller's responsibility.
    case object([(String, JSONValue)])

    /// A number that may be absent: `nil` renders as `null`.
    public static func optionalNumber(_ x: Double?) -> JSONValue {
        guard let x else { return .null }
        return .number(x)
    }

    /// Structural equality; NaN numbers equal each other (both render as `null`).
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y || (x.isNaN && y.isNaN)
        case let (.integer(x), .integer(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}
