import HindsightTestSupport
import HindsightTrace
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import HindsightReport
import HindsightSim
import XCTest

/// Results with extreme or broken numbers still give complete, parseable files.
final class HostileInputTests: XCTestCase {
    func testExtremeValuesNeverTrapAndStayParseable() throws {
        var result = SmallResult.twoPolicies()
        result.grid = TraceGrid(start: SimInstant(unixMilliseconds: -86_400_000), step: .milliseconds(1), count: result.grid.count)
        var s = RunSeries()
        let values: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, .leastNonzeroMagnitude, -0.0, 0]
        for (i, v) in values.enumerated() {
            s.rows.append(StepRow(timestamp: Int64(i) * 1000 - 5_000, loadRPS: v, loadCores: v, desiredReplicas: Int32.max,
                                  readyReplicas: Int32.min, totalReplicas: 0, utilizationPct: v, latencyP99Ms: v,
                                  slo: i % 3 == 2 ? .notJudged : (i % 2 == 1 ? .violated : .met),
                                  costUSD: v, energyKWh: v, emissionsG: v, carbonIntensity: v))
        }
        result.runs[1].series = s
        result.runs[1].summary.costUSD = .infinity
        result.runs[1].summary.errorBudgetUsed = .infinity
        result.runs[1].summary.sloViolationSeconds = 1e300
        result.runs[1].summary.replicasMean = -.nan
        result.runs[1].decisions = [Decision(time: SimInstant(unixMilliseconds: Int64.min / 4), from: Int.max, to: Int.min, reason: ""),
                                    Decision(time: .epoch, from: 1, to: 2, reason: "\u{0}\u{1F}<&>")]
        let html = HTMLReport.render(result)
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        for svg in HTMLReportTests.svgElements(html) {
            XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse(), String(svg.prefix(300)))
        }
        let json = SummaryJSON.render(result)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        XCTAssertFalse(json.contains("nan") || json.contains("inf"))
        let csv = String(decoding: TimeseriesCSV.render(s), as: UTF8.self)
        XCTAssertFalse(csv.contains("nan") || csv.contains("inf"))
        XCTAssertEqual(CSVTestParser.parse(csv).count, values.count + 1)
        XCTAssertTrue(MarkdownSummary.render(result).contains("| hpa |"))
        _ = SummaryCSV.render(result)
        _ = DecisionsCSV.render(result.runs[1].decisions)
    }
}
