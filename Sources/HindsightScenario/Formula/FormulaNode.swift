/// A parsed formula of the subset of the `expr` language that KEDA's
/// `scalingModifiers.formula` uses: numbers, `true`/`false`/`nil`, names (trigger names and
/// `let` bindings), `+ - * / % ** ^`, comparisons, `&& || ! and or not`, `?:`, `??`,
/// `let NAME = VALUE; BODY`, array literals, and the functions `min`, `max`, `abs`,
/// `ceil`, `floor`, `round`, `int`, `float`, `sum`, `mean`, `median`.
public indirect enum FormulaNode: Sendable, Equatable {
    case number(Double)
    case bool(Bool)
    case null
    /// A name, with its 1-based offset in the text.
    case name(String, offset: Int)
    case array([FormulaNode])
    case unary(String, FormulaNode, offset: Int)
    case binary(String, FormulaNode, FormulaNode, offset: Int)
    case conditional(FormulaNode, FormulaNode, FormulaNode)
    case call(String, [FormulaNode], offset: Int)
    /// `let name = value; body`.
    case binding(String, FormulaNode, FormulaNode)

    /// Every free name the formula reads (outside `let` bindings), in first-use order.
    /// - Complexity: O(nodes · bindings).
    public func freeNames(bound: [String] = []) -> [(name: String, offset: Int)] {
        var out: [(String, Int)] = []
        func add(_ list: [(name: String, offset: Int)]) {
            for item in list where !out.contains(where: { $0.0 == item.name }) { out.append((item.name, item.offset)) }
        }
        switch self {
        case .number, .bool, .null: break
        case .name(let n, let offset): if !bound.contains(n) { out.append((n, offset)) }
        case .array(let items): for i in items { add(i.freeNames(bound: bound)) }
        case .unary(_, let a, _): add(a.freeNames(bound: bound))
        case .binary(_, let a, let b, _): add(a.freeNames(bound: bound)); add(b.freeNames(bound: bound))
        case .conditional(let c, let a, let b):
            add(c.freeNames(bound: bound)); add(a.freeNames(bound: bound)); add(b.freeNames(bound: bound))
        case .call(_, let args, _): for a in args { add(a.freeNames(bound: bound)) }
        case .binding(let n, let v, let body): add(v.freeNames(bound: bound)); add(body.freeNames(bound: bound + [n]))
        }
        return out.map { (name: $0.0, offset: $0.1) }
    }
}
