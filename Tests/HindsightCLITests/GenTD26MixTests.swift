import Foundation
import HindsightTestSupport
import XCTest

/// Issue 10's last target on the real GenTD26 trace: `scenarios/gentd26-gpu-serving.yaml`
/// (with `latency: {model: empirical, mix: unexplainedCPU}`) run through the binary as the
/// READMEs quote it, `hindsight run scenarios/gentd26-gpu-serving.yaml` from the package
/// folder (only the output goes to a temporary folder and no history is written). Skipped
/// when `../shared/datasets` is absent.
final class GenTD26MixTests: XCTestCase {
    func testHourlyMediansWithinTwentyPercentAndSkillAboveZero() throws {
        let csv = PackageFolders.root.deletingLastPathComponent()
            .appendingPathComponent("shared/datasets/alibaba-gentd26/derived/per_step_summary.csv").path
        guard FileManager.default.fileExists(atPath: csv) else {
            throw XCTSkip("alibaba-gentd26/derived/per_step_summary.csv not found under ../shared/datasets")
        }
        let dir = try TempDir()
        let r = try CLI.run(["run", "scenarios/gentd26-gpu-serving.yaml", "--out", dir.path("out"), "--no-history", "--quiet"],
                            in: PackageFolders.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/summary.json"))))
        let runs = try XCTUnwrap((json as? [String: Any])?["runs"] as? [[String: Any]])
        let observed = try XCTUnwrap(runs.first { $0["policy"] as? String == "observed" })
        func number(_ key: String) throws -> Double { try XCTUnwrap((observed[key] as? NSNumber)?.doubleValue, key) }
        XCTAssertLessThanOrEqual(try number("latency_hourly_mape"), 20)
        XCTAssertGreaterThan(try number("latency_skill"), 0)
        // The skill is what the two hold-out numbers say it is.
        XCTAssertEqual(try number("latency_skill"), 1 - (try number("latency_holdout_mape")) / (try number("latency_holdout_constant_mape")),
                       accuracy: 1e-12)
        // The report's scenario card says the fit is split by the mix.
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("latency model empirical split by request mix (unexplainedCPU)"))
    }
}
