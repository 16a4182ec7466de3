import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// `spec.latency.mix` as written: the accepted value, and file:line:col for a bad one
/// (lines and columns counted by hand from the text below).
final class LatencyMixLoaderTests: XCTestCase {
    private var folder: TempDir!
    override func setUpWithError() throws {
        folder = try TempDir()
        try folder.write("trace.csv", "timestamp,rps,replicas,cpu,latency_p99_ms\n0,1,1,0.5,100\n")
    }
    override func tearDown() { folder = nil }

    /// Lines: 1 apiVersion … 6 `trace: {file: trace.csv}`, 7 workload, 8 `latency:`, 9 model, 10 mix.
    private func text(model: String, mix: String) -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata:
          name: s
        spec:
          trace: {file: trace.csv}
          workload: {cpuRequest: 1}
          latency:
            model: \(model)
            mix: \(mix)
          policies: [observed]

        """
    }

    private func problems(_ yaml: String) throws -> [String] {
        try folder.write("s.yaml", yaml)
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return ScenarioLoader.validate(path: "s.yaml").map(\.description)
    }

    func testUnexplainedCPUIsRead() throws {
        XCTAssertEqual(try problems(text(model: "empirical", mix: "unexplainedCPU")), [])
        let scenario = try ScenarioLoader.load(path: folder.path("s.yaml"))
        XCTAssertEqual(scenario.latency.mix, .unexplainedCPU)
        XCTAssertEqual(scenario.latency.model, .empirical)
    }

    func testAnUnknownMixNamesTheNearestOne() throws {
        assertOneProblem(try problems(text(model: "empirical", mix: "unexplainedCpu")),
                         "s.yaml:10:10: spec.latency.mix: found 'unexplainedCpu'", "expected 'unexplainedCPU'")
    }

    func testAMixNeedsTheEmpiricalModel() throws {
        assertOneProblem(try problems(text(model: "mmc", mix: "unexplainedCPU")),
                         "s.yaml:10:10: spec.latency.mix: unexplainedCPU given with model: mmc", "expected model: empirical")
    }
}
