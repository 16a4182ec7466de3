import HindsightTrace
extension GuardrailRules {
    /// The findings of every Kyverno pattern rule on every target it matches: one per
    /// failed field, at that field's line and column; ordered by file, line, column, rule.
    /// - Complexity: O(rules × targets × pattern size).
    public func patternFindings(_ targets: [LintTarget]) -> [LintFinding] {
        var out: [LintFinding] = []
        for target in targets {
            for rule in patternRules where target.selected(match: rule.match, exclude: rule.exclude) {
                for failure in KyvernoPattern.failures(pattern: rule.pattern, resource: target.document) {
                    out.append(LintFinding(ruleId: rule.id, level: rule.level, message: "\(rule.message) (\(failure.message))",
                                           location: failure.location, resource: target.display))
                }
            }
        }
        return out
    }

    /// The targets a simulated rule applies to: matched by its `kinds` (any when none),
    /// and only kinds hindsight can simulate.
    public func simulationTargets(_ rule: SimulationRule, _ targets: [LintTarget]) -> [LintTarget] {
        targets.filter { PolicyKinds.names.contains($0.kind) && $0.selected(match: rule.match, exclude: ResourceFilter()) }
    }
}
