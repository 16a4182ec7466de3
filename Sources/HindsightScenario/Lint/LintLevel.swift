/// How serious a guardrail finding is. `error` fails `lint` (exit 1); SARIF uses the same
/// three names.
public enum LintLevel: String, Sendable, Equatable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (a: LintLevel, b: LintLevel) -> Bool { a.rank < b.rank }
    var rank: Int { switch self { case .note: 0; case .warning: 1; case .error: 2 } }
}
