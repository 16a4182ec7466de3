@testable import HindsightReport
import XCTest

final class ChartMathTests: XCTestCase {
    func testNiceValueAxes() {
        let a = ValueAxis(covering: 0, 87)
        XCTAssertEqual(a.step, 20); XCTAssertEqual(a.lower, 0); XCTAssertEqual(a.upper, 100)
        XCTAssertEqual(a.ticks, [0, 20, 40, 60, 80, 100])
        let b = ValueAxis(covering: 0, 0.37)
        XCTAssertEqual(b.step, 0.1, accuracy: 1e-12); XCTAssertEqual(b.upper, 0.4, accuracy: 1e-12)
        XCTAssertEqual(b.label(0.2), "0.2")
        let c = ValueAxis(covering: 5, 5)
        XCTAssertEqual(c.lower, 0); XCTAssertEqual(c.upper, 5)
        let d = ValueAxis(covering: 0, 18_000)
        XCTAssertEqual(d.step, 5000); XCTAssertEqual(d.label(15_000), "15k"); XCTAssertEqual(d.label(0), "0")
        let e = ValueAxis(covering: 0, 0)
        XCTAssertEqual(e.upper, 1)
        let f = ValueAxis(covering: .nan, .infinity)
        XCTAssertEqual(f.lower, 0); XCTAssertEqual(f.upper, 1)
        XCTAssertEqual(ValueAxis(covering: 0, 9).step, 2)
        let huge = ValueAxis(covering: -1.7e308, 1.7e308)  // must terminate
        XCTAssertTrue(huge.step.isFinite && huge.upper > huge.lower)
        XCTAssertEqual(ValueAxis(covering: 0, 11).step, 2.5)
    }

    func testTimeTicksForThreeDays() {
        let start: Int64 = 1_767_225_600_000
        let ticks = TimeAxis.ticks(start: start, end: start + 3 * 86_400_000, maxTicks: 16)
        XCTAssertEqual(ticks.count, 13, "every 6 h, both ends included")
        XCTAssertEqual(ticks[0], TimeTick(time: start, label: "00:00", sublabel: "Jan 1"))
        XCTAssertEqual(ticks[1], TimeTick(time: start + 21_600_000, label: "06:00", sublabel: nil))
        XCTAssertEqual(ticks[4], TimeTick(time: start + 86_400_000, label: "00:00", sublabel: "Jan 2"))
    }

    func testWeeklyTicksFallOnMondays() {
        let start: Int64 = 1_767_225_600_000  // Thursday 2026-01-01
        let ticks = TimeAxis.ticks(start: start, end: start + 90 * 86_400_000, maxTicks: 16)
        XCTAssertEqual(ticks.first, TimeTick(time: start + 4 * 86_400_000, label: "Jan 5", sublabel: "2026"))
        XCTAssertEqual(ticks.dropFirst().first?.label, "Jan 12")
        XCTAssertTrue(ticks.allSatisfy { ($0.time / 86_400_000 + 4) % 7 == 1 }, "1970-01-01 was a Thursday")
    }

    func testSubMinuteTicksShowSeconds() {
        let ticks = TimeAxis.ticks(start: 0, end: 60_000, maxTicks: 6)
        // 60 s in at most 6 intervals: every 10 s, both ends labelled.
        XCTAssertEqual(ticks.map(\.label), ["00:00:00", "00:00:10", "00:00:20", "00:00:30", "00:00:40", "00:00:50", "00:01:00"])
        XCTAssertEqual(TimeAxis.ticks(start: 5, end: 5, maxTicks: 6), [])
        // Extreme spans stay bounded and do not trap.
        XCTAssertLessThanOrEqual(TimeAxis.ticks(start: Int64.min / 2, end: Int64.max / 2, maxTicks: 10).count, 11)
        XCTAssertEqual(DisplayText.duration(seconds: 1e300).hasSuffix("d"), true)
    }

    func testSVGNumbers() {
        XCTAssertEqual(SVGNumber.text(12), "12")
        XCTAssertEqual(SVGNumber.text(12.46), "12.5")
        XCTAssertEqual(SVGNumber.text(-3.14), "-3.1")
        XCTAssertEqual(SVGNumber.text(.nan), "0")
        XCTAssertEqual(SVGNumber.text(1e300), "1000000000")
    }

    func testXMLEscape() {
        XCTAssertEqual(XMLText.escape("a<b&\"c\"'"), "a&lt;b&amp;&quot;c&quot;&#39;")
        XCTAssertEqual(XMLText.escape("x\u{0}y\ty"), "x\u{FFFD}y\ty")
        XCTAssertEqual(XMLText.truncate("abcdefgh", to: 5), "abcd…")
        XCTAssertEqual(XMLText.truncate("abc", to: 5), "abc")
    }
}
