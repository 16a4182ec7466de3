import XCTest
@testable import HindsightTrace

final class LocalTimeTests: XCTestCase {
    func testCivilDaysAgainstKnownDates() {
        XCTAssertEqual(CivilTime.daysFromCivil(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilTime.daysFromCivil(year: 2026, month: 1, day: 1), 20_454)   // 1767225600 / 86400
        XCTAssertEqual(CivilTime.daysFromCivil(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertEqual(CivilTime.daysFromCivil(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(CivilTime.rfc3339(ms: 1_767_225_600_250), "2026-01-01T00:00:00.250Z")
        XCTAssertEqual(CivilTime.rfc3339(ms: 951_782_400_000), "2000-02-29T00:00:00Z")
        XCTAssertEqual(CivilTime.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CivilTime.daysInMonth(year: 1900, month: 2), 28)
    }

    func testZonesWithoutDaylightSavingAndHalfHourOffsets() throws {
        // Kolkata is +05:30 all year; 2026-01-01 05:30 local = 00:00Z.
        var kolkata = try XCTUnwrap(LocalTimeResolver(identifier: "Asia/Kolkata"))
        XCTAssertEqual(kolkata.utc(fromLocal: 1_767_225_600_000 + 19_800_000), 1_767_225_600_000)
        var utc = try XCTUnwrap(LocalTimeResolver(identifier: "UTC"))
        XCTAssertEqual(utc.utc(fromLocal: 42), 42)
        XCTAssertNil(LocalTimeResolver(identifier: "Not/AZone"))
    }

    func testEveryLocalHourAroundBothBerlinTransitions() throws {
        // 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET (from the EU rule).
        var berlin = try XCTUnwrap(LocalTimeResolver(identifier: "Europe/Berlin"))
        func local(_ day: Int, _ month: Int, _ hour: Int, _ minute: Int) -> Int64 {
            Int64(CivilTime.daysFromCivil(year: 2026, month: month, day: day)) * 86_400_000 + Int64(hour * 60 + minute) * 60_000
        }
        XCTAssertEqual(berlin.utc(fromLocal: local(29, 3, 1, 59)), local(29, 3, 0, 59))     // CET, +1
        XCTAssertEqual(berlin.utc(fromLocal: local(29, 3, 2, 30)), local(29, 3, 1, 30))     // skipped: read at +1 → 03:30 CEST
        XCTAssertEqual(berlin.utc(fromLocal: local(29, 3, 3, 0)), local(29, 3, 1, 0))       // CEST, +2
        XCTAssertEqual(berlin.utc(fromLocal: local(25, 10, 1, 59)), local(24, 10, 23, 59))  // CEST
        XCTAssertEqual(berlin.utc(fromLocal: local(25, 10, 2, 30)), local(25, 10, 0, 30))   // repeated: first (CEST)
        XCTAssertEqual(berlin.utc(fromLocal: local(25, 10, 3, 0)), local(25, 10, 2, 0))     // CET
    }
}
