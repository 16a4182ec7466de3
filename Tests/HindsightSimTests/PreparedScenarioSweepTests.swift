import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// Sweep points through the façade: each point's summary is that of a plain run of its
/// policy, for any number of workers; a hold-out part is a run over the sliced trace.
final class PreparedScenarioSweepTests: XCTestCase {
    private func inputs() -> (Scenario, Trace) {
        let n = 481
        let rps = (0..<n).map { 200 + 150 * Double($0 % 60) / 60 }
        var trace = PoliciesEndToEndTests.webTrace(rps: rps, replicas: SimFixture.constant(4, n))
        trace.series["latencyP99"] = (0..<n).map { 40 + Double($0 % 7) }
        return (PoliciesEndToEndTests.web([PolicySpec(name: "observed", kind: .observed)]), trace)
    }

    /// Point k: a fixed fleet of 2 + k pods.
    private static func point(_ k: Int) -> PolicySpec { PolicySpec(name: "fleet", kind: .fixed(replicas: 2 + k)) }

    func testPointsEqualPlainRunsForAnyJobs() throws {
        let (scenario, trace) = inputs()
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        let one = try prepared.runPoints(count: 7, jobs: 1) { Self.point($0) }
        let three = try prepared.runPoints(count: 7, jobs: 3) { Self.point($0) }
        XCTAssertEqual(one.map(\.summary), three.map(\.summary))
        for k in 0..<7 {
            let fresh = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
            let alone = try fresh.run([Self.point(k)]).runs[0]
            XCTAssertEqual(one[k].summary, alone.summary, "point \(k)")
            XCTAssertEqual(one[k].series.count, 0, "points keep no series")
            XCTAssertTrue(one[k].decisions.isEmpty)
        }
        XCTAssertNotEqual(one[0].summary.costUSD, one[6].summary.costUSD)
    }

    func testFirstFailingPointInPointOrderIsThrown() throws {
        let (scenario, trace) = inputs()
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        struct Bad: Error, Equatable { var k: Int }
        XCTAssertThrowsError(try prepared.runPoints(count: 6, jobs: 2) { k in
            if k == 3 || k == 4 { throw Bad(k: k) }
            return Self.point(k)
        }) { XCTAssertEqual($0 as? Bad, Bad(k: 3)) }
    }

    func testHoldoutPartIsARunOverTheSlicedTrace() throws {
        let (scenario, trace) = inputs()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-holdout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The same trace as a file, so `split` reads it as `hindsight` would.
        var csv = "timestamp,rps,cpu,replicas,latency_p99_ms\n"
        for i in 0..<trace.count {
            let t = trace.grid.time(at: i).wholeUnixSeconds
            let cells = ["rps", "cpu", "replicas", "latencyP99"].map { name in
                trace.series[name].map { "\($0[i])" } ?? ""
            }
            csv += "\(t)," + cells.joined(separator: ",") + "\n"
        }
        let file = dir.appendingPathComponent("trace.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        var onFile = scenario
        onFile.trace = TraceSpec(source: .file(file))
        onFile.trace.step = trace.step
        onFile.trace.columns = ["rps": "rps", "cpu": "cpu", "replicas": "replicas", "latencyP99": "latency_p99_ms"]
        let parts = try PreparedScenario.split(onFile, holdoutPercent: 25)
        // 481 steps: ⌊481 × 0.75⌋ = 360 tune, 121 held out.
        XCTAssertEqual(parts.split.tuning, 0..<360)
        XCTAssertEqual(parts.holdout.trace.count, 121)
        XCTAssertEqual(parts.holdout.trace.start, parts.tuning.trace.start + 360 * trace.step)
        let whole = try PreparedScenario(scenario: onFile)
        let policy = Self.point(3)
        for (part, range) in [(parts.tuning, 0..<360), (parts.holdout, 360..<481)] {
            let direct = try Simulation.run(scenario: onFile, trace: whole.trace.slice(range), environment: whole.environment,
                                            policies: [policy])
            XCTAssertEqual(try part.run([policy]).runs[0].summary, direct.runs[0].summary)
        }
        XCTAssertNotEqual(try parts.holdout.run([policy]).runs[0].summary, try whole.run([policy]).runs[0].summary)
    }
}
