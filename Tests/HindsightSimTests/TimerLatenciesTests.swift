import XCTest
@testable import HindsightSim

/// The worst latency since each timer fired: raised by every segment, read and reset by
/// its own timer only (hand-worked sequence with three timers).
final class TimerLatenciesTests: XCTestCase {
    func testEachTimerSeesTheWorstSinceItLastFired() {
        var t = TimerLatencies(count: 3)
        XCTAssertTrue(t.take(1).isNaN, "nothing yet")
        t.raise(to: 0.2)
        t.raise(to: 0.5)
        t.raise(to: 0.3)
        XCTAssertEqual(t.take(0), 0.5)
        XCTAssertTrue(t.take(0).isNaN, "taken: starts again")
        t.raise(to: 0.1)
        XCTAssertEqual(t.take(0), 0.1)
        XCTAssertEqual(t.take(2), 0.5, "timer 2 has not fired since the 0.5 segment")
        t.raise(to: 0.4)
        XCTAssertEqual(t.take(1), 0.5)
        XCTAssertEqual(t.take(2), 0.4)
        XCTAssertTrue(t.take(7).isNaN, "no such timer")
        var none = TimerLatencies(count: 0)
        none.raise(to: 1)
        XCTAssertEqual(none.take(0), 1, "timer 0 is kept even for a controller without timers (never read)")
    }
}
