import HindsightTestSupport
import XCTest
@testable import HindsightTrace

final class TraceCSVTests: XCTestCase {
    func testUnixSecondsIntegerAndDecimalRoundToMilliseconds() throws {
        let raw = try readCSV("timestamp,rps\n1767225600,1\n1767225600.25,2\n1767225600.0006,3\n1767225601.9994,4\n1.7672256e9,5\n",
                              duplicates: .last)
        // 1.7672256e9 equals 1767225600 and comes later in the file, so it wins under .last.
        XCTAssertEqual(raw.times, [1_767_225_600_000, 1_767_225_600_001, 1_767_225_600_250, 1_767_225_601_999])
        XCTAssertEqual(raw.columns["rps"], [5, 3, 2, 4])
    }

    func testRFC3339WithOffsetsAndFractions() throws {
        let raw = try readCSV("""
            timestamp,v
            2026-01-01T00:00:00Z,1
            2026-01-01T01:00:00.5+01:00,2
            2026-01-01 00:00:02+00:00,3
            2026-01-01T00:00:03.123456z,4
            2025-12-31T19:00:04-0500,5
            """)
        XCTAssertEqual(raw.times, [1_767_225_600_000, 1_767_225_600_500, 1_767_225_602_000, 1_767_225_603_123, 1_767_225_604_000])
        XCTAssertEqual(raw.columns["v"], [1, 2, 3, 4, 5])
    }

    func testLocalTimesInTheGivenZone() throws {
        // Summer (CEST, +2) and winter (CET, +1) in Berlin; values from Python's zoneinfo.
        let raw = try readCSV("timestamp,v\n2026-07-01 12:00:00,1\n2026-01-15 12:00:00,2\n", timezone: "Europe/Berlin")
        XCTAssertEqual(raw.times, [1_768_474_800_000, 1_782_900_000_000])
        XCTAssertEqual(raw.columns["v"], [2, 1])
        let utc = try readCSV("timestamp,v\n2026-01-01 00:00:00,1\n2026-01-01,2\n2026-01-01T00:00:01.5,3\n", duplicates: .mean)
        XCTAssertEqual(utc.times, [1_767_225_600_000, 1_767_225_601_500])
        XCTAssertEqual(utc.columns["v"], [1.5, 3])
    }

    func testRepeatedLocalHourTakesFirstOccurrenceAndSkippedHourShiftsForward() throws {
        // New York, 2026-11-01 01:30 occurs twice: EDT (05:30Z) first. 2026-03-08 02:30 does not exist.
        let raw = try readCSV("timestamp,v\n2026-11-01 01:30:00,1\n2026-03-08 02:30:00,2\n", timezone: "America/New_York")
        XCTAssertEqual(raw.times, [1_772_955_000_000, 1_793_511_000_000])
    }

    func testUnknownTimeZoneIsAnInputError() {
        XCTAssertThrowsError(try readCSV("timestamp,v\n1,1\n", timezone: "Mars/Olympus")) { error in
            XCTAssertTrue("\(error)".contains("Mars/Olympus"), "\(error)")
            XCTAssertTrue("\(error)".contains("expected an IANA time zone"), "\(error)")
        }
    }

    func testCRLFMissingFinalNewlineQuotedFieldsAndEmptyCells() throws {
        let raw = try readCSV("\u{FEFF}\"timestamp\",rps,\"note, with comma\",cpu\r\n10,1.5,\"a \"\"quoted\"\" word\",\r\n20,,\"two\nlines\",0.25\r\n30,\"3\",x,1e-3",
                              columns: ["rps", "cpu"])
        XCTAssertEqual(raw.times, [10_000, 20_000, 30_000])
        XCTAssertEqual(raw.columns["rps"]?[0], 1.5)
        XCTAssertEqual(raw.columns["rps"]?[1].isNaN, true)
        XCTAssertEqual(raw.columns["rps"]?[2], 3)
        XCTAssertEqual(raw.columns["cpu"]?[0].isNaN, true)
        XCTAssertEqual(raw.columns["cpu"]?[1], 0.25)
        XCTAssertEqual(raw.columns["cpu"]?[2], 0.001)
    }

