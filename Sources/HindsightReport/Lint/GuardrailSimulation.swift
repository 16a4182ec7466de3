import HindsightScenario
import HindsightSim
import HindsightTrace

/// Hindsight's own guardrails: each `SimulationRule` replays every policy manifest it
/// matches over its scenario and reports a finding per limit the run exceeds.
public enum GuardrailSimulation {
    /// The findings of every simulated rule, at the policy document's first line.
    /// External agents never start here (`ExecPermission.deny` unless the scenario's
    /// `spec.agents.allow` lists them).
    /// - Throws: an `InputError` when a scenario or a policy file cannot be loaded or run.
    /// - Complexity: one simulation per (rule, matching policy).
    public static func findings(_ rules: GuardrailRules, _ targets: [LintTarget]) throws -> [LintFinding] {
        var out: [LintFinding] = []
        var policiesByFile: [String: [PolicySpec]] = [:]
        for rule in rules.simulationRules {
            let matching = rules.simulationTargets(rule, targets)
            guard !matching.isEmpty else { continue }
            let scenario = try ScenarioLoader.load(path: rule.scenario)
            let prepared = try PreparedScenario(scenario: scenario)
            for target in matching {
                let policies = try policiesByFile[target.file] ?? PolicyLoader.load(path: target.file, displayPath: target.file)
                policiesByFile[target.file] = policies
                guard let policy = policies.first(where: { $0.name == target.name }) ?? (policies.count == 1 ? policies.first : nil) else { continue }
                let result = try prepared.run([policy], jobs: 1, exec: .run(scenario, allowExec: false))
                let summary = result.runs[0].summary
                for (metric, limit) in rule.limits {
                    let value = Self.value(metric, summary)
                    guard value > limit else { continue }
                    out.append(LintFinding(
                        ruleId: rule.id, level: rule.level,
                        message: "\(rule.message) (\(metric.rawValue) \(NumberText.plain(value) ?? "\(value)") exceeds \(NumberText.plain(limit) ?? "\(limit)") on scenario \(scenario.name))",
                        location: target.document.location, resource: target.display))
                }
            }
        }
        return out
    }

    /// The run's value of `metric`, in the unit of its limit.
    static func value(_ metric: GuardrailRules.SimulationMetric, _ s: RunSummary) -> Double {
        switch metric {
        case .sloViolationFraction: s.sloViolationFraction
        case .costUSD: s.costUSD
        case .emissionsKg: s.emissionsKgCO2e
        case .errorBudgetUsed: s.errorBudgetUsed
        }
    }
}
