import HindsightScenario
import HindsightSim
import HindsightTrace

/// The latency a synthetic trace records: its own replica schedule replayed through the
/// simulator (`observed`) with the demo workload, so the recorded latency is exactly what
/// hindsight's M/M/c model gives for those replicas.
enum SyntheticLatency {
    /// The demo workload `hindsight generate` assumes (scenarios/demo.yaml uses the same).
    static func workload() -> WorkloadSpec {
        var w = WorkloadSpec(cpuRequest: 0.5)
        w.memoryRequest = 1_073_741_824
        w.podCapacity = 120
        w.startupDelay = .seconds(45)
        w.queueTimeout = .seconds(30)
        w.cpuModel = .perRequest  // the generated CPU is per request plus a fleet-wide background
        return w
    }

    /// p99 latency in ms per row of `raw` (regular grid of `step` ms).
    static func recorded(_ raw: RawTrace, step: Int64) throws -> [Double] {
        guard let first = raw.times.first else { return [] }
        let series = raw.columns.filter { ["rps", "cpu", "replicas"].contains($0.key) }
        let grid = TraceGrid(start: SimInstant(unixMilliseconds: first), step: .milliseconds(step), count: raw.times.count)
        let trace = Trace(grid: grid, series: series, source: "generated")
        var latency = LatencySpec()
        latency.model = .mmc
        latency.serviceTime = 0.025
        let scenario = Scenario(
            name: "generate", file: "generate", trace: TraceSpec(source: .file("generated")), workload: workload(),
            latency: latency, policies: [PolicySpec(name: "observed", kind: .observed)])
        let result = try PreparedScenario(scenario: scenario, trace: trace,
                                          environment: SimEnvironment(intensity: StepSeries(constant: 0))).run()
        guard let run = result.runs.first else { return [] }
        // Round to 0.001 ms: what a metrics system would export, and a short CSV.
        return run.series[\.latencyP99Ms].map { ($0 * 1000).rounded() / 1000 }
    }
}
