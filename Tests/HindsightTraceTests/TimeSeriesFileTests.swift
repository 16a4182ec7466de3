import HindsightTestSupport
import XCTest
@testable import HindsightTrace

final class TimeSeriesFileTests: XCTestCase {
    private func file(_ text: String) throws -> String {
        let path = try temporaryFolder() + "/series.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testSampleAndHoldWithBlankRowsSkipped() throws {
        let path = try file("timestamp,multiplier,label\n2026-01-01T00:00:00Z,1.0,a\n2026-01-01T01:00:00Z,,b\n2026-01-01T02:00:00Z,0.5,\"c, d\"\n")
        let series = try TimeSeriesFile.read(path: path, timeColumn: "timestamp", valueColumn: "multiplier")
        XCTAssertEqual(series.times, [SimInstant(unixSeconds: 1_767_225_600), SimInstant(unixSeconds: 1_767_232_800)])
        XCTAssertEqual(series.value(at: SimInstant(unixSeconds: 1_767_229_200)), 1.0)     // 01:00: the blank row holds 1.0
        XCTAssertEqual(series.value(at: SimInstant(unixSeconds: 1_767_232_800)), 0.5)
        XCTAssertEqual(series.value(at: .epoch), 1.0)                      // before the first row: the first value
    }

    func testNegativeOrAbsentValuesAreErrors() throws {
        let negative = try file("timestamp,gco2_per_kwh\n0,10\n3600,-1\n")
        XCTAssertThrowsError(try TimeSeriesFile.read(path: negative, timeColumn: "timestamp", valueColumn: "gco2_per_kwh")) {
            XCTAssertTrue("\($0)".hasPrefix("\(negative):3:6: -1 in column \"gco2_per_kwh\" is negative"), "\($0)")
        }
        let blank = try file("timestamp,gco2_per_kwh\n0,\n")
        XCTAssertThrowsError(try TimeSeriesFile.read(path: blank, timeColumn: "timestamp", valueColumn: "gco2_per_kwh")) {
            XCTAssertTrue("\($0)".contains("has no values"), "\($0)")
        }
        XCTAssertThrowsError(try TimeSeriesFile.read(path: blank, timeColumn: "timestamp", valueColumn: "intensity")) {
            XCTAssertTrue("\($0)".hasPrefix("\(blank):1:1: the column \"intensity\" is not in the header"), "\($0)")
        }
    }
}
