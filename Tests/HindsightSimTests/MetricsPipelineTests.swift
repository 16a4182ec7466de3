import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

final class MetricsPipelineTests: XCTestCase {
    func testTraceSeriesWindowAndLag() {
        let values: [Double] = [1, 2, 3, 4]
        let grid = TraceGrid(start: .epoch, step: .seconds(10), count: values.count)
        let r = MetricsReader(MetricsPipelineSpec(window: .seconds(20), lag: .seconds(15)))
        // t = 40 s → [5, 25) s: 5 s of 1, 10 s of 2, 5 s of 3 → 40 / 20.
        XCTAssertEqual(r.read(series: values, grid: grid, at: .epoch + .seconds(40)), 2, accuracy: 1e-12)
        // Window 0, lag 0: the current step's value.
        let now = MetricsReader(MetricsPipelineSpec(window: .zero, lag: .zero))
        XCTAssertEqual(now.read(series: values, grid: grid, at: .epoch + .seconds(25)), 3)
        // Before any data: missing.
        XCTAssertTrue(r.read(series: values, grid: grid, at: .epoch + .seconds(10)).isNaN)
        // Missing samples are left out of the mean.
        // 5 s of 1 and 5 s of 3 with data: (5 + 15) / 10.
        XCTAssertEqual(r.read(series: [1, .nan, 3, 4], grid: grid, at: .epoch + .seconds(40)), 2, accuracy: 1e-12)
    }

    func testSignalHistoryMeanValueAndBoundedMemory() {
        var h = SignalHistory(reach: .seconds(30))
        h.set(1, at: .epoch)
        h.set(3, at: .epoch + .seconds(10))
        h.set(.nan, at: .epoch + .seconds(20))
        h.set(5, at: .epoch + .seconds(30))
        XCTAssertEqual(h.value(at: .epoch + .seconds(15)), 3)
        XCTAssertEqual(h.mean(from: .epoch, to: .epoch + .seconds(20)), 2, accuracy: 1e-12)
        let expected: Double = (5.0 * 1 + 10.0 * 3 + 10.0 * 5) / 25.0  // 5 s of 1, 10 s of 3, 10 s of 5
        XCTAssertEqual(h.mean(from: .epoch + .seconds(5), to: .epoch + .seconds(40)), expected, accuracy: 1e-12)
        let r = MetricsReader(MetricsPipelineSpec(window: .zero, lag: .seconds(15)))
        XCTAssertEqual(r.read(h, at: .epoch + .seconds(25)), 3)
        for k in 4..<1000 { h.set(Double(k), at: .epoch + .seconds(10) * k) }
        XCTAssertEqual(h.mean(from: .epoch + .seconds(9_960), to: .epoch + .seconds(9_990)), 997, accuracy: 1e-12)
        XCTAssertTrue(h.value(at: .epoch).isNaN, "pieces older than the reach are forgotten")
    }
}
