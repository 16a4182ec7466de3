import Foundation
import HindsightScenario
import HindsightSim
import HindsightStats
import HindsightTrace

extension BenchRegistry {
    /// Benchmarks of the sim area: one HPA replay of 30 days at 15 s, and a sweep of 100
    /// HPA variants over the same trace on every core. Throughput is in ticks (steps)/s.
    static let simCases: [BenchCase] = [
        BenchCase(name: "hpa_replay_30d_15s", defaultSize: BenchSimData.steps30d, bytesPerUnit: 160) { n in
            let (scenario, trace) = BenchSimData.make(steps: n)
            let env = SimEnvironment(intensity: StepSeries(constant: 379))
            return BenchBody(units: Double(n)) {
                let r = try Simulation.run(scenario: scenario, trace: trace, environment: env)
                return r.runs.first?.summary.costUSD ?? 0
            }
        },
        // Every variant's result is held until the sweep ends: about 89 bytes per step and variant.
        BenchCase(name: "sweep_100x30d", defaultSize: BenchSimData.steps30d, bytesPerUnit: 11_000) { n in
            let (base, trace) = BenchSimData.make(steps: n)
            var sweep = base
            sweep.policies = BenchSimData.variants(100)
            let scenario = sweep
            let env = SimEnvironment(intensity: StepSeries(constant: 379))
            let jobs = ProcessInfo.processInfo.activeProcessorCount
            return BenchBody(units: Double(n) * 100) {
                let r = try Simulation.run(scenario: scenario, trace: trace, environment: env, jobs: jobs)
                return r.runs.reduce(0) { $0 + $1.summary.costUSD }
            }
        },
    ]
}

/// The synthetic workload of the sim benchmarks (mirrored by `bench/replay_peer.py`).
enum BenchSimData {
    /// 30 days at 15 s.
    static let steps30d = 30 * 24 * 240

    /// 30 days at 1 minute.
    static let steps30dMinutes = 30 * 24 * 60

    /// A diurnal load from a fixed seed: rps = 400 + 300·sin(2π·t/day) with ±10 % noise
    /// (SeededGenerator, seed 42); CPU = 0.002 cores per request. One HPA on cpu at 60 %
    /// (legacy path), pods of 0.5 cores / 1 GiB, 30 s startup. Steps of 15 s unless `step`
    /// says otherwise (a whole number of seconds that divides a day).
    static func make(steps n: Int, step: SimDuration = .seconds(15)) -> (Scenario, Trace) {
        var rng = SeededGenerator(seed: 42)
        var rps = [Double](repeating: 0, count: n)
        var cpu = [Double](repeating: 0, count: n)
        let perDay = Int(86_400_000 / max(1, step.milliseconds))
        for i in 0..<n {
            let phase = Double(i % perDay) / Double(perDay) * 2 * Double.pi
            let noise = 0.9 + 0.2 * rng.nextUnit()
            rps[i] = (400 + 300 * sin(phase)) * noise
            cpu[i] = rps[i] * 0.002
        }
        let grid = TraceGrid(start: SimInstant(unixSeconds: 1_767_225_600), step: step, count: n)
        let trace = Trace(grid: grid, series: ["rps": rps, "cpu": cpu], source: "bench")
        var w = WorkloadSpec(cpuRequest: 0.5)
        w.memoryRequest = 1_073_741_824
        w.initialReplicas = 3
        let hpa = HPASpec(name: "web", target: nil, minReplicas: 2, maxReplicas: 100,
                          metrics: [.resource(.cpu, .utilization(60))], behavior: nil)
        let sc = Scenario(name: "bench", file: "bench.yaml", trace: TraceSpec(source: .file("bench.csv")), workload: w,
                          policies: [PolicySpec(name: "web", kind: .hpa(hpa))])
        return (sc, trace)
    }

    /// `count` HPA variants: targets 40–85 % × downscale windows (legacy, or behavior
    /// with windows 0–240 s).
    static func variants(_ count: Int) -> [PolicySpec] {
        (0..<count).map { k in
            let target = Int32(40 + 5 * (k % 10))
            let window = k / 10
            let behavior: HPABehavior? = window == 0 ? nil : HPABehavior(scaleDown: HPAScalingRules(
                stabilizationWindowSeconds: Int32((window - 1) * 30), policies: HPAScalingRules.defaultScaleDown.policies))
            let hpa = HPASpec(name: "v\(k)", target: nil, minReplicas: 2, maxReplicas: 100,
                              metrics: [.resource(.cpu, .utilization(target))], behavior: behavior)
            return PolicySpec(name: "v\(k)", kind: .hpa(hpa))
        }
    }
}
