import HindsightTrace
import Foundation

/// Kyverno's rules for one scalar of a `validate.pattern` against one scalar of a resource
/// (the documented subset, README "Guardrails").
///
/// A pattern string is a list of alternatives separated by `|`, each a list of conditions
/// joined by `&`; a condition is an optional operator (`>=`, `<=`, `>`, `<`, `!`) and an
/// operand. With a comparison operator both sides are read as numbers, Kubernetes
/// quantities (`500m`, `1Gi`) or durations (`30s`, `5m`) and compared by value; otherwise
/// the operand is a wildcard pattern (`*` any run of characters, `?` one character)
/// matched against the resource's text, and `!` negates it. `*` alone requires a value of
/// any kind (not null). A pattern that is not a string (a number or a boolean) must equal
/// the resource's value.
public enum KyvernoScalarPattern {
    /// True when `value` (the resource scalar's text; nil for null or a missing value)
    /// satisfies `pattern` (the pattern scalar's text; `isString` false for a plain
    /// number or boolean).
    /// - Complexity: O(pattern × value) for wildcards, O(n) otherwise.
    public static func matches(pattern: String, patternIsPlainScalar: Bool, value: String?) -> Bool {
        if patternIsPlainScalar, let n = number(pattern) {
            guard let value, let v = number(value) else { return false }
            return n == v
        }
        if patternIsPlainScalar, pattern == "true" || pattern == "false" { return value == pattern }
        for alternative in pattern.split(separator: "|", omittingEmptySubsequences: false) {
            let conditions = alternative.split(separator: "&", omittingEmptySubsequences: false)
            if conditions.allSatisfy({ condition(String($0).trimmingCharacters(in: .whitespaces), value) }) { return true }
        }
        return false
    }

    /// One condition: operator and operand.
    static func condition(_ text: String, _ value: String?) -> Bool {
        for op in [">=", "<=", ">", "<"] where text.hasPrefix(op) {
            let operand = String(text.dropFirst(op.count)).trimmingCharacters(in: .whitespaces)
            guard let value, let a = number(value), let b = number(operand) else { return false }
            switch op {
            case ">=": return a >= b
            case "<=": return a <= b
            case ">": return a > b
            default: return a < b
            }
        }
        if text.hasPrefix("!") {
            let operand = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
            guard let value else { return true }
            return !wildcard(operand, value)
        }
        guard let value else { return false }
        if text == "*" { return true }
        if let a = number(value), let b = number(text), !text.contains("*"), !text.contains("?") { return a == b }
        return wildcard(text, value)
    }

    /// A number, a Kubernetes quantity or a duration, as a Double (durations in seconds).
    static func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = Double(t), d.isFinite { return d }
        if let q = Quantity.parse(t) { return q.doubleValue }
        if let ms = DurationText.milliseconds(t) { return Double(ms) / 1000 }
        return nil
    }

    /// Glob match: `*` any run of characters (empty included), `?` exactly one.
    /// - Complexity: O(pattern × text).
    public static func wildcard(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), s = Array(text)
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] { pi += 1; si += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = si; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; si = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

