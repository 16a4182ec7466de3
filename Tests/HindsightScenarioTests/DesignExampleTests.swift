import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// The example of SCENARIO.md, verbatim, loads without a problem.
final class DesignExampleTests: XCTestCase {
    func testScenarioExampleOfTheDesignLoads() throws {
        let root = PackageFolders.root
        let markdown = try String(contentsOfFile: try PackageFolders.shared("design/SCENARIO.md"), encoding: .utf8)
        let parts = markdown.components(separatedBy: "```yaml\n")
        guard parts.count > 1, let example = parts[1].components(separatedBy: "```").first else { return XCTFail("no YAML block") }
        let git = URL(fileURLWithPath: "/usr/bin/git")
        guard FileManager.default.isExecutableFile(atPath: git.path) else { throw XCTSkip("git is not installed") }
        let folder = try TempDir()
        for name in ["datasets/demo-web.csv", "datasets/hindsight.sqlite", "datasets/spot.csv", "datasets/grid.csv", "scenarios/decisions.csv"] {
            try folder.write(name, "timestamp,value\n0,1\n")
        }
        let hpa = try String(contentsOf: root.appendingPathComponent("scenarios/policies/hpa.yaml"), encoding: .utf8)
        try folder.write("scenarios/policies/hpa.yaml", hpa)
        let path = try folder.write("scenarios/demo.yaml", example)
        for args in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]] {
            Subprocess.git(args, in: folder.path + "/scenarios")
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
        XCTAssertEqual(s.sweep?.parameters.last?.values, .range(from: 0, to: 600, step: 60, decimals: 0))
        XCTAssertEqual(s.budgets?.emissionsMaxIncreasePercent, 5)
        XCTAssertEqual(s.cost.instance, CostSpec.Instance(hourly: 0.096, vcpu: 2, memoryGiB: 8))
        XCTAssertEqual(s.policies.compactMap { s.targetMismatchWarning(target: $0.scaleTarget) }, [],
                       "the HPA targets deployment/checkout-api, as the workload says")
    }
}
