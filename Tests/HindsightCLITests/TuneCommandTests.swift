import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight tune`: the choice, the diff, `--write` touching only the tuned bytes,
/// `--pr-body`, `--holdout`, and no feasible point.
final class TuneCommandTests: XCTestCase {
    /// The row `tune` must choose, found independently: the least `cost_usd` with
    /// `slo_violation_fraction` ≤ `max`, ties to the lower point index.
    func expectedChoice(_ sweepCSV: String, max: Double) throws -> [String] {
        let (header, rows) = try readCSV(sweepCSV)
        let cost = try XCTUnwrap(header.firstIndex(of: "cost_usd"))
        let violation = try XCTUnwrap(header.firstIndex(of: "slo_violation_fraction"))
        let feasible = rows.filter { (Double($0[violation]) ?? .infinity) <= max }
        return try XCTUnwrap(feasible.min { (Double($0[cost]) ?? 0, Int($0[0]) ?? 0) < (Double($1[cost]) ?? 0, Int($1[0]) ?? 0) })
    }

    /// The fixture's policy with `row`'s values written in by hand, line ends `newline`.
    func handPatched(_ row: [String], newline: String) -> String {
        SweepCommandTests.patchedByHand(row[1], row[2], row[3]).replacingOccurrences(of: "\n", with: newline)
    }

    func checkWriteChangesOnlyTheTunedBytes(newline: String) throws {
        let original = SweepFixture.policy.replacingOccurrences(of: "\n", with: newline)
        let f = try SweepFixture(policy: original)
        let r = try f.cli(["tune", f.scenarioPath, "--write", "--out", "s"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let chosen = try expectedChoice(f.dir.path("s/sweep.csv"), max: 0.5)
        XCTAssertNotEqual(chosen[1], "60", "the test needs a change of the target")
        let written = try String(contentsOfFile: f.policyPath, encoding: .utf8)
        XCTAssertEqual(Data(written.utf8), Data(handPatched(chosen, newline: newline).utf8))
        XCTAssertTrue(r.stdout.contains("--- a/\(f.policyPath)\n+++ b/\(f.policyPath)\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("-          averageUtilization: 60   # percent of the request\(newline)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("+          averageUtilization: \(chosen[1])   # percent of the request\(newline)"), r.stdout)
        // The patched file validates, and a run of it reproduces the chosen point.
        let valid = try f.cli(["validate", f.policyPath])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        let scenario = try f.dir.write("after.yaml", RunFixture.scenario(name: "tiny", policies: ["- file: hpa.yaml"]))
        XCTAssertEqual(try f.cli(["run", scenario, "--out", "after", "--quiet"]).status, 0)
        let (_, runRows) = try readCSV(f.dir.path("after/summary.csv"))
        XCTAssertEqual(runRows[0], Array(chosen.dropFirst(4)))
    }

    func testWriteChangesOnlyTheTunedBytesLF() throws { try checkWriteChangesOnlyTheTunedBytes(newline: "\n") }

    func testWriteChangesOnlyTheTunedBytesCRLF() throws { try checkWriteChangesOnlyTheTunedBytes(newline: "\r\n") }

    func testWithoutWriteTheFileStaysAndPRBodyIsWritten() throws {
        let f = try SweepFixture()
        let r = try f.cli(["tune", f.scenarioPath, "--out", "s", "--pr-body", "pr.md", "--minimize", "cost", "--max-violation", "50%"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOfFile: f.policyPath, encoding: .utf8), SweepFixture.policy)
        let chosen = try expectedChoice(f.dir.path("s/sweep.csv"), max: 0.5)
        XCTAssertTrue(r.stdout.contains("chosen: point \(chosen[0]) ("), r.stdout)
        let pr = try String(contentsOfFile: f.dir.path("pr.md"), encoding: .utf8)
        XCTAssertTrue(pr.contains("| `spec.metrics[0].resource.target.averageUtilization` | 60 | \(chosen[1]) |"), pr)
        XCTAssertTrue(pr.contains("[report.html](s/report.html)"), pr)
        // 1,440 steps of 15 s from 2026-01-01T00:00Z: six hours.
        XCTAssertTrue(pr.contains("Tuned on 2026-01-01 00:00 → 2026-01-01 06:00 UTC"), pr)
        XCTAssertTrue(pr.contains("| current |"), pr)
    }

    func testNoFeasiblePointIsExit1WithTheLeastViolation() throws {
        let f = try SweepFixture(parameters: ["spec.metrics[0].resource.target.averageUtilization: [95, 99]",
                                              "spec.maxReplicas: [20]"])
        let r = try f.cli(["tune", f.scenarioPath, "--out", "s", "--max-violation", "0.01"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let (header, rows) = try readCSV(f.dir.path("s/sweep.csv"))
        let v = try XCTUnwrap(header.firstIndex(of: "slo_violation_fraction"))
        let least = try XCTUnwrap(rows.min { (Double($0[v]) ?? 0, Int($0[0]) ?? 0) < (Double($1[v]) ?? 0, Int($1[0]) ?? 0) })
        XCTAssertGreaterThan(Double(least[v]) ?? 0, 0.01)
        XCTAssertTrue(r.stderr.contains("no point meets the constraint; the least violation found is \(least[v]) at point \(least[0])"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: f.policyPath, encoding: .utf8), SweepFixture.policy)
    }

    func testHoldoutReportsTheLastQuarterAsARunOverThoseSteps() throws {
        let f = try SweepFixture()
        let r = try f.cli(["tune", f.scenarioPath, "--out", "s", "--holdout", "25%"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // ⌊1440 × 0.75⌋ = 1080 steps tune (4h30), the last 360 are held out.
        XCTAssertTrue(r.stdout.contains("tuning steps: 2026-01-01 00:00 → 2026-01-01 04:30 UTC · 4h 30m · step 15s · 1,080 steps"), r.stdout)
        XCTAssertTrue(r.stdout.contains("hold-out backtest, last 25 % of the trace: 2026-01-01 04:30 → 2026-01-01 06:00 UTC"), r.stdout)
        // The held-out rows of trace.csv as a trace of their own, run with the current policy.
        let lines = try String(contentsOfFile: f.run.tracePath, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + 1440)
        _ = try f.dir.write("tail.csv", ([lines[0]] + lines[(1 + 1080)...]).joined(separator: "\n") + "\n")
        let tail = try f.dir.write("tail.yaml", RunFixture.scenario(name: "tiny", trace: "file: tail.csv", policies: ["- file: hpa.yaml"]))
        let ran = try f.cli(["run", tail, "--out", "tail"])
        XCTAssertEqual(ran.status, 0, ran.stderr)
        let runRow = try XCTUnwrap(ran.stdout.split(separator: "\n").first { $0.hasPrefix("web-hpa ") })
        let holdout = try XCTUnwrap(r.stdout.components(separatedBy: "hold-out backtest").last)
        let currentRow = try XCTUnwrap(holdout.split(separator: "\n").first { $0.hasPrefix("current ") })
        XCTAssertEqual(currentRow.split(separator: " ").dropFirst(), runRow.split(separator: " ").dropFirst())
        let md = try String(contentsOfFile: f.dir.path("s/summary.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("Hold-out backtest (last 25 % of the trace"), md)
    }
}

/// `tune` on a policy whose swept value sits under a YAML anchor: exit 2 naming the place,
/// and the file is left as it was (editing the anchor would also change every alias).
final class TuneAnchoredValueTests: XCTestCase {
    func testAnchoredTargetIsExit2AndTheFileStays() throws {
        let policy = SweepFixture.policy.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: &pct 60")
        let f = try SweepFixture(parameters: ["spec.metrics[0].resource.target.averageUtilization: [50, 70]"], policy: policy)
        let r = try f.cli(["tune", f.scenarioPath, "--out", "s", "--write", "--no-history"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("hpa.yaml:15:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("spec.metrics[0].resource.target.averageUtilization: the value is written under a YAML anchor"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: f.policyPath, encoding: .utf8), policy)
    }
}
