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
        XCTAssertEqual(r.read(series: values, grid: grid, at: 40_000), 2, accuracy: 1e-12)
        // Window 0, lag 0: the current step's value.
        let now = MetricsReader(MetricsPipelineSpec(window: .zero, lag: .zero))
        XCTAssertEqual(now.read(series: values, grid: grid, at: 25_000), 3)
        // Before any data: missing.
        XCTAssertTrue(r.read(series: values, grid: grid, at: 10_000).isNaN)
        // Missing samples are left out of the mean.
        // 5 s of 1 and 5 s of 3 with data: (5 + 15) / 10.
        XCTAssertEqual(r.read(series: [1, .nan, 3, 4], grid: grid, at: 40_000), 2, accuracy: 1e-12)
    }

    func testSignalHistoryMeanValueAndBoundedMemory() {
        var h = SignalHistory(reach: 30_000)
        h.set(1, at: 0)
        h.set(3, at: 10_000)
        h.set(.nan, at: 20_000)
        h.set(5, at: 30_000)
        XCTAssertEqual(h.value(at: 15_000), 3)
        XCTAssertEqual(h.mean(from: 0, to: 20_000), 2, accuracy: 1e-12)
        let expected: Double = (5.0 * 1 + 10.0 * 3 + 10.0 * 5) / 25.0  // 5 s of 1, 10 s of 3, 10 s of 5
        XCTAssertEqual(h.mean(from: 5_000, to: 40_000), expected, accuracy: 1e-12)
        let r = MetricsReader(MetricsPipelineSpec(window: .zero, lag: .seconds(15)))
        XCTAssertEqual(r.read(h, at: 25_000), 3)
        for k in 4..<1000 { h.set(Double(k), at: Int64(k) * 10_000) }
        XCTAssertEqual(h.mean(from: 9_960_000, to: 9_990_000), 997, accuracy: 1e-12)
        XCTAssertTrue(h.value(at: 0).isNaN, "pieces older than the reach are forgotten")
    }
}
