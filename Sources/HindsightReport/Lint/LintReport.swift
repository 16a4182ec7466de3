import HindsightScenario

/// The findings of `hindsight lint` in its three formats: text (one line each, like a
/// compiler), JSON, and SARIF 2.1.0 (``LintReport/sarif(_:rules:)``).
public enum LintReport {
    /// Findings sorted by file, line, column, then rule id: the order of every format.
    /// - Complexity: O(n log n).
    public static func sorted(_ findings: [LintFinding]) -> [LintFinding] {
        findings.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.ruleId, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.ruleId, $1.message)
        }
    }

    /// `file:line:col: level: message [rule] (Kind/name)` per finding, then a count line.
    public static func text(_ findings: [LintFinding], rules: GuardrailRules, files: Int) -> String {
        var out = ""
        for f in sorted(findings) {
            out += "\(f.location): \(f.level.rawValue): \(f.message) [\(f.ruleId)] (\(f.resource))\n"
        }
        let errors = findings.filter { $0.level == .error }.count
        let warnings = findings.filter { $0.level == .warning }.count
        out += "\(files) file\(files == 1 ? "" : "s"), \(rules.count) rule\(rules.count == 1 ? "" : "s"): "
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        out += findings.count - errors - warnings > 0 ? ", \(findings.count - errors - warnings) notes\n" : "\n"
        return out
    }

    /// `{"findings": [{rule, level, message, file, line, column, resource}…], "errors": N, "warnings": N}`.
    public static func json(_ findings: [LintFinding]) -> String {
        let items: [JSONValue] = sorted(findings).map { f in
            .object([
                ("rule", .string(f.ruleId)), ("level", .string(f.level.rawValue)), ("message", .string(f.message)),
                ("file", .string(f.location.file)), ("line", .integer(Int64(f.location.line))),
                ("column", .integer(Int64(f.location.column))), ("resource", .string(f.resource)),
            ])
        }
        return JSONValue.object([
            ("findings", .array(items)),
            ("errors", .integer(Int64(findings.filter { $0.level == .error }.count))),
            ("warnings", .integer(Int64(findings.filter { $0.level == .warning }.count))),
        ]).rendered()
    }
}
