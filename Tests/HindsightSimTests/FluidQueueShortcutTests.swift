import HindsightTrace
import XCTest
@testable import HindsightSim

/// `FluidQueue.serve`'s shortcut for an empty queue whose arrivals are all served must
/// give the general path's bits: served, dropped and backlog after every segment.
final class FluidQueueShortcutTests: XCTestCase {
    func testShortcutMatchesTheGeneralPathBitForBit() {
        var s: UInt64 = 99
        func unit() -> Double {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Double(s >> 11) / Double(1 << 53)
        }
        for timeout in [SimDuration.seconds(30), .seconds(10), .zero] {
            var fast = FluidQueue(timeout: timeout)
            var slow = FluidQueue(timeout: timeout)
            slow.shortcut = false
            var t = SimInstant.epoch
            var emptied = 0
            for k in 0..<20_000 {
                let d = SimDuration.milliseconds(Int64(1 + Int(unit() * 20_000)))
                // Mostly enough capacity, with overloads, idle segments and NaN-free zero arrivals.
                let arrivals = unit() < 0.05 ? 0 : 100 * unit() * d.seconds
                let capacity = (unit() < 0.15 ? 40 : 160) * unit() * d.seconds
                let a = fast.serve(start: t, end: t + d, arrivals: arrivals, capacity: capacity)
                let b = slow.serve(start: t, end: t + d, arrivals: arrivals, capacity: capacity)
                XCTAssertEqual(a.served.bitPattern, b.served.bitPattern, "segment \(k)")
                XCTAssertEqual(a.dropped.bitPattern, b.dropped.bitPattern, "segment \(k)")
                XCTAssertEqual(fast.backlog.bitPattern, slow.backlog.bitPattern, "segment \(k)")
                if fast.backlog == 0 { emptied += 1 }
                t = t + d
            }
            // Both the shortcut (empty queue) and the general path (backlog) are exercised
            // (with a zero timeout every segment is split and nothing ever waits).
            if timeout > .zero {
                XCTAssertGreaterThan(emptied, 5_000)
                XCTAssertLessThan(emptied, 19_000)
            }
        }
    }
}
