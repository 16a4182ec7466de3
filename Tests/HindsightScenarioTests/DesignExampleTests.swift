import XCTest
import HindsightTrace
@testable import HindsightScenario

/// The example of SCENARIO.md, verbatim, loads without a problem.
final class DesignExampleTests: XCTestCase {
    func testScenarioExampleOfTheDesignLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let design = root.deletingLastPathComponent().appendingPathComponent("shared/design/SCENARIO.md")
        guard let markdown = try? String(contentsOf: design, encoding: .utf8) else { throw XCTSkip("no shared design folder") }
        let parts = markdown.components(separatedBy: "```yaml\n")
        guard parts.count > 1, let example = parts[1].components(separatedBy: "```").first else { return XCTFail("no YAML block") }
        let git = URL(fileURLWithPath: "/usr/bin/git")
        guard FileManager.default.isExecutableFile(atPath: git.path) else { throw XCTSkip("git is not installed") }
        let folder = try TempFolder()
        for name in ["datasets/demo-web.csv", "datasets/hindsight.sqlite", "datasets/spot.csv", "datasets/grid.csv", "scenarios/decisions.csv"] {
            try folder.write(name, "timestamp,value\n0,1\n")
        }
        let hpa = try String(contentsOf: root.appendingPathComponent("scenarios/policies/hpa.yaml"), encoding: .utf8)
        try folder.write("scenarios/policies/hpa.yaml", hpa)
        let path = try folder.write("scenarios/demo.yaml", example)
        for args in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]] {
            let p = Process()
            p.executableURL = git
            p.arguments = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"] + args
            p.currentDirectoryURL = URL(fileURLWithPath: folder.path + "/scenarios")
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        let s = try ScenarioLoader.load(path: path)
        XCTAssertEqual(s.policies.map(\.name), ["observed", "static-6", "checkout-api", "checkout-api@main", "exec-forecast", "replay-decisions"])
        XCTAssertEqual(s.policies[3].fileName, "checkout-api-main")
        XCTAssertEqual(s.trace.columns["cpuUtilization"], "cpu_util_pct")
        XCTAssertEqual(s.workload.cpuRequest, 0.5)
        XCTAssertEqual(s.workload.memoryRequest, 1_073_741_824)
        XCTAssertEqual(s.slo.objective, 0.995, accuracy: 1e-15)
        XCTAssertEqual(s.slo.maxUtilization, 90)
        XCTAssertEqual(s.kubernetes.minorVersion, 33)
        XCTAssertEqual(s.carbon.memoryWattsPerGB, 0.392)
        XCTAssertEqual(s.sweep?.parameters.count, 2)
        XCTAssertEqual(s.sweep?.parameters.last?.values, .range(from: 0, to: 600, step: 60))
        XCTAssertEqual(s.budgets?.emissionsMaxIncreasePercent, 5)
        XCTAssertEqual(s.cost.instance, CostSpec.Instance(hourly: 0.096, vcpu: 2, memoryGiB: 8))
        XCTAssertEqual(s.policies.compactMap { s.targetMismatchWarning(target: $0.scaleTarget) }, [],
                       "the HPA targets deployment/checkout-api, as the workload says")
    }
}
