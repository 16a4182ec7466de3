import HindsightTrace
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import HindsightReport
import HindsightSim
import XCTest

final class HTMLReportTests: XCTestCase {
    static let svgNamespace = "xmlns=\"http://www.w3.org/2000/svg\""

    func testSelfContainedWithAChartPerView() {
        let html = HTMLReport.render(SmallResult.twoPolicies())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        let stripped = html.replacingOccurrences(of: Self.svgNamespace, with: "")
        XCTAssertFalse(stripped.contains("http://") || stripped.contains("https://"), "no network reference")
        for banned in ["<script", "<link", "@import", " src=", "<img", "<iframe"] {
            XCTAssertFalse(html.contains(banned), banned)
        }
        // Every url() points inside the document.
        XCTAssertEqual(html.components(separatedBy: "url(").count - 1, html.components(separatedBy: "url(#").count - 1)
        // 2 load/replica charts + SLO + cumulative cost + cumulative emissions + decisions
        // (grid intensity is constant here, so it has no chart).
        XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 6)
        XCTAssertFalse(html.contains("Grid carbon intensity"))
        XCTAssertTrue(html.contains("p99 latency against the SLO"))
        XCTAssertTrue(html.contains("SLO 250 ms"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertEqual(HTMLReport.render(SmallResult.twoPolicies()), html, "deterministic")
    }

    func testEveryChartIsWellFormedXMLWithTitleAndAxisLabels() throws {
        let html = HTMLReport.render(Fixtures.result(days: 2, stepSeconds: 60))
        let svgs = Self.svgElements(html)
        XCTAssertEqual(svgs.count, 8, "3 load charts, SLO, 2 cumulative, grid intensity, decisions")
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") in \(svg.prefix(200))")
            XCTAssertTrue(svg.contains("<title id="))
            XCTAssertTrue(svg.contains("role=\"img\""))
            XCTAssertTrue(svg.contains(">UTC</text>"), "time axis says its zone")
        }
        XCTAssertTrue(html.contains("replicas (pods)"))
        XCTAssertTrue(html.contains("load (requests/s)"))
        XCTAssertTrue(html.contains("p99 latency (ms)"))
        XCTAssertTrue(html.contains("cost (USD)"))
        XCTAssertTrue(html.contains("emissions (kgCO2e)"))
        XCTAssertTrue(html.contains("intensity (gCO2e/kWh)"))
        XCTAssertFalse(html.contains("NaN") || html.contains("nan,") || html.contains("inf"))
    }

    func testPolicyNamesAndReasonsAreEscaped() {
        var result = SmallResult.twoPolicies(otherName: "a<b&\"c\"")
        result.runs[1].decisions = [Decision(time: SimInstant(unixMilliseconds: Fixtures.start), from: 1, to: 2, reason: "</title><script>x</script>")]
        result.runs[1].warnings = ["<b>bold</b>"]
        let html = HTMLReport.render(result)
        XCTAssertFalse(html.contains("a<b&\"c\""))
        XCTAssertTrue(html.contains("a&lt;b&amp;&quot;c&quot;"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        for svg in Self.svgElements(html) { XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse()) }
    }

    func testDeltasInTheTable() {
        let html = HTMLReport.render(SmallResult.twoPolicies())
        XCTAssertTrue(html.contains("87.50<span class=\"delta better\">-12.5 %</span>"))
        XCTAssertTrue(html.contains("2.5<span class=\"delta worse\">+25.0 %</span>"))
        XCTAssertTrue(html.contains("15m<span class=\"delta worse\">+15m</span>"))
        XCTAssertTrue(html.contains("5<span class=\"delta worse\">+2</span>"), "reversals 3 → 5")
    }

    func testThirtyDaysAtFifteenSecondsWithThreePoliciesStaysUnderTwoMegabytes() {
        let result = Fixtures.result(days: 30, stepSeconds: 15)
        XCTAssertEqual(result.runs[0].series.count, 172_800)
        let html = HTMLReport.render(result)
        XCTAssertLessThan(html.utf8.count, 2_000_000, "report.html is \(html.utf8.count) bytes")
        XCTAssertEqual(Self.svgElements(html).count, 8)
    }

    func testThousandsOfDecisionsAreMergedIntoFewMarks() {
        var result = SmallResult.twoPolicies()
        result.runs[1].decisions = (0..<20_000).map {
            Decision(time: SimInstant(unixMilliseconds: Fixtures.start) + .seconds(4) * $0, from: 2 + $0 % 2, to: 3 - $0 % 2,
                     reason: "reason number \($0) " + String(repeating: "x", count: 200))
        }
        let html = HTMLReport.render(result)
        let decisions = Self.svgElements(html).last ?? ""
        let marks = decisions.components(separatedBy: "</title></rect>").count - 1
        // 1064 px of plot in 5 px slices (212), at most an up and a down mark per slice.
        XCTAssertLessThanOrEqual(marks, 2 * 212)
        XCTAssertGreaterThan(marks, 100)
        XCTAssertTrue(decisions.contains("… and "), "merged marks say how many more")
        XCTAssertLessThan(decisions.utf8.count, 250_000)
    }

    func testUtilizationChartWhenNoLatencyIsModelled() {
        var result = SmallResult.twoPolicies()
        for i in result.runs.indices {
            for j in result.runs[i].series.rows.indices { result.runs[i].series.rows[j].latencyP99Ms = .nan }
        }
        result.scenario.slo.latencyP99 = nil
        let html = HTMLReport.render(result)
        XCTAssertTrue(html.contains("Utilization against the SLO limit"))
        XCTAssertTrue(html.contains("SLO 90 %"))
    }

    func testSLOAxisKeepsTheThresholdReadable() {
        let baseline = (0..<1000).map { 100 + Double($0 % 20) }  // 100…119 ms
        let saturated = Array(repeating: 30_000.0, count: 1000)
        // 2.5 × 250 ms, since the baseline's p99 (119) is lower; the saturated policy is cut off.
        XCTAssertEqual(HTMLReport.sloAxisTop([baseline, saturated], threshold: 250), 625)
        // Everything below the threshold: the axis still shows the threshold with room (1.25 ×).
        XCTAssertEqual(HTMLReport.sloAxisTop([baseline], threshold: 250), 312.5)
        // A baseline above the threshold most of the time sets the top by its p99.
        XCTAssertEqual(HTMLReport.sloAxisTop([baseline.map { $0 * 10 }], threshold: 250), 1190)
        // No threshold: the 99.5th percentile (nearest rank) of 1…1000.
        XCTAssertEqual(HTMLReport.sloAxisTop([(1...1000).map(Double.init)], threshold: nil), 995)
        XCTAssertEqual(HTMLReport.sloAxisTop([[]], threshold: nil), 1)
    }

    func testEmptyResultStillRenders() {
        var result = SmallResult.twoPolicies()
        result.grid.count = 0
        for i in result.runs.indices { result.runs[i].series = RunSeries(); result.runs[i].decisions = [] }
        let html = HTMLReport.render(result)
        XCTAssertTrue(html.contains("nothing to draw"))
        result.runs = []
        XCTAssertTrue(HTMLReport.render(result).contains("</html>"))
    }

    /// The `<svg …>…</svg>` elements of `html`, in order.
    static func svgElements(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<svg "), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
            out.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return out
    }
}
