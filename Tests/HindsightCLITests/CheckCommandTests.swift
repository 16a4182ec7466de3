import Foundation
import XCTest

/// `hindsight check`: budgets compared by hand from the two runs' own summary.json files.
final class CheckCommandTests: XCTestCase {
    /// The fixture scenario with budgets, and a candidate HPA that targets 90 % instead of 60 %.
    func makeFixture() throws -> (RunFixture, String, String) {
        let fixture = try RunFixture()
        let budgets = """

              budgets:
                sloViolationFraction: {maxIncrease: 0}
                costUSD: {maxIncreasePercent: 2}

            """
        let scenario = try fixture.dir.write(
            "check.yaml", RunFixture.scenario(name: "check", policies: ["- observed"]) + budgets)
        let candidate = try fixture.dir.write(
            "candidate.yaml", RunFixture.hpa.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: 90"))
        return (fixture, scenario, candidate)
    }

    func summaries(_ folder: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(object["runs"] as? [[String: Any]])
    }

    func testIdenticalPoliciesPassEveryBudget() throws {
        let (fixture, scenario, _) = try makeFixture()
        let out = fixture.dir.path("same")
        let baseline = fixture.dir.path("hpa.yaml")
        let result = try CLI.run(["check", scenario, "--baseline", baseline, "--candidate", baseline, "--out", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        let junit = try String(contentsOfFile: out + "/junit.xml", encoding: .utf8)
        XCTAssertTrue(junit.contains("tests=\"2\" failures=\"0\""), junit)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/summary.md"))
    }

    func testABudgetBreakExitsOneAndNamesIt() throws {
        let (fixture, scenario, candidate) = try makeFixture()
        let out = fixture.dir.path("check")
        let result = try CLI.run(["check", scenario, "--baseline", fixture.dir.path("hpa.yaml"),
                                  "--candidate", candidate, "--out", out])
        let runs = try summaries(out + "/check")
        XCTAssertEqual(runs.count, 2)
        func number(_ run: [String: Any], _ key: String) -> Double { (run[key] as? NSNumber)?.doubleValue ?? .nan }
        // Hand verdicts from the two summaries: any increase of the SLO fraction breaks a
        // 0 budget; cost may grow by 2 % at most.
        let sloBroken = number(runs[1], "slo_violation_fraction") > number(runs[0], "slo_violation_fraction")
        let costBroken = (number(runs[1], "cost_usd") - number(runs[0], "cost_usd")) / number(runs[0], "cost_usd") * 100 > 2
        XCTAssertTrue(sloBroken || costBroken, "the 90 % target should break a budget on this trace: \(runs)")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout.contains("FAIL check: sloViolationFraction"), sloBroken, result.stdout)
        XCTAssertEqual(result.stdout.contains("FAIL check: costUSD"), costBroken, result.stdout)
        let junit = try String(contentsOfFile: out + "/junit.xml", encoding: .utf8)
        XCTAssertTrue(junit.contains("failures=\"\((sloBroken ? 1 : 0) + (costBroken ? 1 : 0))\""), junit)
    }

    func testAScenarioWithoutBudgetsIsBadInput() throws {
        let fixture = try RunFixture()
        let hpa = fixture.dir.path("hpa.yaml")
        let result = try CLI.run(["check", fixture.scenarioPath, "--baseline", hpa, "--candidate", hpa,
                                  "--out", fixture.dir.path("x")])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("spec.budgets"), result.stderr)
    }
}
