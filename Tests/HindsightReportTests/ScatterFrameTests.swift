@testable import HindsightReport
import XCTest

/// The shared scatter layout: values map linearly onto the plot rectangle, and the grid
/// pieces sit on its edges.
final class ScatterFrameTests: XCTestCase {
    // Plot rectangle x ∈ [10, 110], y ∈ [20, 70] inside a 200 × 100 viewBox.
    let frame = ScatterFrame(width: 200, height: 100, left: 10, top: 20, plotWidth: 100, plotHeight: 50)
    let axis = ValueAxis(covering: 0, 87)  // [0, 100], ticks every 20

    func testValuesMapLinearlyOntoThePlot() {
        XCTAssertEqual(frame.x(0, on: axis), 10)
        XCTAssertEqual(frame.x(100, on: axis), 110)
        XCTAssertEqual(frame.x(25, on: axis), 35)
        // Larger values higher up: the axis bottom on the plot's lower edge.
        XCTAssertEqual(frame.y(0, on: axis), 70)
        XCTAssertEqual(frame.y(100, on: axis), 20)
        XCTAssertEqual(frame.y(40, on: axis), 50)
    }

    func testTicksSpanThePlotAndTitlesSitOnItsMiddle() {
        let x = frame.xTick(40, on: axis)
        XCTAssertTrue(x.hasPrefix("<line x1=\"50\" y1=\"20\" x2=\"50\" y2=\"70\""), x)
        XCTAssertTrue(x.contains("<text x=\"50\" y=\"86\" text-anchor=\"middle\" class=\"tick\">40</text>"), x)
        let y = frame.yTick(40, on: axis)
        XCTAssertTrue(y.hasPrefix("<line x1=\"10\" y1=\"50\" x2=\"110\" y2=\"50\""), y)
        XCTAssertTrue(y.contains("<text x=\"4\" y=\"50\" text-anchor=\"end\""), y)
        let titles = frame.axisTitles(x: "a < b", y: "up")
        XCTAssertTrue(titles.contains("<text x=\"60\" y=\"92\" text-anchor=\"middle\" class=\"axis-label\">a &lt; b</text>"), titles)
        XCTAssertTrue(titles.contains("translate(16 45) rotate(-90)"), titles)
        XCTAssertTrue(frame.svgStart(labelledBy: "c-t").hasSuffix("viewBox=\"0 0 200 100\" role=\"img\" aria-labelledby=\"c-t\">\n"))
    }
}
