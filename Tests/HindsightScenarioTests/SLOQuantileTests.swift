import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// `spec.slo` naming its quantile, and `spec.workload.cpuModel`.
final class SLOQuantileTests: XCTestCase {
    private var folder: TempDir!
    private var path = ""
    override func setUpWithError() throws {
        folder = try TempDir()
        _ = try folder.write("trace.csv", "timestamp,rps\n0,1\n")
        path = folder.path("q.yaml")
    }
    override func tearDown() { folder = nil }

    private func scenario(_ slo: String, workload: String = "{cpuRequest: 1}") throws -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata: {name: q}
        spec:
          trace: {file: trace.csv}
          workload: \(workload)
          slo: \(slo)
          policies: [observed]
        """
    }

    func testLatencyWithQuantileAsWritten() throws {
        let s = try ScenarioLoader.load(bytes: Array(scenario("{latency: 60s, quantile: 0.95}").utf8), path: path)
        XCTAssertEqual(s.slo.latencyP99, 60)
        XCTAssertEqual(s.slo.quantile, 0.95)
        XCTAssertEqual(s.workload.cpuModel, .fitted, "the default")
    }

    func testDefaultKeepsThe99thPercentile() throws {
        let s = try ScenarioLoader.load(bytes: Array(scenario("{latencyP99: 200ms}").utf8), path: path)
        XCTAssertEqual(s.slo.latencyP99, 0.2)
        XCTAssertEqual(s.slo.quantile, 0.99)
        let t = try ScenarioLoader.load(bytes: Array(scenario("{latency: 2s}").utf8), path: path)
        XCTAssertEqual(t.slo.quantile, 0.99)
    }

    func testBadQuantilesAreRefusedWithTheirPlace() throws {
        for (slo, fragment) in [("{latency: 60s, quantile: 1.5}", "spec.slo.quantile: found 1.5"),
                                ("{latency: 60s, quantile: 0}", "spec.slo.quantile: found 0"),
                                ("{latencyP99: 60s, quantile: 0.95}", "names the 99th percentile"),
                                ("{latencyP99: 60s, latency: 60s}", "together with latencyP99")] {
            let text = try scenario(slo)
            let errors = inputErrorMessages { _ = try ScenarioLoader.load(bytes: Array(text.utf8), path: path) }
            assertOneProblem(errors, path + ":7:", fragment)
        }
    }

    func testCPUModelField() throws {
        let s = try ScenarioLoader.load(bytes: Array(scenario("{latencyP99: 1s}", workload: "{cpuRequest: 1, cpuModel: perRequest}").utf8),
                                        path: path)
        XCTAssertEqual(s.workload.cpuModel, .perRequest)
        let text = try scenario("{latencyP99: 1s}", workload: "{cpuRequest: 1, cpuModel: linear}")
        let errors = inputErrorMessages { _ = try ScenarioLoader.load(bytes: Array(text.utf8), path: path) }
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.contains("fitted") ?? false, "\(errors)")
    }
}
