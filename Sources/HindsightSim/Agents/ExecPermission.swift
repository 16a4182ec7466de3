import HindsightScenario

/// Which external agents a run may start. Scenario and policy files are untrusted input
/// (a policy in a pull request can name any program), so the default is `.deny`: an
/// `exec:` policy or an `aiAgent.modelRef: "exec:…"` runs only when the caller allows it.
///
/// ```swift
/// let permission = ExecPermission.run(scenario, allowExec: false)   // the scenario's allowlist
/// try Simulation.run(scenario: scenario, trace: trace, environment: env, exec: permission)
/// ```
public enum ExecPermission: Sendable, Equatable {
    /// No external agent starts.
    case deny
    /// Every agent starts (`--allow-exec`).
    case allowAll
    /// Only these exact argument vectors (program first) start.
    case allowlist([[String]])

    /// Whether `command` (program and arguments, exactly) may start.
    /// - Complexity: O(entries × words).
    public func allows(_ command: [String]) -> Bool {
        switch self {
        case .deny: return false
        case .allowAll: return true
        case .allowlist(let entries): return entries.contains(command)
        }
    }

    /// For `run`: everything with `allowExec`, else the scenario's `spec.agents.allow`.
    public static func run(_ scenario: Scenario, allowExec: Bool) -> ExecPermission {
        allowExec ? .allowAll : .allowlist(scenario.agents.allow)
    }

    /// For `check`: everything with `allowExec`; else a command of the scenario's
    /// `spec.agents.allow` only when the baseline policy runs the same argument vector,
    /// so a command that appears only in the candidate never starts.
    public static func check(_ scenario: Scenario, baseline: PolicySpec, allowExec: Bool) -> ExecPermission {
        if allowExec { return .allowAll }
        guard let base = baseline.agentCommand else { return .allowlist([]) }
        return .allowlist(scenario.agents.allow.filter { $0 == base })
    }
}
