import HindsightTrace
import XCTest
import Foundation
@testable import HindsightSim
import HindsightScenario

/// KEDA cron trigger: 5-field schedules in an IANA zone, active on [start, end), metric
/// desiredReplicas (else 1) against AverageValue 1. Instants were converted from the
/// ISO times in the comments independently of the code.
final class KEDACronTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let jan15_07h = SimInstant(unixMilliseconds: 1_768_460_400_000)   // 2026-01-15T07:00:00Z (Thursday)
    private let jan15_19h = SimInstant(unixMilliseconds: 1_768_503_600_000)   // 2026-01-15T19:00:00Z
    private let jul15_06h = SimInstant(unixMilliseconds: 1_784_095_200_000)   // 2026-07-15T06:00:00Z
    private let jul15_18h = SimInstant(unixMilliseconds: 1_784_138_400_000)   // 2026-07-15T18:00:00Z

    /// The next firing, with instants written as the ms literals of the comments.
    private func next(_ expr: String, after t: Int64, _ tz: TimeZone? = nil) throws -> Int64? {
        try CronSchedule(parsing: expr).next(after: SimInstant(unixMilliseconds: t), in: tz ?? utc)?.unixMilliseconds
    }

    func testStepAndStrictlyAfter() throws {
        // */15 after 10:07Z (1768471620000) → 10:15Z = +8 min.
        XCTAssertEqual(try next("*/15 * * * *", after: 1_768_471_620_000), 1_768_471_620_000 + 480_000)
        // At exactly a firing (10:15Z) the next one is 10:30Z.
        XCTAssertEqual(try next("*/15 * * * *", after: 1_768_472_100_000), 1_768_472_100_000 + 900_000)
    }

    func testLeapDay() throws {
        // 0 0 29 2 * after 2026-03-01 → 2028-02-29T00:00Z = 1835395200000.
        XCTAssertEqual(try next("0 0 29 2 *", after: 1_772_323_200_000), 1_835_395_200_000)
        XCTAssertNil(try next("0 0 30 2 *", after: 1_772_323_200_000))
    }

    func testDayOfMonthOrDayOfWeek() throws {
        // After 2026-11-26T00:00Z (a Thursday): "0 0 13 * 5" fires on the 13th OR a Friday
        // → Fri 2026-11-27 = 1795737600000; "0 0 13 * *" only on the 13th → 2026-12-13 =
        // 1795651200000 + 17 days; "0 0 * * 5" → Friday again.
        let thu: Int64 = 1_795_651_200_000
        XCTAssertEqual(try next("0 0 13 * 5", after: thu), 1_795_737_600_000)
        XCTAssertEqual(try next("0 0 13 * *", after: thu), thu + 17 * 86_400_000)
        XCTAssertEqual(try next("0 0 * * FRI", after: thu), 1_795_737_600_000)
    }

    func testNamesRangesLists() throws {
        // "30 9 * JAN-MAR MON,WED" after Thu 2026-01-15T10:07Z → Mon 2026-01-19T09:30Z
        // = 2026-01-15T00:00Z (1768435200000) + 4 days + 9.5 h.
        XCTAssertEqual(try next("30 9 * jan-mar MON,wed", after: 1_768_471_620_000),
                       1_768_435_200_000 + 4 * 86_400_000 + 34_200_000)
        // "5/20 * * * *" = minutes 5, 25, 45: after 10:07Z → 10:25Z.
        XCTAssertEqual(try next("5/20 * * * *", after: 1_768_471_620_000), 1_768_471_620_000 + 18 * 60_000)
    }

    func testParseErrors() {
        for bad in ["0 8 * *", "60 * * * *", "0 24 * * *", "0 0 0 * *", "*/0 * * * *", "5-2 * * * *", "0 0 * * 7", "x * * * *"] {
            XCTAssertThrowsError(try CronSchedule(parsing: bad), bad) { e in
                XCTAssertTrue("\(e)".contains("expected"), "\(e)")
            }
        }
    }

    func testDaylightSavingSkipsTheMissingHour() throws {
        // Europe/Berlin jumps 02:00 → 03:00 on 2026-03-29; "30 2 * * *" does not fire that
        // day. After 2026-03-29T00:00Z (01:00 CET) the next firing is 2026-03-30 02:30 CEST
        // = 00:30Z = 1774742400000 + 1 day + 30 min.
        let berlin = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        XCTAssertEqual(try next("30 2 * * *", after: 1_774_742_400_000, berlin),
                       1_774_742_400_000 + 86_400_000 + 1_800_000)
    }

    func testActiveWindowInItsTimeZone() {
        // 08:00–20:00 Europe/Berlin: winter UTC+1 → [07:00Z, 19:00Z); summer UTC+2 → [06:00Z, 18:00Z).
        var c = KEDACronTrigger(timezone: "Europe/Berlin", start: "0 8 * * *", end: "0 20 * * *", desiredReplicas: 5)
        XCTAssertEqual(c.isActive(at: jan15_07h - .milliseconds(1)), false)
        XCTAssertEqual(c.isActive(at: jan15_07h), true)      // at the start firing: active
        XCTAssertEqual(c.isActive(at: jan15_19h - .milliseconds(1)), true)
        XCTAssertEqual(c.isActive(at: jan15_19h), false)     // at the end firing: inactive
        var d = KEDACronTrigger(timezone: "Europe/Berlin", start: "0 8 * * *", end: "0 20 * * *", desiredReplicas: 5)
        XCTAssertEqual(d.isActive(at: jul15_06h - .minutes(1)), false)
        XCTAssertEqual(d.isActive(at: jul15_06h + .minutes(1)), true)
        XCTAssertEqual(d.isActive(at: jul15_18h), false)
        XCTAssertEqual(d.value(at: jul15_06h), 5)
        XCTAssertEqual(d.value(at: jul15_18h), 0, "an inactive cron trigger reports 0 (KEDA ≥ 2.18)")
        var bad = KEDACronTrigger(timezone: "Mars/Olympus", start: "0 8 * * *", end: "0 20 * * *", desiredReplicas: 5)
        XCTAssertNil(bad.isActive(at: .epoch))
    }

    func testWindowAcrossMidnight() {
        // 22:00–06:00 UTC: active at 23:00Z and 05:59Z, inactive at 12:00Z.
        var c = KEDACronTrigger(timezone: "UTC", start: "0 22 * * *", end: "0 6 * * *", desiredReplicas: 3)
        let day = SimInstant(unixMilliseconds: 1_768_435_200_000)   // 2026-01-15T00:00Z
        XCTAssertEqual(c.isActive(at: day + .hours(23)), true)
        XCTAssertEqual(c.isActive(at: day + .hours(6) - .minutes(1)), true)
        XCTAssertEqual(c.isActive(at: day + .hours(12)), false)
    }

    func testCronDrivesActivationAndTheHPA() {
        // min 0, max 10, cron 08–20 Berlin desiredReplicas 5, winter day.
        // 07:00Z poll: active, spec 0 → 1. HPA: value 5 vs AverageValue 1 at status 1 →
        // ratio 5 → ceil(5/1) = 5; legacy max(5, seed 0) = 5, limit max(2, 4) = 4 → 4.
        // +15 s: 5/(1·4) = 1.25 → 5 ≤ 8 → 5.  +30 s: 5/5 = 1 → inside → 5.
        // 19:00Z: value 0 (inactive, KEDA ≥ 2.18) → 0/(1·5) = 0 → raw 0, stabilized to 5 by the
        // raw 5 of 18:59:45Z.
        // Poll after 19:00Z is inactive; last active tick 18:59:30Z → zero on the first tick
        // strictly after 19:04:30Z, i.e. 19:05:00Z.
        let s = ScaledObjectSpec(name: "so", target: nil, triggers: [
            KEDATrigger(name: nil, kind: .cron(timezone: "Europe/Berlin", start: "0 8 * * *", end: "0 20 * * *", desiredReplicas: 5)),
        ])
        let t0 = jan15_07h
        var k = KEDAController(spec: s, kubernetes: HPAT.kube(), initialReplicas: 0, start: t0)
        XCTAssertEqual(k.poll(now: t0, specReplicas: 0, totals: [:])?.replicas, 1)
        var spec: Int32 = 1
        for (dt, expected) in [(SimDuration.zero, Int32(4)), (.seconds(15), 5), (.seconds(30), 5)] {
            spec = k.sync(now: t0 + dt, specReplicas: spec, statusReplicas: spec, pods: HPAT.readyPods(Int(spec)),
                          readings: HPAT.totals([:])).desired
            XCTAssertEqual(spec, expected, "t0 + \(dt)")
        }
        XCTAssertNil(k.poll(now: jan15_19h - .seconds(30), specReplicas: 5, totals: [:]))
        // 18:59:45Z: 5/(1·5) = 1 → inside → raw 5 recorded.
        XCTAssertEqual(k.sync(now: jan15_19h - .seconds(15), specReplicas: 5, statusReplicas: 5, pods: HPAT.readyPods(5),
                              readings: HPAT.totals([:])).rawProposal, 5)
        let end = k.sync(now: jan15_19h, specReplicas: 5, statusReplicas: 5, pods: HPAT.readyPods(5), readings: HPAT.totals([:]))
        XCTAssertEqual(end.rawProposal, 0)
        XCTAssertEqual(end.desired, 5)
        XCTAssertNil(k.poll(now: jan15_19h, specReplicas: 5, totals: [:]))
        XCTAssertNil(k.poll(now: jan15_19h + .seconds(270), specReplicas: 5, totals: [:]))
        XCTAssertEqual(k.poll(now: jan15_19h + .seconds(300), specReplicas: 5, totals: [:])?.replicas, 0)
    }

    /// HPA.md Corrections 5 with metricType Value: once the window closes the trigger reports
    /// 0 against a Value target of 1, so the HPA may scale down. The old value 1 gave the
    /// ratio 1/1 = 1, inside the tolerance band, which pinned the current count for ever.
    func testClosedCronWindowNoLongerPinsAValueTrigger() {
        var trigger = KEDATrigger(name: nil, kind: .cron(timezone: "UTC", start: "0 8 * * *", end: "0 20 * * *", desiredReplicas: 5))
        trigger.metricType = .value
        let s = ScaledObjectSpec(name: "so", target: nil, triggers: [trigger])
        XCTAssertEqual(KEDAController.hpaSpec(for: s).metrics, [.external(series: "s0-cron", .value(milli: 1000))])
        let day = SimInstant(unixMilliseconds: 1_768_435_200_000)   // 2026-01-15T00:00Z
        var k = KEDAController(spec: s, kubernetes: HPAT.kube(), initialReplicas: 5, start: day + .hours(12))
        // Open window, 5 pods: value 5 vs target 1 → ratio 5 → ceil(5 · 5) = 25 → max 100 … raw 25.
        let open = k.sync(now: day + .hours(12), specReplicas: 5, statusReplicas: 5, pods: HPAT.readyPods(5), readings: HPAT.totals([:]))
        XCTAssertEqual(open.rawProposal, 25)
        // Closed window (21:00Z), 5 pods: value 0 → ratio 0 → ceil(0 · 5) = 0 (the old value 1
        // would have given ratio 1, inside the band: raw 5).
        let closed = k.sync(now: day + .hours(21), specReplicas: 5, statusReplicas: 5, pods: HPAT.readyPods(5), readings: HPAT.totals([:]))
        XCTAssertEqual(closed.rawProposal, 0)
    }
}
