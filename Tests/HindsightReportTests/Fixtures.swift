import HindsightStats
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

/// Synthetic results for the report tests: deterministic (SeededGenerator), shaped like a
/// real replay (diurnal load with spikes, replicas that follow it, violations, decisions).
enum Fixtures {
    static let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z

    static func scenario(name: String = "demo", policies: [String] = ["observed", "hpa-cpu-60", "ai-optimizer"]) -> Scenario {
        var workload = WorkloadSpec(cpuRequest: 0.5)
        workload.name = "deployment/checkout-api"
        workload.memoryRequest = 512 * 1_048_576
        workload.podCapacity = 40
        var slo = SLOSpec()
        slo.latencyP99 = 0.25
        slo.objective = 0.995
        var carbon = CarbonSpec()
        carbon.intensityFile = "/data/grid.csv"
        let specs: [PolicySpec] = policies.enumerated().map { i, name in
            switch i {
            case 0: PolicySpec(name: name, kind: .observed)
            case 1:
                PolicySpec(name: name, kind: .hpa(HPASpec(name: name, target: "deployment/checkout-api", minReplicas: 2,
                                                          maxReplicas: 20, metrics: [.resource(.cpu, .utilization(60))],
                                                          behavior: nil)))
            default: PolicySpec(name: name, kind: .fixed(replicas: 6))
            }
        }
        return Scenario(name: name, file: "/x/scenario.yaml", trace: TraceSpec(source: .file("/x.csv")),
                        workload: workload, slo: slo, carbon: carbon, policies: specs)
    }

    /// A run of `steps` steps of `stepMs` for policy number `index` (0 = observed).
    static func run(policy: String, index: Int, steps: Int, stepMs: Int64, seed: UInt64) -> RunResult {
        var rng = SeededGenerator(seed: seed)
        var s = RunSeries()
        s.rows.reserveCapacity(steps)
        var decisions: [Decision] = []
        var replicas: Int32 = 4
        let dayMs = 86_400_000.0
        for i in 0..<steps {
            let t = start + Int64(i) * stepMs
            let phase = Double(t % 86_400_000) / dayMs
            let wave: Double = sin(2 * Double.pi * (phase - 0.3))
            var load: Double = 120 + 90 * wave + 10 * rng.nextUnit()
            if rng.nextUnit() < 0.0005 { load *= 3 }  // rare spikes
            let wanted = Int32(max(2, min(20, (load / 30).rounded(.up) + Double(index % 2))))
            if wanted != replicas && (i % 8 == 0 || index == 0) {
                decisions.append(Decision(time: SimInstant(unixMilliseconds: t), from: Int(replicas), to: Int(wanted),
                                          reason: "cpu utilization \(Int(load / Double(replicas) * 2)) % vs target 60 %",
                                          proposedOnly: index == 2))
                replicas = wanted
            }
            let util = min(100, load / (Double(replicas) * 40) * 100)
            let latency = util > 95 ? 400 + 100 * rng.nextUnit() : 40 + util * 1.2 + 5 * rng.nextUnit()
            let hours = Double(stepMs) / 3_600_000
            let kWh = Double(replicas) * 2.0 * hours / 1000
            let intensity = 300 + 120 * cos(2 * Double.pi * phase)
            s.rows.append(StepRow(timestamp: t, loadRPS: load, loadCores: load * 0.01, desiredReplicas: wanted,
                                  readyReplicas: replicas, totalReplicas: replicas, utilizationPct: util,
                                  latencyP99Ms: i % 5000 == 17 ? .nan : latency,
                                  slo: i % 5000 == 17 ? .notJudged : (latency > 250 ? .violated : .met),
                                  costUSD: Double(replicas) * 0.5 * 0.031611 * hours, energyKWh: kWh,
                                  emissionsG: kWh * intensity, carbonIntensity: intensity))
        }
        var summary = RunSummary()
        let grid = TraceGrid(start: SimInstant(unixMilliseconds: start), step: .milliseconds(stepMs), count: steps)
        summary.start = grid.start
        summary.end = grid.end
        summary.stepSeconds = grid.step.seconds
        summary.replicasMean = s[\.totalReplicas].reduce(0.0) { $0 + Double($1) } / Double(max(steps, 1))
        summary.replicasMax = Int(s[\.totalReplicas].max() ?? 0)
        summary.replicasMin = Int(s[\.totalReplicas].min() ?? 0)
        summary.costUSD = s[\.costUSD].reduce(0, +)
        summary.energyKWh = s[\.energyKWh].reduce(0, +)
        summary.emissionsKgCO2e = s[\.emissionsG].reduce(0, +) / 1000
        summary.requestsServed = s[\.loadRPS].reduce(0, +) * Double(stepMs) / 1000
        summary.sciGramsPer1kRequests = summary.emissionsKgCO2e * 1000 / (summary.requestsServed / 1000)
        let violated = s[\.slo].filter { $0 == .violated }.count
        summary.sloViolationSeconds = Double(violated) * Double(stepMs) / 1000
        summary.sloViolationFraction = Double(violated) / Double(max(steps, 1))
        summary.errorBudgetUsed = summary.sloViolationFraction / 0.005
        summary.scalingActions = decisions.count
        summary.latencyMAPE = index == 0 ? 4.2 : nil
        let kinds = ["observed", "HorizontalPodAutoscaler", "AIOptimizationPolicy"]
        return RunResult(policy: policy, policyFileName: PolicySpec(name: policy, kind: .observed).fileName,
                         kind: kinds[min(index, 2)], summary: summary, series: s, decisions: decisions,
                         warnings: index == 2 ? ["model openai-gpt-4o cannot run offline; ran reactive (none)"] : [])
    }

    /// A whole result: `days` days at `stepSeconds` for the given policies.
    static func result(days: Double, stepSeconds: Int64 = 15,
                       policies: [String] = ["observed", "hpa-cpu-60", "ai-optimizer"]) -> ScenarioResult {
        let stepMs = stepSeconds * 1000
        let steps = Int(days * 86_400 / Double(stepSeconds))
        let runs = policies.enumerated().map { i, name in
            run(policy: name, index: i, steps: steps, stepMs: stepMs, seed: UInt64(i + 1) * 7919)
        }
        return ScenarioResult(scenario: scenario(policies: policies), grid: TraceGrid(start: SimInstant(unixMilliseconds: start), step: .milliseconds(stepMs), count: steps),
                              runs: runs)
    }
}
