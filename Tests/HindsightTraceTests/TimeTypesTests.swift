import Foundation
import XCTest
import HindsightTrace

/// SimDuration, SimInstant and TraceGrid: the unit conversions and index↔time mapping,
/// checked against values worked out by hand.
final class TimeTypesTests: XCTestCase {
    func testDurationFactoriesAndConversions() {
        XCTAssertEqual(SimDuration.seconds(15).milliseconds, 15_000)
        XCTAssertEqual(SimDuration.minutes(5).milliseconds, 300_000)
        XCTAssertEqual(SimDuration.hours(2).milliseconds, 7_200_000)
        XCTAssertEqual(SimDuration.days(1).milliseconds, 86_400_000)
        XCTAssertEqual(SimDuration.milliseconds(1_500).seconds, 1.5)
        XCTAssertEqual(SimDuration.minutes(90).hours, 1.5)
        XCTAssertEqual(SimDuration.milliseconds(-1_500).wholeSeconds, -1, "truncates toward zero like ms / 1000")
        XCTAssertEqual(SimDuration.seconds(rounding: 0.0004), .zero)
        XCTAssertEqual(SimDuration.seconds(rounding: 2.5e-3), .milliseconds(3))
        XCTAssertNil(SimDuration.seconds(rounding: .infinity))
        XCTAssertNil(SimDuration.seconds(rounding: 1e17))
    }

    func testDurationSaturatesInsteadOfOverflowing() {
        XCTAssertEqual(SimDuration.days(.max).milliseconds, .max)
        XCTAssertEqual(SimDuration.seconds(.min).milliseconds, .min)
        XCTAssertEqual(SimDuration.seconds(-3).milliseconds, -3_000)
    }

    func testDurationArithmetic() {
        let step = SimDuration.seconds(15)
        XCTAssertEqual(step * 4, .minutes(1))
        XCTAssertEqual(SimDuration.minutes(1) / step, 4)
        XCTAssertEqual(SimDuration.seconds(50) % step, .seconds(5))
        XCTAssertEqual(step + .seconds(45) - .seconds(60), .zero)
        XCTAssertEqual(SimDuration.hours(200).clamped(to: .zero ... .days(1)), .days(1))
        XCTAssertEqual(SimDuration.seconds(-1).clamped(to: .zero ... .days(1)), .zero)
        XCTAssertEqual("\(SimDuration.seconds(30))", "30 s")
        XCTAssertEqual("\(SimDuration.milliseconds(250))", "250 ms")
        XCTAssertEqual("\(SimDuration.milliseconds(1_500))", "1.5 s")
    }

    func testInstantArithmetic() {
        let t = SimInstant(unixSeconds: 1_767_225_600)
        XCTAssertEqual(t.unixMilliseconds, 1_767_225_600_000)
        XCTAssertEqual((t + .seconds(15)) - t, .seconds(15))
        XCTAssertEqual(t - .minutes(1) < t, true)
        XCTAssertEqual(SimInstant(unixMilliseconds: 1_500).unixSeconds, 1.5)
        XCTAssertEqual(SimInstant(unixMilliseconds: 1_999).wholeUnixSeconds, 1)
        var u = t
        u += .hours(1)
        XCTAssertEqual(u - t, .hours(1))
    }

    func testGridMapsIndicesAndInstants() {
        let start = SimInstant(unixSeconds: 1_000)
        let grid = TraceGrid(start: start, step: .seconds(15), count: 4)
        XCTAssertEqual(grid.time(at: 0), start)
        XCTAssertEqual(grid.time(at: 3), SimInstant(unixSeconds: 1_045))
        XCTAssertEqual(grid.end, SimInstant(unixSeconds: 1_060))
        XCTAssertEqual(grid.span, .minutes(1))
        XCTAssertNil(grid.index(containing: SimInstant(unixMilliseconds: 999_999)))
        XCTAssertEqual(grid.index(containing: start), 0)
        XCTAssertEqual(grid.index(containing: SimInstant(unixMilliseconds: 1_014_999)), 0)
        XCTAssertEqual(grid.index(containing: SimInstant(unixSeconds: 1_015)), 1)
        XCTAssertEqual(grid.index(containing: SimInstant(unixMilliseconds: 1_059_999)), 3)
        XCTAssertNil(grid.index(containing: grid.end))
        XCTAssertEqual(grid.clampedIndex(containing: SimInstant(unixSeconds: 0)), 0)
        XCTAssertEqual(grid.clampedIndex(containing: SimInstant(unixSeconds: 5_000)), 3)
    }

