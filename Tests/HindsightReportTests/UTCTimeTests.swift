import HindsightStats
import HindsightTrace
import Foundation
@testable import HindsightReport
import XCTest

final class UTCTimeTests: XCTestCase {
    func testKnownInstants() {
        XCTAssertEqual(UTCTime.rfc3339(ms: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(UTCTime.rfc3339(ms: 1_767_225_600_000), "2026-01-01T00:00:00Z")
        XCTAssertEqual(UTCTime.rfc3339(ms: 951_782_400_000), "2000-02-29T00:00:00Z")  // leap day
        XCTAssertEqual(UTCTime.rfc3339(ms: -1), "1969-12-31T23:59:59.999Z")
        XCTAssertEqual(UTCTime.rfc3339(ms: 1_767_225_600_000 + 3_723_045), "2026-01-01T01:02:03.045Z")
        XCTAssertEqual(UTCTime.display(ms: 1_767_225_600_000 + 3_720_000), "2026-01-01 01:02")
        XCTAssertEqual(UTCTime.display(ms: 1_767_225_600_000 + 3_723_000), "2026-01-01 01:02:03")
    }

    /// Compares with Foundation's Gregorian calendar (an independent implementation).
    func testAgreesWithFoundationCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            // 1900 … 2200
            let ms = Int64(rng.next() % 9_467_280_000_000) - 2_208_988_800_000
            let t = UTCTime(ms: ms)
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            XCTAssertEqual(t.year, Int64(c.year ?? -1), "ms \(ms)")
            XCTAssertEqual(t.month, c.month)
            XCTAssertEqual(t.day, c.day)
            XCTAssertEqual(t.hour, c.hour)
            XCTAssertEqual(t.minute, c.minute)
            XCTAssertEqual(t.second, c.second)
        }
    }
}
