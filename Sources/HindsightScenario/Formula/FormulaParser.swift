/// A recursive-descent (precedence-climbing) parser for `FormulaNode`. Nothing is
/// executed: the result is a tree the evaluator walks. Nesting is limited to `maxDepth`
/// levels, so hostile input cannot exhaust the stack.
struct FormulaParser {
    /// Deepest nesting of sub-expressions accepted.
    static let maxDepth = 64
    /// Longest formula accepted, in characters.
    static let maxLength = 10_000

    /// The functions the evaluator knows, with their accepted argument counts.
    static let functions: [String: ClosedRange<Int>] = [
        "min": 1...64, "max": 1...64, "sum": 1...64, "mean": 1...64, "median": 1...64,
        "abs": 1...1, "ceil": 1...1, "floor": 1...1, "round": 1...1, "int": 1...1, "float": 1...1,
    ]

    /// Binary operators: precedence (higher binds tighter) and right associativity, as `expr` has them.
    private static let binary: [String: (precedence: Int, right: Bool)] = [
        "||": (10, false), "or": (10, false), "&&": (15, false), "and": (15, false),
        "==": (20, false), "!=": (20, false), "<": (20, false), ">": (20, false), "<=": (20, false), ">=": (20, false),
        "+": (30, false), "-": (30, false), "*": (60, false), "/": (60, false), "%": (60, false),
        "**": (100, true), "^": (100, true), "??": (500, false),
    ]

    private var tokens: [(token: FormulaLexer.Token, offset: Int)]
    private var index = 0
    private var depth = 0

    /// Parses `text`.
    /// - Throws: `FormulaError` (`.syntax` or `.tooDeep`) with the character offset.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String) throws -> FormulaNode {
        guard text.count <= maxLength else {
            throw FormulaError(.syntax, at: 0, "the formula has \(text.count) characters, more than \(maxLength)")
        }
        var parser = FormulaParser(tokens: try FormulaLexer.tokens(text))
        let node = try parser.program()
        guard case .end = parser.current.token else {
            throw FormulaError(.syntax, at: parser.current.offset, "unexpected \(parser.describe(parser.current.token)) after the end of the formula")
        }
        return node
    }

    private init(tokens: [(token: FormulaLexer.Token, offset: Int)]) { self.tokens = tokens }

    private var current: (token: FormulaLexer.Token, offset: Int) { tokens[min(index, tokens.count - 1)] }

    private func describe(_ t: FormulaLexer.Token) -> String {
        switch t {
        case .number(let v): "number \(v)"
        case .word(let w): "'\(w)'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of formula"
        }
    }

    private mutating func expect(_ symbol: String) throws {
        guard case .symbol(symbol) = current.token else {
            throw FormulaError(.syntax, at: current.offset, "expected '\(symbol)', found \(describe(current.token))")
        }
        index += 1
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth {
            throw FormulaError(.tooDeep, at: current.offset, "the formula nests deeper than \(Self.maxDepth) levels")
        }
    }

    /// `let NAME = VALUE; …` bindings, then an expression.
    private mutating func program() throws -> FormulaNode {
        try enter(); defer { depth -= 1 }
        if case .word("let") = current.token {
            index += 1
            guard case .word(let name) = current.token else {
                throw FormulaError(.syntax, at: current.offset, "expected a name after 'let', found \(describe(current.token))")
            }
            index += 1
            try expect("=")
            let value = try conditional()
            try expect(";")
            return .binding(name, value, try program())
        }
        return try conditional()
    }

    /// `a ? b : c` (right associative), else a binary expression.
    private mutating func conditional() throws -> FormulaNode {
        try enter(); defer { depth -= 1 }
        let condition = try binaryExpression(minimum: 0)
        guard case .symbol("?") = current.token else { return condition }
        index += 1
        let yes = try conditional()
        try expect(":")
        let no = try conditional()
        return .conditional(condition, yes, no)
    }

    private func binaryOperator(_ t: FormulaLexer.Token) -> String? {
        switch t {
        case .symbol(let s) where Self.binary[s] != nil: s
        case .word(let w) where w == "and" || w == "or": w
        default: nil
        }
    }

    /// Precedence climbing over `binary`.
    private mutating func binaryExpression(minimum: Int) throws -> FormulaNode {
        try enter(); defer { depth -= 1 }
        var left = try unary()
        while let op = binaryOperator(current.token), let info = Self.binary[op], info.precedence >= minimum {
            let offset = current.offset
            index += 1
            let right = try binaryExpression(minimum: info.right ? info.precedence : info.precedence + 1)
            left = .binary(op, left, right, offset: offset)
        }
        return left
    }

    private mutating func unary() throws -> FormulaNode {
        try enter(); defer { depth -= 1 }
        let offset = current.offset
        switch current.token {
        case .symbol("-"), .symbol("+"), .symbol("!"):
            guard case .symbol(let s) = current.token else { break }
            index += 1
            // `-` and `+` bind tighter than `*` but looser than `**` (expr: -2 ** 2 is -4).
            let operand = s == "!" ? try unary() : try binaryExpression(minimum: 100)
            return .unary(s, operand, offset: offset)
        case .word("not"):
            index += 1
            return .unary("!", try unary(), offset: offset)
        default:
            break
        }
        return try primary()
    }

    private mutating func primary() throws -> FormulaNode {
        let (token, offset) = current
        switch token {
        case .number(let v):
            index += 1
            return .number(v)
        case .word("true"): index += 1; return .bool(true)
        case .word("false"): index += 1; return .bool(false)
        case .word("nil"): index += 1; return .null
        case .word(let w):
            index += 1
            guard case .symbol("(") = current.token else { return .name(w, offset: offset) }
            guard let arity = Self.functions[w] else {
                throw FormulaError(.syntax, at: offset, "unknown function '\(w)'; the formula may call \(Self.functions.keys.sorted().joined(separator: ", "))")
            }
            index += 1
            let args = try list(closing: ")")
            guard arity.contains(args.count) else {
                throw FormulaError(.syntax, at: offset, "\(w) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or more") argument(s), found \(args.count)")
            }
            return .call(w, args, offset: offset)
        case .symbol("("):
            index += 1
            let inner = try conditional()
            try expect(")")
            return inner
        case .symbol("["):
            index += 1
            return .array(try list(closing: "]"))
        default:
            throw FormulaError(.syntax, at: offset, "expected a number, a name or '(', found \(describe(token))")
        }
    }

    /// Comma-separated expressions up to `closing` (consumed).
    private mutating func list(closing: String) throws -> [FormulaNode] {
        try enter(); defer { depth -= 1 }
        var items: [FormulaNode] = []
        if case .symbol(closing) = current.token { index += 1; return items }
        while true {
            items.append(try conditional())
            if case .symbol(",") = current.token { index += 1; continue }
            try expect(closing)
            return items
        }
    }
}
