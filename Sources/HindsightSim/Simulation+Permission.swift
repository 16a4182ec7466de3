import HindsightScenario
import HindsightTrace

extension Simulation {
    /// Refuses a policy whose external agent `setup.exec` does not allow.
    /// - Throws: `InputMessage` at the policy naming it, the command, and the way to allow it.
    static func requirePermission(_ policy: PolicySpec, setup: RunSetup) throws {
        try requirePermission([policy], in: setup.scenario, exec: setup.exec)
    }

    /// Refuses, before anything runs, the first of `policies` whose external agent `exec`
    /// does not allow (a command that gets through would start when the policy runs
    /// in `scenario`).
    /// - Throws: `InputMessage` at the policy naming it, the command, and the way to allow it.
    public static func requirePermission(_ policies: [PolicySpec], in scenario: Scenario, exec: ExecPermission) throws {
        for policy in policies { try requirePermission(policy, scenarioFile: scenario.file, exec: exec) }
    }

    static func requirePermission(_ policy: PolicySpec, scenarioFile: String, exec: ExecPermission) throws {
        guard let command = policy.agentCommand, !exec.allows(command) else { return }
        let at = policy.location.map { "\($0): " } ?? "\(scenarioFile): "
        let shown = "[" + command.map { Excerpt.of($0, limit: 3 * Excerpt.defaultLimit) }.joined(separator: ", ") + "]"
        throw InputMessage("\(at)policy '\(policy.name)' would start the external agent \(shown), which this run does not allow; external agents start only with --allow-exec, or when the scenario lists the exact command in spec.agents.allow (for `check`, only a command the baseline policy also runs)")
    }
}
