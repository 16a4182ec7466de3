import HindsightScenario
import HindsightTrace
@testable import HindsightSim

/// Builders for small hand-checkable scenarios.
enum SimFixture {
    static let start: Int64 = 1_767_225_600_000  // 2026-01-01T00:00:00Z

    static func trace(step: SimDuration = .seconds(15), count: Int, _ series: [String: [Double]]) -> Trace {
        Trace(grid: TraceGrid(start: SimInstant(unixMilliseconds: start), step: step, count: count), series: series, source: "test")
    }

    static func constant(_ v: Double, _ n: Int) -> [Double] { Array(repeating: v, count: n) }

    static func scenario(cpuRequest: Double = 0.5, policies: [PolicySpec] = [],
                         _ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var s = Scenario(name: "test", file: "/tmp/test.yaml", trace: TraceSpec(source: .file("/tmp/t.csv")),
                         workload: WorkloadSpec(cpuRequest: cpuRequest), policies: policies)
        configure(&s)
        return s
    }

    /// A scenario of one HPA whose pods take `startup` to start (the last `readiness` of it
    /// Running-not-Ready) and `termination` to go, read through `pipeline` (default: the scenario's).
    static func hpaScenario(_ hpa: HPASpec, startup: SimDuration, readiness: SimDuration, termination: SimDuration,
                            pipeline: MetricsPipelineSpec? = nil) -> Scenario {
        scenario(policies: [PolicySpec(name: hpa.name, kind: .hpa(hpa))]) {
            $0.workload.startupDelay = startup
            $0.workload.readinessDelay = readiness
            $0.workload.terminationGrace = termination
            if let pipeline { $0.metrics = pipeline }
        }
    }

    static func env(_ intensity: Double = 379) -> SimEnvironment {
        SimEnvironment(intensity: StepSeries(constant: intensity))
    }

    static func run(_ scenario: Scenario, _ trace: Trace, env: SimEnvironment = env(), jobs: Int = 1,
                    exec: ExecPermission = .deny) throws -> [RunResult] {
        try Simulation.run(scenario: scenario, trace: trace, environment: env, jobs: jobs, exec: exec).runs
    }

    /// Runs one policy through the engine directly, returning it for internal checks.
    static func engine(_ scenario: Scenario, _ trace: Trace, replicas: Int) throws -> SimulationEngine<StaticController> {
        let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: env())
        var e = SimulationEngine(setup: setup, controller: StaticController(replicas: Int32(replicas)),
                                 initialReplicas: replicas, seriesNames: [])
        _ = try e.run()
        return e
    }
}

func assertClose(_ a: Double, _ b: Double, rel: Double = 1e-9, abs tol: Double = 1e-12,
                 _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    let ok = Swift.abs(a - b) <= max(tol, rel * max(Swift.abs(a), Swift.abs(b)))
    if !ok { XCTFail("\(a) != \(b) \(message)", file: file, line: line) }
}

import XCTest
