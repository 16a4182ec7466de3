/// `spec.agents`: which external agents the scenario vouches for, and what they may see.
///
/// External agents (`exec:` policies, `aiAgent.modelRef: "exec:…"`) are programs named
/// by input files, so they start only with permission (the simulator's `ExecPermission`).
/// `allow` lists exact argument vectors a run of this scenario may start without
/// `--allow-exec`; `env` names variables of the caller's environment passed to agents
/// on top of `PATH`, `HOME`, `LANG` and `TZ`.
public struct AgentsSpec: Sendable, Equatable {
    /// Exact argument vectors (program first), e.g. `[["python3", "agents/forecast.py", "80", "2"]]`.
    public var allow: [[String]] = []
    /// Environment variable names passed through to agents.
    public var env: [String] = []
    public init(allow: [[String]] = [], env: [String] = []) { self.allow = allow; self.env = env }
}
