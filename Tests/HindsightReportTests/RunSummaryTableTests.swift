import HindsightReport
import HindsightSim
import XCTest

/// The table `hindsight run` prints, for the two hand-made runs of `SmallResult`.
final class RunSummaryTableTests: XCTestCase {
    func testTableOfTwoRuns() {
        // observed: cost 100, 2 kg, SLO 0, budget 10 %, replicas 3.25 (→ 3.3) / 8, 40 actions.
        // hpa: cost 87.5, 2.5 kg, SLO 900/86400 = 1.0417 %, budget 25 %, 3.75 (→ 3.8) / 10, 28 actions.
        // Columns are as wide as their widest cell; the first is left-aligned, the others right-aligned.
        let expected = [
            "scenario small: 24 steps of 3600 s",
            "policy    cost USD  kgCO2e  SLO viol.  budget used  replicas mean/max  actions",
            "observed    100.00   2.000     0.00 %       10.0 %            3.3 / 8       40",
            "hpa          87.50   2.500     1.04 %       25.0 %           3.8 / 10       28",
            "warning: hpa: first, with comma",
            "warning: hpa: second \"quoted\"",
        ]
        XCTAssertEqual(RunSummaryTable.render(SmallResult.twoPolicies()).split(separator: "\n").map(String.init), expected)
    }

    func testFixed() {
        XCTAssertEqual(RunSummaryTable.fixed(2, 3), "2.000")
        XCTAssertEqual(RunSummaryTable.fixed(0.125, 2), "0.13", "half rounds away from zero")
        XCTAssertEqual(RunSummaryTable.fixed(.nan, 2), "–")
    }
}
