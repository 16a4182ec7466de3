@testable import HindsightReport
import HindsightSim
import XCTest

final class MarkdownSummaryTests: XCTestCase {
    func testTableWithHandComputedDeltas() {
        let text = MarkdownSummary.render(SmallResult.twoPolicies())
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "### hindsight: small")
        XCTAssertEqual(lines[1], "2026-01-01 00:00 → 2026-01-02 00:00 UTC · 1d · step 1h · 24 steps · baseline: **observed**")
        XCTAssertEqual(lines[2], "| Policy | Cost (USD) | Emissions (kgCO2e) | SCI (gCO2e/1k req) | SLO violation | Error budget used | Replicas mean / max | Scaling actions |")
        XCTAssertEqual(lines[3], "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        // Baseline: cost 100, emissions 2, SCI 0.04, no violation, 10 % budget, 3.25 / 8 replicas, 40 actions.
        XCTAssertEqual(lines[4], "| observed | 100.00 | 2 | 0.04 | 0s | 10.0 % | 3.25 / 8 | 40 |")
        // hpa: cost 87.5 = −12.5 %; emissions 2.5 = +25 %; no SCI; 900 s = 15 min violating;
        // budget 25 % = +15 points; replicas +0.5 mean, +2 max; 28 actions = −12.
        XCTAssertEqual(lines[5], "| hpa | 87.50 (-12.5 %) | 2.5 (+25.0 %) | – | 15m (+15m) | 25.0 % (+15.0 pp) | 3.75 / 10 (+0.50 / +2) | 28 (-12) |")
        XCTAssertTrue(text.contains("**Warnings**"))
        XCTAssertTrue(text.contains("- hpa: first, with comma\n"))
    }

    func testCellsAreEscaped() {
        let text = MarkdownSummary.render(SmallResult.twoPolicies(otherName: "a|b<c>"))
        XCTAssertTrue(text.contains("| a\\|b&lt;c&gt; |"), text)
    }

    func testDeltaAgainstZeroBaseline() throws {
        var base = RunSummary(), other = RunSummary()
        base.costUSD = 0
        other.costUSD = 5
        let delta = try XCTUnwrap(ComparisonMetric.cost.delta(other, against: base))
        XCTAssertEqual(delta.text, "+5")
        XCTAssertEqual(delta.verdict, .worse)
        let same = try XCTUnwrap(ComparisonMetric.cost.delta(base, against: base))
        XCTAssertEqual(same.text, "±0 %")
        XCTAssertEqual(same.verdict, .same)
        other.replicasMax = 3
        XCTAssertEqual(ComparisonMetric.replicasMax.delta(other, against: base)?.verdict, .neutral)
        XCTAssertEqual(ComparisonMetric.sloViolation.delta(base, against: other)?.text, "±0s")
        // Latency MAPE is held in percent: 4.2 % → 6.7 % is +2.5 points.
        base.latencyMAPE = 4.2
        other.latencyMAPE = 6.7
        XCTAssertEqual(ComparisonMetric.latencyMAPE.format(base), "4.2 %")
        XCTAssertEqual(ComparisonMetric.latencyMAPE.delta(other, against: base)?.text, "+2.5 pp")
        XCTAssertEqual(ComparisonMetric.latencyMAPE.delta(other, against: base)?.verdict, .worse)
        // An infinite error budget (objective 1) has no value to show.
        base.errorBudgetUsed = .infinity
        XCTAssertEqual(ComparisonMetric.errorBudget.format(base), "–")
    }

    func testDisplayFormats() {
        XCTAssertEqual(DisplayText.fixed(1234.567, 2), "1,234.57")
        XCTAssertEqual(DisplayText.fixed(-0.004, 2), "0.00")
        XCTAssertEqual(DisplayText.fixed(-1234567, 0), "-1,234,567")
        XCTAssertEqual(DisplayText.compact(1234.5), "1,235")
        XCTAssertEqual(DisplayText.compact(0.012345), "0.01235")
        XCTAssertEqual(DisplayText.compact(12.3), "12.3")
        XCTAssertEqual(DisplayText.compact(.nan), "–")
        XCTAssertEqual(DisplayText.duration(seconds: 3725), "1h 2m")
        XCTAssertEqual(DisplayText.duration(seconds: 90_061), "1d 1h")
        XCTAssertEqual(DisplayText.duration(seconds: 45.5), "45.5s")
        XCTAssertEqual(DisplayText.duration(seconds: 0), "0s")
        XCTAssertEqual(DisplayText.percent(0.1234), "12.3 %")
        XCTAssertEqual(DisplayText.percent(0.001234), "0.12 %")
        XCTAssertEqual(DisplayText.signedPercent(-0.0123), "-1.2 %")
        XCTAssertEqual(DisplayText.signedPercent(0.00123), "+0.12 %")
    }
}
