import HindsightScenario
import HindsightTrace

/// Builds the controller of one policy and runs its simulation.
enum PolicyRunner {
    /// Runs `policy` over the setup's trace.
    /// - Throws: `InputMessage` for a policy kind this version cannot run.
    static func run(_ policy: PolicySpec, setup: RunSetup) throws -> RunResult {
        var warnings: [String] = policy.notes
        let trace = setup.trace
        switch policy.kind {
        case .observed:
            let recorded = trace.series["replicas"] ?? []
            let c = ObservedController(recorded: recorded, grid: trace.grid)
            return try finish(policy, setup: setup, controller: c, initial: initialReplicas(setup, minimum: 0), seriesNames: [],
                              warnings: &warnings, measuresCPUError: true)
        case .fixed(let n):
            let c = StaticController(replicas: Int32(clamping: n))
            return try finish(policy, setup: setup, controller: c, initial: n, seriesNames: [], warnings: &warnings)
        case .hpa(let hpa):
            return try runHPA(policy, hpa, setup: setup, warnings: &warnings)
        case .scaledObject(let so):
            return try runKEDA(policy, so, setup: setup, warnings: &warnings)
        case .aiOptimization(let ai):
            return try runAI(policy, ai, setup: setup, warnings: &warnings)
        case .exec(let e):
            return try runExec(policy, e, setup: setup, warnings: &warnings)
        case .replay(let r):
            return try runReplay(policy, r, setup: setup, warnings: &warnings)
        case .registered(let spec):
            return try simulated(spec, policy: policy).run(policy, setup: setup, warnings: &warnings)
        }
    }

    /// `workload.initialReplicas`, else the first recorded replicas, else `minimum`.
    static func initialReplicas(_ setup: RunSetup, minimum: Int) -> Int {
        if let n = setup.scenario.workload.initialReplicas { return max(0, n) }
        if let rec = setup.trace.series["replicas"], let first = rec.first(where: { $0.isFinite }) {
            return Int(min(max(0, first.rounded()), Double(SimLimits.maxReplicas)))
        }
        return max(0, minimum)
    }

    /// Warnings common to autoscalers: target name mismatch, trace shorter than a sync.
    static func autoscalerWarnings(target: String?, period: SimDuration, setup: RunSetup, into warnings: inout [String]) {
        if let mismatch = setup.scenario.targetMismatchWarning(target: target) { warnings.append(mismatch) }
        let span = setup.trace.grid.span
        if span <= period {
            warnings.append("the trace covers \(span.seconds) s, no more than one controller period (\(period.seconds) s): the policy acts at most once")
        }
    }

    /// Runs the engine with `controller` and packages the result.
    /// - Parameter measuresCPUError: sum the modelled CPU's error against the recorded CPU
    ///   (`cpu_mape`): only the observed replay's is reported (``ModelFidelity``), every
    ///   other run's would be discarded.
    static func finish<C: Controller>(_ policy: PolicySpec, setup: RunSetup, controller: C, initial: Int,
                                      seriesNames: [String], warnings: inout [String],
                                      measuresCPUError: Bool = false) throws -> RunResult {
        var engine = SimulationEngine(setup: setup, controller: controller, initialReplicas: initial, seriesNames: seriesNames)
        engine.measuresCPUError = measuresCPUError
        let (summary, series, decisions) = try engine.run()
        warnings += engine.warnings
        return RunResult(policy: policy.name, policyFileName: policy.fileName, kind: policy.kindLabel,
                         summary: summary, series: series, decisions: decisions, warnings: warnings)
    }
}
