import HindsightScenario

/// `AIOptimizationPolicy` in the simulator: ``AIOptimizationController`` (or an external
/// agent for `modelRef: "exec:…"`) evaluated every `evaluationInterval`.
///
/// With `dryRun: true` every decision is recorded as proposed and none is applied: the
/// fleet follows the baseline — the recorded replicas (a second timer replays them
/// step by step, before the evaluation at the same instant) or else stays at its
/// initial size.
struct AIPolicyController: Controller {
    var logic: AIOptimizationController
    let agent: ExternalAgent?
    let baseline: [Double]?
    let setup: RunSetup
    let timers: [ControllerTimer]
    private let evaluationTimer: Int

    init(spec: AIOptimizationSpec, setup: RunSetup, agent: ExternalAgent?) {
        let horizon = spec.horizon ?? setup.scenario.workload.startupDelay
        logic = AIOptimizationController(spec: spec, horizon: horizon)
        self.agent = agent
        self.setup = setup
        let evaluation = ControllerTimer(first: setup.trace.start, period: spec.evaluationInterval)
        if spec.dryRun, let recorded = setup.trace.series["replicas"] {
            baseline = recorded
            timers = [ControllerTimer(every: setup.trace.grid), evaluation]
            evaluationTimer = 1
        } else {
            baseline = nil
            timers = [evaluation]
            evaluationTimer = 0
        }
    }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        if timer != evaluationTimer { return replayBaseline(context) }
        let spec = logic.spec
        let metrics = AgentMetrics(context, cpuRequest: setup.scenario.workload.cpuRequest,
                                   hasLatency: setup.latencyKind != .none)
        let current = Int(context.specReplicas)
        var target: Int
        var reason: String
        if let agent {
            let answer = try agent.ask(metrics.requestLine(now: context.now, replicas: context.specReplicas))
            target = min(max(answer.replicas, spec.minReplicas), spec.maxReplicas)
            reason = "agent: " + (answer.reason.isEmpty ? "\(answer.replicas)" : answer.reason)
        } else {
            let observation = AIObservation(
                now: context.now, replicas: current, ready: metrics.ready, cpuUtilization: metrics.cpuUtilization,
                latencyP99: metrics.latencyP99, rps: metrics.rps, cpuCores: metrics.rps == nil ? metrics.cpuCores : nil,
                carbonIntensity: context.carbonIntensity.isFinite ? context.carbonIntensity : nil)
            let step = max(0, min(context.stepIndex, setup.load.podCapacity.count - 1))
            let (latency, load) = (setup.latency, setup.load)
            let request = setup.scenario.workload.cpuRequest
            let kind = setup.latencyKind
            // The predicted latency is for `horizon` ahead: pods asked for now are ready by
            // then when the horizon covers the startup delay, so they count (otherwise a
            // policy that already scaled ahead of the load would scale again and again).
            let atHorizon = logic.horizon >= setup.scenario.workload.startupDelay ? current : metrics.ready
            let decision = logic.evaluate(observation) { predicted, readyNow in
                let ready = max(readyNow, atHorizon)
                guard kind != .none, ready > 0, step < load.podCapacity.count else { return nil }
                let cores = predicted * load.cpuPerWork[step] + load.idlePerPod[step] * Double(ready)
                let p = latency.p99Seconds(LatencyInput(
                    ready: ready, arrivalRate: predicted, podRate: load.podCapacity[step], backlog: 0,
                    utilizationPct: cores / (Double(ready) * request) * 100, step: step))
                return p.isFinite ? p : nil
            }
            (target, reason) = decision
        }
        guard target != current else { return nil }
        return ControllerAction(desired: Int32(clamping: target), reason: reason, proposedOnly: spec.dryRun)
    }

    /// dryRun's baseline: the recorded replicas at this step (missing values hold).
    private func replayBaseline(_ context: ControllerContext) -> ControllerAction? {
        guard let baseline, context.stepIndex >= 0, context.stepIndex < baseline.count else { return nil }
        let v = baseline[context.stepIndex]
        guard v.isFinite else { return nil }
        let desired = Int32(min(max(0, v.rounded()), Double(SimLimits.maxReplicas)))
        guard desired != context.specReplicas else { return nil }
        return ControllerAction(desired: desired, reason: "dryRun baseline: recorded replicas \(desired)")
    }
}