    func testColumnsSelectsAndNamesAsAsked() throws {
        let text = "timestamp,Country,value\n1,\"Germany, DE\",7\n"
        let raw = try readCSV(text, columns: ["value"])
        XCTAssertEqual(raw.columnNames, ["value"])
        XCTAssertEqual(raw.columns["value"], [7])
        // Loose match: case and punctuation ignored, ₂ read as 2.
        let carbon = try readCSV("Datetime (UTC),Carbon Intensity gCO₂eq/kWh (direct)\n2022-01-01 00:00:00,209.26\n",
                                 time: "datetime (utc)", columns: ["Carbon Intensity gCO2eq/kWh (direct)"])
        XCTAssertEqual(carbon.columns["Carbon Intensity gCO2eq/kWh (direct)"], [209.26])
        XCTAssertEqual(carbon.times, [1_640_995_200_000])
    }

    func testRowsInAnyOrderComeOutSorted() throws {
        let raw = try readCSV("timestamp,a,b\n30,3,30\n10,1,10\n20,2,20\n")
        XCTAssertEqual(raw.times, [10_000, 20_000, 30_000])
        XCTAssertEqual(raw.columns["a"], [1, 2, 3])
        XCTAssertEqual(raw.columns["b"], [10, 20, 30])
    }

    func testDuplicatesLastAndMean() throws {
        let text = "timestamp,a,b\n20,1,\n10,5,5\n20,3,4\n20,,8\n"
        let last = try readCSV(text, duplicates: .last)
        XCTAssertEqual(last.times, [10_000, 20_000])
        XCTAssertEqual(last.columns["a"]?[0], 5)
        XCTAssertEqual(last.columns["a"]?[1].isNaN, true)    // the later row's empty cell wins
        XCTAssertEqual(last.columns["b"]?[1], 8)
        let mean = try readCSV(text, duplicates: .mean)
        XCTAssertEqual(mean.columns["a"]?[1], 2)             // (1 + 3) / 2, empty cell ignored
        XCTAssertEqual(mean.columns["b"]?[1], 6)             // (4 + 8) / 2
    }

    func testBlankLinesAreSkippedAndLinesStillCounted() {
        assertCSVError("timestamp,v\n\n1,1\n\n2,x\n", line: 5, column: 3, contains: "\"x\" in column \"v\" is not a number")
    }

    func testNaNWordIsMissing() throws {
        let raw = try readCSV("timestamp,v\n1,NaN\n2,nan\n")
        XCTAssertEqual(raw.columns["v"]?.allSatisfy(\.isNaN), true)
    }

    func testHeaderReadsOnlyTheFirstLine() throws {
        let folder = try temporaryFolder()
        let path = folder + "/h.csv"
        try Data("\"time stamp\",rps,\"a,b\"\r\n1,2,3\r\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try TraceCSV.header(path: path), ["time stamp", "rps", "a,b"])
        let blankFirst = folder + "/b.csv"
        try Data("\u{FEFF}\r\n\ntimestamp,v\n1,2\n".utf8).write(to: URL(fileURLWithPath: blankFirst))
        XCTAssertEqual(try TraceCSV.header(path: blankFirst), ["timestamp", "v"])
        XCTAssertEqual(try TraceCSV.read(path: blankFirst, timeColumn: "timestamp").columns["v"], [2])
        let empty = folder + "/e.csv"
        try Data().write(to: URL(fileURLWithPath: empty))
        XCTAssertThrowsError(try TraceCSV.header(path: empty))
        XCTAssertThrowsError(try TraceCSV.read(path: empty, timeColumn: "timestamp")) {
            XCTAssertTrue("\($0)".hasPrefix("\(empty):1:1: the file is empty"), "\($0)")
        }
        let raw = try TraceCSV.read(path: path, timeColumn: "time stamp")
        XCTAssertEqual(raw.columns["a,b"], [3])
    }
}
