import HindsightScenario
import HindsightTrace

extension Simulation {
    /// Refuses a policy whose external agent `setup.exec` does not allow.
    /// - Throws: `InputMessage` at the policy naming it, the command, and the way to allow it.
    static func requirePermission(_ policy: PolicySpec, setup: RunSetup) throws {
        guard let command = policy.agentCommand, !setup.exec.allows(command) else { return }
        let at = policy.location.map { "\($0): " } ?? "\(setup.scenario.file): "
        let shown = "[" + command.map { Excerpt.of($0, limit: 3 * Excerpt.defaultLimit) }.joined(separator: ", ") + "]"
        throw InputMessage("\(at)policy '\(policy.name)' would start the external agent \(shown), which this run does not allow; external agents start only with --allow-exec, or when the scenario lists the exact command in spec.agents.allow (for `check`, only a command the baseline policy also runs)")
    }
}
