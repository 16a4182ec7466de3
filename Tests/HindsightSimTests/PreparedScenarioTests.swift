import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The library façade: one prepared scenario, many `run` calls, the same results as
/// `Simulation.run`, and nothing that depends on an earlier call.
final class PreparedScenarioTests: XCTestCase {
    /// Two hours of a web workload with recorded replicas and latency, so the latency
    /// fidelity (under observed replicas) applies.
    private func inputs() -> (Scenario, Trace) {
        let n = 480
        let rps = (0..<n).map { 200 + 100 * Double($0 % 40) / 40 }
        var trace = PoliciesEndToEndTests.webTrace(rps: rps, replicas: SimFixture.constant(4, n))
        trace.series["latencyP99"] = (0..<n).map { 40 + Double($0 % 7) }
        let policies = [PolicySpec(name: "static-4", kind: .fixed(replicas: 4)),
                        PolicySpec(name: "static-6", kind: .fixed(replicas: 6)),
                        PolicySpec(name: "observed", kind: .observed)]
        return (PoliciesEndToEndTests.web(policies), trace)
    }

    func testRunEqualsSimulationRun() throws {
        let (scenario, trace) = inputs()
        let direct = try Simulation.run(scenario: scenario, trace: trace, environment: SimFixture.env(), jobs: 1)
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        let viaFacade = try prepared.run(jobs: 3)
        XCTAssertEqual(viaFacade.runs.map(\.policy), ["static-4", "static-6", "observed"])
        XCTAssertEqual(viaFacade.runs.map(\.summary), direct.runs.map(\.summary))
        XCTAssertEqual(viaFacade.runs.map(\.series), direct.runs.map(\.series))
        XCTAssertEqual(viaFacade.grid.count, 480)
        XCTAssertEqual(viaFacade.grid.step, .seconds(15))
    }

    func testRepeatedRunsShareTheFidelityAndDoNotDependOnOrder() throws {
        let (scenario, trace) = inputs()
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        // First call without the observed policy: the fidelity comes from an extra observed run.
        let first = try prepared.run([PolicySpec(name: "static-6", kind: .fixed(replicas: 6))])
        let second = try prepared.run(prepared.select(["observed", "static-6"]))
        XCTAssertEqual(second.runs.map(\.policy), ["static-6", "observed"], "scenario order, not the order of the names")
        let observedMAPE = try XCTUnwrap(second.runs[1].summary.latencyMAPE)
        XCTAssertEqual(first.runs[0].summary.latencyMAPE, observedMAPE, "every run carries the observed run's error")
        XCTAssertEqual(first.runs[0].summary, second.runs[0].summary, "a run does not depend on earlier calls")
        // A fresh prepared scenario that sees the observed policy first agrees.
        let fresh = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        XCTAssertEqual(try fresh.run().runs[2].summary.latencyMAPE, observedMAPE)
    }

    func testSelectNamesAnUnknownPolicy() throws {
        let (scenario, trace) = inputs()
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        XCTAssertEqual(try prepared.select([]).map(\.name), ["static-4", "static-6", "observed"])
        XCTAssertThrowsError(try prepared.select(["static-6", "nope"])) { error in
            XCTAssertEqual("\(error)", "--policy nope: no such policy in /tmp/test.yaml; expected one of: static-4, static-6, observed")
        }
    }

    func testStrictHoldsForOneCallOnly() throws {
        let (scenario, trace) = inputs()
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        let hosted = [PoliciesEndToEndTests.policy(PoliciesEndToEndTests.seed())]
        XCTAssertThrowsError(try prepared.run(hosted, strict: true)) { error in
            XCTAssertTrue("\(error)".contains("cannot run offline (--strict)"), "\(error)")
        }
        let lenient = try prepared.run(hosted)
        XCTAssertTrue(lenient.runs[0].warnings.contains { $0.contains("hosted model") }, "\(lenient.runs[0].warnings)")
    }

    /// `load(path:)` reads the scenario, its trace file and its carbon settings.
    func testLoadReadsTheScenarioAndItsTrace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hindsight-prepared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Four minutes at 1 minute steps, 1.5 cores throughout.
        let csv = "timestamp,cpu\n2026-01-01T00:00:00Z,1.5\n2026-01-01T00:01:00Z,1.5\n2026-01-01T00:02:00Z,1.5\n2026-01-01T00:03:00Z,1.5\n"
        try Data(csv.utf8).write(to: dir.appendingPathComponent("trace.csv"))
        let yaml = """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: tiny}
            spec:
              trace: {file: trace.csv, step: 1m}
              workload: {name: deployment/web, cpuRequest: "1"}
              carbon: {intensity: 400}
              policies:
                - static: {replicas: 2}

            """
        let path = dir.appendingPathComponent("tiny.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        let prepared = try PreparedScenario.load(path: path)
        XCTAssertEqual(prepared.scenario.name, "tiny")
        XCTAssertEqual(prepared.trace.count, 4)
        XCTAssertEqual(prepared.trace.step, .minutes(1))
        XCTAssertEqual(prepared.trace.series["cpu"], [1.5, 1.5, 1.5, 1.5])
        let run = try XCTUnwrap(prepared.run().runs.first)
        XCTAssertEqual(run.policy, "static-2")
        XCTAssertEqual(run.series[\.desiredReplicas], [2, 2, 2, 2])
        XCTAssertEqual(run.series[\.carbonIntensity], [400, 400, 400, 400])
    }
}
