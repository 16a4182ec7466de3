import HindsightStats
import Foundation
import XCTest

final class StrideSampleTests: XCTestCase {
    func testExactUpToCapacityThenEveryStrideTh() {
        var s = StrideSample(capacity: 8)
        for v in 0..<7 { s.add(Double(v)) }
        XCTAssertTrue(s.isExact)
        XCTAssertEqual(s.values, (0..<7).map(Double.init))
        s.add(.nan); s.add(.infinity)           // ignored, not counted
        s.add(7)                                 // fills the buffer: halves to 0, 2, 4, 6; stride 2
        XCTAssertEqual(s.stride, 2)
        XCTAssertEqual(s.values, [0, 2, 4, 6])
        for v in 8..<20 { s.add(Double(v)) }     // keeps 8, 10, …; at 14 the buffer fills again
        // Every 4th of the stream 0, 1, 2, … once the stride is 4.
        XCTAssertEqual(s.stride, 4)
        XCTAssertEqual(s.values, [0, 4, 8, 12, 16])
        XCTAssertTrue(s.values.count <= s.capacity)
    }

    func testBoundedForALongStream() {
        var s = StrideSample(capacity: 1024)
        for i in 0..<1_000_000 { s.add(Double(i % 977)) }
        XCTAssertLessThanOrEqual(s.values.count, 1024)
        XCTAssertGreaterThanOrEqual(s.values.count, 512)
        // Every kept value is stream[k × stride] for k = 0, 1, …
        XCTAssertEqual(s.values, (0..<s.values.count).map { Double(($0 * s.stride) % 977) })
    }

    func testAccumulatorEqualsTheBatchDownsamplerFedInPieces() {
        let times = (0..<5000).map { Int64($0) * 15_000 + 7 }
        let values: [Double] = (0..<5000).map { (i: Int) -> Double in
            if i % 97 == 0 { return .nan }
            let wave: Double = sin(Double(i) / 40)
            return wave * Double(i % 13)
        }
        var acc = MinMaxAccumulator(start: 0, end: 5000 * 15_000, buckets: 333)
        for i in times.indices { acc.add(time: times[i], value: values[i], index: i) }
        // Independent: the buckets by hand.
        var lo = [Double](repeating: .infinity, count: 333), hi = [Double](repeating: -.infinity, count: 333)
        for i in times.indices where values[i].isFinite {
            let span: Int64 = 5000 * 15_000
            let b = Int(times[i] * 333 / span)
            lo[b] = min(lo[b], values[i]); hi[b] = max(hi[b], values[i])
        }
        for b in 0..<333 {
            XCTAssertEqual(acc.buckets[b]?.min ?? .infinity, lo[b])
            XCTAssertEqual(acc.buckets[b]?.max ?? -.infinity, hi[b])
        }
    }
}
