import HindsightReport
import HindsightScenario

/// The linter's findings on a set of manifests, shared by `lint` and `check --rules`.
struct GuardrailOutcome {
    var findings: [LintFinding]
    var rules: GuardrailRules
    var files: Int

    /// Reads the rules and the manifests, then runs the pattern and the simulated rules.
    /// - Throws: an `InputError` for bad rules, manifests or scenarios.
    static func evaluate(paths: [String], rules rulePaths: [String]) throws -> GuardrailOutcome {
        let rules = try GuardrailRules.load(paths: rulePaths)
        let targets = try LintTarget.read(paths: paths)
        let findings = rules.patternFindings(targets) + (try GuardrailSimulation.findings(rules, targets))
        return GuardrailOutcome(findings: LintReport.sorted(findings), rules: rules,
                                files: Set(try ManifestFiles.expand(paths)).count)
    }

    var errors: Int { findings.filter { $0.level == .error }.count }
    var text: String { LintReport.text(findings, rules: rules, files: files) }
    var sarif: String { LintReport.sarif(findings, rules: rules) }
}
