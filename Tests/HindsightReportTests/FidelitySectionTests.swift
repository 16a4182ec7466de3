import XCTest
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

/// The "Model fidelity" section of `report.html` and its calibration chart.
final class FidelitySectionTests: XCTestCase {
    private func result(pairs: Int) -> ScenarioResult {
        var r = SmallResult.twoPolicies()
        let points = (0..<pairs).map { i in
            ModelFidelity.LatencyPair(time: Int64(i) * 60_000, recordedMs: 100 + Double(i % 50), modelledMs: 110,
                                      heldOut: i >= pairs * 7 / 10)
        }
        r.fidelity = ModelFidelity(latencyMAPE: 12.34, cpuMAPE: 5, latencyHourlyMAPE: 8, latencyHoldoutMAPE: 20,
                                   latencyHoldoutConstantMAPE: 40, latencySkill: 0.5, holdoutStart: pairs * 7 / 10,
                                   latencyPairs: points)
        return r
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func testNumbersAndOneDotPerStep() {
        let html = HTMLReport.render(result(pairs: 100))
        XCTAssertTrue(html.contains("<h2 id=\"fidelity-h\">Model fidelity</h2>"))
        XCTAssertTrue(html.contains("<td class=\"num\">12.3 %</td>"), "latency MAPE to one decimal")
        XCTAssertTrue(html.contains("<td class=\"num\">0.500</td>"), "skill")
        XCTAssertTrue(html.contains("Latency calibration"))
        // 100 steps: 70 grey dots, 30 orange ones.
        XCTAssertEqual(count("<circle ", in: html), 100)
        XCTAssertEqual(count("fill=\"\(Palette.orange)\" fill-opacity=\"0.5\"/>", in: html), 30)
    }

    func testLongTracesAreThinnedByAFixedStride() {
        // 4,500 steps, at most 2,000 dots: every 3rd step, 1,500 dots.
        let html = HTMLReport.render(result(pairs: 4500))
        XCTAssertEqual(count("<circle ", in: html), 1500)
        XCTAssertTrue(html.contains("One step in 3 is drawn (1500 of 4500)."))
    }

    func testNoFidelityNoSection() {
        var r = SmallResult.twoPolicies()
        r.fidelity = nil
        XCTAssertFalse(HTMLReport.render(r).contains("fidelity-h"))
    }
}
