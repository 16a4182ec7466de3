import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// `spec.agents`: the allowlist of agent commands and the variables agents may see.
final class ScenarioAgentsTests: XCTestCase {
    private var folder: TempDir!
    override func setUpWithError() throws {
        folder = try TempDir()
        _ = try folder.write("trace.csv", "timestamp,rps\n0,1\n")
    }
    override func tearDown() { folder = nil }

    private func scenario(_ agents: String) -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata: {name: m}
        spec:
          trace: {file: trace.csv}
          workload: {cpuRequest: 0.25}
          policies: [observed]
        \(agents)
        """
    }

    func testAllowlistAndVariablesAreReadAsWritten() throws {
        let path = try folder.write("s.yaml", scenario("""
              agents:
                allow:
                  - [python3, agents/forecast.py, "80", "2"]
                  - [./agent]
                env: [FORECAST_MODEL, _X1]
            """))
        let s = try ScenarioLoader.load(path: path)
        XCTAssertEqual(s.agents.allow, [["python3", "agents/forecast.py", "80", "2"], ["./agent"]])
        XCTAssertEqual(s.agents.env, ["FORECAST_MODEL", "_X1"])
    }

    func testNoAgentsSectionAllowsNothing() throws {
        let s = try ScenarioLoader.load(path: try folder.write("s.yaml", scenario("")))
        XCTAssertEqual(s.agents, AgentsSpec())
    }

    // Line 8 is `agents:` (7 lines of scenario before it); an item of `allow` starts at
    // column 9 (4 + 2 spaces of indentation, "- "); in `    env: [GOOD, 9BAD, "A-B"]` the
    // names start at columns 11, 17 and 23.
    func testBadShapesAreReportedAtTheirPlace() throws {
        let path = try folder.write("s.yaml", scenario("""
              agents:
                allow:
                  - python3 agent.py
                  - []
                  - [python3, {a: 1}]
                env: [GOOD, 9BAD, "A-B"]
            """))
        let errors = inputErrorMessages { _ = try ScenarioLoader.load(path: path) }
        XCTAssertTrue(errors.contains { $0.contains("spec.agents.allow[0]") && $0.contains(":10:9:") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("spec.agents.allow[1]") && $0.contains(":11:9:") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("spec.agents.allow[2]") && $0.contains(":12:9:") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("spec.agents.env[1]") && $0.contains(":13:17:") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.contains("spec.agents.env[2]") && $0.contains(":13:23:") }, "\(errors)")
        XCTAssertEqual(errors.count, 5, "\(errors)")
        let notAList = try folder.write("t.yaml", scenario("  agents: {allow: python3, env: HOME}"))
        let more = inputErrorMessages { _ = try ScenarioLoader.load(path: notAList) }
        XCTAssertEqual(more.count, 2, "\(more)")
        XCTAssertTrue(more.allSatisfy { $0.contains("t.yaml:8:") }, "\(more)")
    }
}
