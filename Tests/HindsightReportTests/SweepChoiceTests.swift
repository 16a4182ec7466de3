import XCTest
import HindsightScenario
import HindsightSim
@testable import HindsightReport

/// The rows of `sweep.csv`, the choice of the best point, the front, and the files' text.
final class SweepChoiceTests: XCTestCase {
    /// A row whose metrics are empty but for cost, emissions, replicas mean and violation.
    func row(_ point: Int, cost: Double, violation: Double, emissions: Double = 1, replicas: Double = 1) -> SweepRow {
        var metrics = [String](repeating: "", count: SummaryField.keys.count)
        for (key, v) in [("cost_usd", cost), ("slo_violation_fraction", violation),
                         ("emissions_kgco2e", emissions), ("replicas_mean", replicas)] {
            metrics[SummaryField.keys.firstIndex(of: key) ?? 0] = NumberText.plain(v) ?? ""
        }
        return SweepRow(point: point, values: [String(point)], metrics: metrics)
    }

    func testBestFeasibleWithTiesToTheLowerPoint() {
        let rows = [row(0, cost: 5, violation: 0.01), row(1, cost: 3, violation: 0.002),
                    row(2, cost: 3, violation: 0.001), row(3, cost: 2, violation: 0.02)]
        // Point 3 is cheapest but breaks 0.005; 1 and 2 tie on cost: the lower index wins.
        XCTAssertEqual(SweepChoice(objective: .cost, maxViolation: 0.005).best(rows), 1)
        XCTAssertEqual(SweepChoice(objective: .cost, maxViolation: nil).best(rows), 3)
        XCTAssertNil(SweepChoice(objective: .cost, maxViolation: 0.0005).best(rows))
        XCTAssertEqual(SweepChoice.leastViolation(rows), 2)
        // Front on (cost, violation): 3 (cheapest), 2 (least violation at cost 3); 1 loses to 2, 0 to both.
        XCTAssertEqual(SweepChoice(objective: .cost, maxViolation: nil).front(rows), [2, 3])
    }

    func testEmissionsAndReplicasObjectives() {
        let rows = [row(0, cost: 1, violation: 0, emissions: 9, replicas: 2),
                    row(1, cost: 2, violation: 0, emissions: 4, replicas: 3)]
        XCTAssertEqual(SweepChoice(objective: .emissions, maxViolation: 0).best(rows), 1)
        XCTAssertEqual(SweepChoice(objective: .replicas, maxViolation: 0).best(rows), 0)
        XCTAssertEqual(SweepChoice(objective: .emissions, maxViolation: nil).front(rows), [1])
    }

    func testTableRoundTripsThroughCSVWithQuotedCells() throws {
        var r = row(7, cost: 1.25, violation: 0.5)
        r.values = ["Max, then Min"]
        r.metrics[SummaryField.keys.firstIndex(of: "warnings") ?? 0] = "a \"quoted\" warning; another, with a comma"
        let text = SweepTable.render(paths: ["spec.x"], rows: [r])
        XCTAssertTrue(text.hasPrefix("point,spec.x,policy,kind,"))
        XCTAssertEqual(try SweepTable.parse(text, paths: ["spec.x"], file: "p.csv"), [r])
        XCTAssertThrowsError(try SweepTable.parse(text, paths: ["spec.y"], file: "p.csv"))
        XCTAssertEqual(CSVRecords.parse("a,\"b,c\"\r\n1,\"x\"\"y\"\n"), [["a", "b,c"], ["1", "x\"y"]])
    }

    func testUnifiedDiffHandWorked() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
        let new = "a\nb\nc\nd\ne\nF\ng\nh\ni\nj\n"
        XCTAssertEqual(UnifiedDiff.render(old: old, new: new, path: "p.yaml"),
                       "--- a/p.yaml\n+++ b/p.yaml\n@@ -3,7 +3,7 @@\n c\n d\n e\n-f\n+F\n g\n h\n i\n")
        XCTAssertEqual(UnifiedDiff.render(old: old, new: old, path: "p.yaml"), "")
        // CRLF lines keep their \r; two changes 8 lines apart make two hunks.
        let crlf = (1...12).map { "l\($0)\r\n" }.joined()
        let changed = crlf.replacingOccurrences(of: "l2\r\n", with: "L2\r\n").replacingOccurrences(of: "l11\r\n", with: "L11\r\n")
        XCTAssertEqual(UnifiedDiff.render(old: crlf, new: changed, path: "c.yaml"),
                       "--- a/c.yaml\n+++ b/c.yaml\n@@ -1,5 +1,5 @@\n l1\r\n-l2\r\n+L2\r\n l3\r\n l4\r\n l5\r\n"
                       + "@@ -8,5 +8,5 @@\n l8\r\n l9\r\n l10\r\n-l11\r\n+L11\r\n l12\r\n")
        XCTAssertEqual(UnifiedDiff.render(old: "x", new: "y", path: "n"),
                       "--- a/n\n+++ b/n\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n")
    }
}
