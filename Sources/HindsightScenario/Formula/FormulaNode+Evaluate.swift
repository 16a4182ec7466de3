import Foundation

extension FormulaNode {
    /// A value during evaluation: a number, a boolean, `nil`, or a list (function arguments).
    public enum Value: Sendable, Equatable {
        case number(Double)
        case bool(Bool)
        case null
        case list([Value])
    }

    /// Evaluates the tree with `values` for the free names (trigger values, real units).
    /// Numbers are IEEE doubles (`/` of two numbers as Go divides floats); comparisons of
    /// numbers give booleans; `a ?? b` is `b` only when `a` is `nil`.
    /// - Throws: `FormulaError` (`.unknownName`, `.type`).
    /// - Complexity: O(nodes).
    public func evaluate(_ values: [String: Double], bound: [String: Value] = [:]) throws -> Value {
        switch self {
        case .number(let v): return .number(v)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .name(let n, let offset):
            if let v = bound[n] { return v }
            guard let v = values[n] else { throw FormulaError(.unknownName, at: offset, "no value for '\(n)'") }
            return .number(v)
        case .array(let items):
            return .list(try items.map { try $0.evaluate(values, bound: bound) })
        case .unary(let op, let a, let offset):
            let v = try a.evaluate(values, bound: bound)
            if op == "!" { return .bool(!(try Self.bool(v, offset, op))) }
            let x = try Self.number(v, offset, op)
            return .number(op == "-" ? -x : x)
        case .binary(let op, let a, let b, let offset):
            return try Self.binary(op, a, b, offset: offset, values: values, bound: bound)
        case .conditional(let c, let yes, let no):
            let test = try c.evaluate(values, bound: bound)
            guard case .bool(let flag) = test else { throw FormulaError(.type, at: 0, "the condition before '?' is not a boolean") }
            return try (flag ? yes : no).evaluate(values, bound: bound)
        case .call(let name, let args, let offset):
            return try Self.call(name, try args.map { try $0.evaluate(values, bound: bound) }, offset: offset)
        case .binding(let name, let value, let body):
            var inner = bound
            inner[name] = try value.evaluate(values, bound: bound)
            return try body.evaluate(values, bound: inner)
        }
    }

    private static func number(_ v: Value, _ offset: Int, _ op: String) throws -> Double {
        guard case .number(let x) = v else { throw FormulaError(.type, at: offset, "'\(op)' needs a number") }
        return x
    }

    private static func bool(_ v: Value, _ offset: Int, _ op: String) throws -> Bool {
        guard case .bool(let b) = v else { throw FormulaError(.type, at: offset, "'\(op)' needs a boolean") }
        return b
    }

    private static func binary(_ op: String, _ a: FormulaNode, _ b: FormulaNode, offset: Int,
                               values: [String: Double], bound: [String: Value]) throws -> Value {
        let left = try a.evaluate(values, bound: bound)
        switch op {
        case "??":
            return left == .null ? try b.evaluate(values, bound: bound) : left
        case "&&", "and":
            guard try bool(left, offset, op) else { return .bool(false) }
            return .bool(try bool(try b.evaluate(values, bound: bound), offset, op))
        case "||", "or":
            if try bool(left, offset, op) { return .bool(true) }
            return .bool(try bool(try b.evaluate(values, bound: bound), offset, op))
        default:
            break
        }
        let right = try b.evaluate(values, bound: bound)
        if op == "==" { return .bool(left == right) }
        if op == "!=" { return .bool(left != right) }
        let x = try number(left, offset, op), y = try number(right, offset, op)
        switch op {
        case "+": return .number(x + y)
        case "-": return .number(x - y)
        case "*": return .number(x * y)
        case "/": return .number(x / y)
        case "%":
            guard y != 0 else { throw FormulaError(.value, at: offset, "'%' by zero") }
            return .number(x.truncatingRemainder(dividingBy: y))
        case "**", "^": return .number(Foundation.pow(x, y))
        case "<": return .bool(x < y)
        case ">": return .bool(x > y)
        case "<=": return .bool(x <= y)
        case ">=": return .bool(x >= y)
        default: throw FormulaError(.syntax, at: offset, "unknown operator '\(op)'")
        }
    }

    private static func call(_ name: String, _ args: [Value], offset: Int) throws -> Value {
        // A single list argument spreads (`max([a, b])` is `max(a, b)`).
        let spread: [Value] = args.count == 1 ? { if case .list(let items) = args[0] { return items } else { return args } }() : args
        let xs = try spread.map { try number($0, offset, name) }
        guard let first = xs.first else { throw FormulaError(.type, at: offset, "\(name) of an empty list") }
        switch name {
        case "min": return .number(xs.min() ?? first)
        case "max": return .number(xs.max() ?? first)
        case "sum": return .number(xs.reduce(0, +))
        case "mean": return .number(xs.reduce(0, +) / Double(xs.count))
        case "median":
            let sorted = xs.sorted()
            let mid = sorted.count / 2
            return .number(sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2)
        case "abs": return .number(Swift.abs(first))
        case "ceil": return .number(first.rounded(.up))
        case "floor": return .number(first.rounded(.down))
        case "round": return .number(first.rounded(.toNearestOrAwayFromZero))
        case "int": return .number(first.rounded(.towardZero))
        case "float": return .number(first)
        default: throw FormulaError(.syntax, at: offset, "unknown function '\(name)'")
        }
    }
}
