import Foundation
import HindsightScenario
import HindsightTrace

extension PolicyRunner {
    /// Named series an agent-driven policy reads, when the trace has them.
    static func agentSeries(_ setup: RunSetup) -> [String] {
        ["rps", "cpu"].filter { setup.trace.series[$0] != nil }
    }

    /// An AIOptimizationPolicy. A hosted model runs reactive with a warning (validation
    /// already refused it under `--strict`); `exec:` models start their agent here.
    static func runAI(_ policy: PolicySpec, _ ai: AIOptimizationSpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        autoscalerWarnings(target: ai.targetWorkload, period: ai.evaluationInterval, setup: setup, into: &warnings)
        var agent: ExternalAgent? = nil
        switch ai.model {
        case .hosted(let model):
            warnings.append("aiAgent.modelRef '\(model)' is a hosted model that cannot run offline: the policy ran reactive (modelRef none); --strict makes this an error")
        case .exec(let command):
            agent = try startAgent(policy, command: command, directory: scenarioFolder(setup), timeout: .seconds(5), setup: setup)
        case .none, .ewma, .linear, .holtWinters, .seasonalNaive:
            break
        }
        defer { agent?.close() }
        let initial = min(max(initialReplicas(setup, minimum: ai.minReplicas), ai.minReplicas), ai.maxReplicas)
        let c = AIPolicyController(spec: ai, setup: setup, agent: agent)
        let start = ai.dryRun ? initialReplicas(setup, minimum: ai.minReplicas) : initial
        return try located(policy, setup) {
            try finish(policy, setup: setup, controller: c, initial: start, seriesNames: agentSeries(setup), warnings: &warnings)
        }
    }

    /// An `exec:` agent in charge of the fleet.
    static func runExec(_ policy: PolicySpec, _ e: ExecSpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        let agent = try startAgent(policy, command: e.command, directory: e.directory, timeout: e.timeout, setup: setup)
        defer { agent.close() }
        let initial = min(max(initialReplicas(setup, minimum: e.minReplicas), e.minReplicas), e.maxReplicas)
        let c = ExecPolicyController(
            agent: agent, minReplicas: e.minReplicas, maxReplicas: e.maxReplicas,
            cpuRequest: setup.scenario.workload.cpuRequest, hasLatency: setup.latencyKind != .none,
            timers: [ControllerTimer(first: setup.trace.start, period: e.interval)])
        return try located(policy, setup) {
            try finish(policy, setup: setup, controller: c, initial: initial, seriesNames: agentSeries(setup), warnings: &warnings)
        }
    }

    /// Starts `policy`'s agent if the run's permission allows it, in a minimal environment
    /// (plus the scenario's `spec.agents.env`).
    static func startAgent(_ policy: PolicySpec, command: [String], directory: String, timeout: SimDuration, setup: RunSetup) throws -> ExternalAgent {
        try Simulation.requirePermission(policy, setup: setup)
        let environment = ExternalAgent.minimalEnvironment(passing: setup.scenario.agents.env)
        return try located(policy, setup) {
            try ExternalAgent(command: command, directory: directory, timeout: timeout.milliseconds, environment: environment)
        }
    }

    /// Runs `body`; an agent's failure is reported at the policy's place in the scenario.
    static func located<T>(_ policy: PolicySpec, _ setup: RunSetup, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AgentError {
            let at = policy.location.map { "\($0)" } ?? setup.scenario.file
            throw InputMessage("\(at): policy '\(policy.name)': \(error)")
        }
    }

    /// `replay:` — the decisions file is read here (timestamp,replicas[,reason]).
    static func runReplay(_ policy: PolicySpec, _ r: ReplaySpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        let raw = try TraceCSV.read(path: r.file, timeColumn: "timestamp", columns: ["replicas"], nonNegative: ["replicas"])
        guard let counts = raw.columns["replicas"], !raw.times.isEmpty else {
            throw InputMessage("\(r.file): no decisions; expected rows of timestamp,replicas[,reason]")
        }
        var times: [SimInstant] = [], replicas: [Int32] = []
        for (ms, v) in zip(raw.times, counts) where v.isFinite {
            let t = SimInstant(unixMilliseconds: ms)
            guard v == v.rounded(), v <= Double(SimLimits.maxReplicas) else {
                throw InputMessage("\(r.file): replicas \(v) at \(t.wholeUnixSeconds) s; expected a whole number of pods from 0 to \(SimLimits.maxReplicas)")
            }
            times.append(t); replicas.append(Int32(v))
        }
        let first = times.first.flatMap { t in t <= setup.trace.start ? nil : t }
        if let first { warnings.append("the first logged decision is at \(first.wholeUnixSeconds) s, after the trace starts: the fleet keeps its initial size until then") }
        let c = ReplayController(times: times, replicas: replicas, file: (r.file as NSString).lastPathComponent,
                                 grid: setup.trace.grid)
        let initial = initialReplicas(setup, minimum: Int(replicas.first ?? 1))
        return try finish(policy, setup: setup, controller: c, initial: initial, seriesNames: [], warnings: &warnings)
    }

    /// The folder of the scenario file (agents run there).
    static func scenarioFolder(_ setup: RunSetup) -> String {
        (setup.scenario.file as NSString).deletingLastPathComponent
    }
}
