/// Splits a formula into tokens, each with its 1-based character offset.
struct FormulaLexer {
    enum Token: Equatable {
        case number(Double)
        case word(String)
        case symbol(String)
        case end
    }

    /// Two- and one-character operators, longest first.
    private static let symbols = ["**", "==", "!=", "<=", ">=", "&&", "||", "??",
                                  "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":", "(", ")", "[", "]", ",", ";", "="]

    /// The tokens of `text` and their offsets; the last is `.end`.
    /// - Throws: `FormulaError.syntax` at the first character that starts no token.
    /// - Complexity: O(n) in the length of the text.
    static func tokens(_ text: String) throws -> [(token: Token, offset: Int)] {
        let chars = Array(text)
        var out: [(Token, Int)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "_" { i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    var j = i + 1
                    if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
                    if j < chars.count, chars[j].isNumber {
                        i = j
                        while i < chars.count, chars[i].isNumber { i += 1 }
                    }
                }
                let literal = String(chars[start..<i]).replacingOccurrences(of: "_", with: "")
                guard let v = Double(literal), v.isFinite else {
                    throw FormulaError(.syntax, at: start + 1, "'\(literal)' is not a number")
                }
                out.append((.number(v), start + 1))
                continue
            }
            if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                out.append((.word(String(chars[start..<i])), start + 1))
                continue
            }
            guard let symbol = symbols.first(where: { s in
                let sc = Array(s)
                return i + sc.count <= chars.count && Array(chars[i..<(i + sc.count)]) == sc
            }) else {
                throw FormulaError(.syntax, at: start + 1, "unexpected character '\(c)'")
            }
            i += symbol.count
            out.append((.symbol(symbol), start + 1))
        }
        out.append((.end, chars.count + 1))
        return out.map { (token: $0.0, offset: $0.1) }
    }
}
