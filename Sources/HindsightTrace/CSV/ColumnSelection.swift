/// Which header fields a read keeps, resolved from the names the caller asked for.
struct ColumnSelection {
    /// Role per header field: `skipRole`, `timeRole`, or the index into `selected`.
    static let skipRole: Int32 = -1
    static let timeRole: Int32 = -2

    var roles: [Int32]
    var timeField: Int
    /// Output name and header index, in field order.
    var selected: [(name: String, field: Int)]
    /// Per selected column: negative values are an error.
    var negativeForbidden: [Bool]

    /// - Throws: `TraceError` on the header line for a missing or repeated column.
    init(header: [String], file: String, line: Int, timeColumn: String,
         columns: [String]?, nonNegative: Set<String>) throws {
        func missing(_ what: String) -> TraceError {
            TraceError(file: file, line: line, column: 1, message: "\(what) is not in the header",
                       expected: "one of the columns " + Excerpt.list(header))
        }
        guard let time = ColumnSelection.find(timeColumn, in: header, file: file, line: line) else {
            throw missing("the time column \"\(timeColumn)\"")
        }
        var roles = [Int32](repeating: ColumnSelection.skipRole, count: header.count)
        roles[try time.get()] = ColumnSelection.timeRole
        let timeField = try time.get()
        var wanted: [(name: String, field: Int)] = []
        if let columns {
            for name in columns {
                guard let found = ColumnSelection.find(name, in: header, file: file, line: line) else {
                    throw missing("the column \"\(name)\"")
                }
                let field = try found.get()
                if field == timeField || wanted.contains(where: { $0.field == field }) {
                    throw TraceError(file: file, line: line, column: 1,
                                     message: "the column \"\(name)\" is asked for twice (or is the time column)",
                                     expected: "each value column once")
                }
                wanted.append((name, field))
            }
        } else {
            for (field, name) in header.enumerated() where field != timeField {
                if wanted.contains(where: { $0.name == name }) {
                    throw TraceError(file: file, line: line, column: 1, message: "the header names \(Excerpt.quoted(name)) twice",
                                     expected: "unique column names")
                }
                wanted.append((name, field))
            }
        }
        wanted.sort { $0.field < $1.field }
        for (index, entry) in wanted.enumerated() { roles[entry.field] = Int32(index) }
        self.roles = roles
        self.timeField = timeField
        self.selected = wanted
        self.negativeForbidden = wanted.map { nonNegative.contains($0.name) }
    }

    /// The header index of `name`: an exact match, else the single header equal to it after
    /// normalization (case, spaces, punctuation and `₂`→`2` ignored). `nil` when absent;
    /// a failing result when the name is ambiguous.
    static func find(_ name: String, in header: [String], file: String, line: Int) -> Result<Int, TraceError>? {
        let exact = header.indices.filter { header[$0] == name }
        if exact.count == 1, let only = exact.first { return .success(only) }
        if exact.count > 1 {
            return .failure(TraceError(file: file, line: line, column: 1, message: "the header names \"\(name)\" \(exact.count) times",
                                       expected: "unique column names"))
        }
        let key = normalize(name)
        let loose = header.indices.filter { normalize(header[$0]) == key }
        if loose.count == 1, let only = loose.first { return .success(only) }
        return nil
    }

    /// Lower-case ASCII letters and digits only; subscript digits become digits.
    static func normalize(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: out.unicodeScalars.append(scalar)
            case 0x41...0x5A: out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
            case 0x2080...0x2089: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x2080 + 0x30) ?? scalar)
            default: continue
            }
        }
        return out
    }
}