    func testGridSliceIsTheSameGridShifted() {
        let grid = TraceGrid(start: SimInstant(unixSeconds: 0), step: .seconds(10), count: 8)
        let tail = grid.slice(6..<8)
        XCTAssertEqual(tail.start, SimInstant(unixSeconds: 60))
        XCTAssertEqual(tail.count, 2)
        XCTAssertEqual(tail.end, grid.end)
        for i in 0..<tail.count { XCTAssertEqual(tail.time(at: i), grid.time(at: 6 + i)) }
    }

    func testTraceExposesItsGrid() {
        let grid = TraceGrid(start: SimInstant(unixSeconds: 60), step: .seconds(15), count: 3)
        let trace = Trace(grid: grid, series: ["rps": [1, 2, 3]], source: "t")
        XCTAssertEqual(trace.start, SimInstant(unixSeconds: 60))
        XCTAssertEqual(trace.step, .seconds(15))
        XCTAssertEqual(trace.count, 3)
        XCTAssertEqual(trace.end, SimInstant(unixSeconds: 105))
        XCTAssertEqual(trace.time(at: 2), SimInstant(unixSeconds: 90))
    }

    func testWholeUnitsRatiosAndOrdering() {
        // 90 061 001 ms = 1 d 1 h 1 min 1 s 1 ms.
        let d = SimDuration.days(1) + .hours(1) + .minutes(1) + .seconds(1) + .milliseconds(1)
        XCTAssertEqual(d.milliseconds, 90_061_001)
        XCTAssertEqual(d.wholeMinutes, 1501)                      // 24·60 + 60 + 1
        XCTAssertEqual(SimDuration.milliseconds(-59_999).wholeMinutes, 0, "truncates toward zero")
        XCTAssertEqual(SimDuration.seconds(45).ratio(to: .minutes(3)), 0.25)
        XCTAssertEqual(3 * SimDuration.seconds(5), SimDuration.seconds(5) * 3)
        var total = SimDuration.zero
        total += .seconds(15)
        total += .seconds(15)
        XCTAssertEqual(total, .seconds(30))
        XCTAssertTrue(SimDuration.seconds(1) <= .milliseconds(1000) && SimDuration.seconds(1) >= .milliseconds(1000))
        XCTAssertTrue(SimDuration.seconds(2) > .seconds(1))
        let t = SimInstant(unixMilliseconds: 1_500)
        XCTAssertFalse(t.isWholeSecond)
        XCTAssertTrue(SimInstant(unixSeconds: -3).isWholeSecond)
        XCTAssertTrue(t < .distantFuture && SimInstant(unixMilliseconds: .max - 1) < .distantFuture)
        XCTAssertTrue(t > .epoch && t >= t && t <= t)
    }

    func testDateRoundTripRoundsToTheMillisecond() {
        let t = SimInstant(unixMilliseconds: 1_767_225_600_123)
        XCTAssertEqual(t.date.timeIntervalSince1970, 1_767_225_600.123, accuracy: 1e-6)
        XCTAssertEqual(SimInstant(rounding: t.date), t)
        // 0.0004 s rounds down, 0.0006 s up.
        XCTAssertEqual(SimInstant(rounding: Date(timeIntervalSince1970: 10.0004)), SimInstant(unixMilliseconds: 10_000))
        XCTAssertEqual(SimInstant(rounding: Date(timeIntervalSince1970: 10.0006)), SimInstant(unixMilliseconds: 10_001))
    }

    func testAddingSaturatingClampsInsteadOfTrapping() {
        let t = SimInstant(unixSeconds: 100)
        XCTAssertEqual(t.addingSaturating(.seconds(5)), SimInstant(unixSeconds: 105))     // in range: plain sum
        XCTAssertEqual(t.addingSaturating(.seconds(-5)), SimInstant(unixSeconds: 95))
        XCTAssertEqual(t.addingSaturating(.milliseconds(.max)), .distantFuture)           // 100 000 + Int64.max overflows
        XCTAssertEqual(SimInstant(unixMilliseconds: -1).addingSaturating(.milliseconds(.min)),
                       SimInstant(unixMilliseconds: .min))                                 // −1 + Int64.min overflows
    }
}
