import RealModule
import XCTest
@testable import HindsightSim

final class LatencyTests: XCTestCase {
    func testErlangCKnownValues() {
        // c = 1: C = ρ.
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 1, offeredLoad: 0.3), 0.3, accuracy: 1e-14)
        // c = 2, a = 1: C = 1/3.
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 2, offeredLoad: 1), 1.0 / 3, accuracy: 1e-14)
        // c = 3, a = 2: C = 4/9 (B = 4/19).
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 3, offeredLoad: 2), 4.0 / 9, accuracy: 1e-14)
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 3, offeredLoad: 0), 0)
        XCTAssertEqual(ErlangC.probabilityOfWaiting(servers: 3, offeredLoad: 3), 1)
        // Thousands of servers stay finite and in [0, 1].
        let big = ErlangC.probabilityOfWaiting(servers: 5000, offeredLoad: 4900)
        XCTAssertTrue(big > 0 && big < 1, "\(big)")
    }

    func testP99Formula() {
        // c = 1, λ = 50, μ = 100: C = 0.5, wait = ln(50) / 50 s.
        XCTAssertEqual(ErlangC.waitP99(servers: 1, mu: 100, lambda: 50), Double.log(50) / 50, accuracy: 1e-12)
        // c = 2, λ = 100, μ = 100 (a = 1): C = 1/3 → ln(100/3) / 100.
        XCTAssertEqual(ErlangC.waitP99(servers: 2, mu: 100, lambda: 100), Double.log(100.0 / 3) / 100, accuracy: 1e-12)
        // C ≤ 1 %: no wait at p99.
        XCTAssertEqual(ErlangC.waitP99(servers: 10, mu: 100, lambda: 10), 0)
        let m = LatencyModelMMC(serviceTime: 0.025, queueTimeout: 30)
        let x = LatencyInput(ready: 1, arrivalRate: 50, podRate: 100, backlog: 0, utilizationPct: 50)
        XCTAssertEqual(m.p99Seconds(x), 0.025 + Double.log(50) / 50, accuracy: 1e-12)
        // Overloaded with a backlog of 200 requests on 2 × 100 rps: + 1 s.
        let y = LatencyInput(ready: 2, arrivalRate: 300, podRate: 100, backlog: 200, utilizationPct: 100)
        XCTAssertEqual(m.p99Seconds(y), 1.025, accuracy: 1e-12)
        // No pod ready: the wait is capped at the queue timeout.
        let z = LatencyInput(ready: 0, arrivalRate: 10, podRate: 100, backlog: 10, utilizationPct: .nan)
        XCTAssertEqual(m.p99Seconds(z), 30.025, accuracy: 1e-12)
    }

    func testIsotonicFitPoolsViolators() {
        let fit = LatencyModelEmpirical.isotonic([(10, 1, 1), (20, 3, 1), (30, 2, 1), (40, 5, 1)])
        XCTAssertEqual(fit.map(\.latency), [1, 2.5, 2.5, 5])
    }
}
