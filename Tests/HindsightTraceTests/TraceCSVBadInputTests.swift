import XCTest
@testable import HindsightTrace

/// Every class of bad input names its line (and column).
final class TraceCSVBadInputTests: XCTestCase {
    func testEmptyFile() {
        assertCSVError("", line: 1, column: 1, contains: "the file is empty")
        assertCSVError("\n\r\n", line: 1, column: 1, contains: "the file is empty")
    }

    func testHeaderOnly() {
        assertCSVError("timestamp,rps\n", line: 2, column: 1, contains: "no data rows")
        assertCSVError("timestamp,rps", line: 2, column: 1, contains: "no data rows")
    }

    func testNonNumericCell() {
        assertCSVError("timestamp,rps,cpu\n1,2,3\n2,4,abc\n", line: 3, column: 5,
                       contains: "\"abc\" in column \"cpu\" is not a number")
        assertCSVError("timestamp,rps\n1,inf\n", line: 2, column: 3, contains: "\"inf\"")
        assertCSVError("timestamp,rps\n1,1.2.3\n", line: 2, column: 3, contains: "is not a number")
    }

    func testRaggedRows() {
        assertCSVError("timestamp,rps,cpu\n1,2,3\n2,4\n", line: 3, column: 4, contains: "the row has 2 fields, the header has 3")
        assertCSVError("timestamp,rps\n1,2\n2,4,9\n", line: 3, column: 5, contains: "more than the 2 fields")
    }

    func testDuplicateTimestampNamesBothLines() {
        assertCSVError("timestamp,rps\n10,1\n20,2\n10,3\n", line: 4, column: 1,
                       contains: "repeats the one on line 2")
        // The time column need not be first: the column points at it.
        assertCSVError("rps,timestamp\n1,1970-01-01T00:00:10Z\n3,10\n", line: 3, column: 3,
                       contains: "timestamp 1970-01-01T00:00:10Z repeats the one on line 2")
    }

    func testNegativeLoad() {
        assertCSVError("timestamp,rps,delta\n1,5,-1\n2,-0.5,-2\n", line: 3, column: 3,
                       contains: "-0.5 in column \"rps\" is negative", nonNegative: ["rps"])
    }

    func testBadTimeCells() {
        assertCSVError("timestamp,rps\n1,1\nyesterday,2\n", line: 3, column: 1, contains: "\"yesterday\" is not a time")
        assertCSVError("timestamp,rps\n2026-02-30 00:00:00,1\n", line: 2, column: 1, contains: "is not a time")
        assertCSVError("timestamp,rps\n2026-01-01T25:00:00Z,1\n", line: 2, column: 1, contains: "is not a time")
        assertCSVError("timestamp,rps\n,1\n", line: 2, column: 1, contains: "the time cell is empty")
    }

    func testUnterminatedQuoteAndTextAfterQuote() {
        assertCSVError("timestamp,rps\n1,\"5\n2,3\n", line: 2, column: 3, contains: "never closed")
        assertCSVError("timestamp,rps\n1,\"5\"x\n", line: 2, column: 6, contains: "after a closing quote")
    }

    func testMissingColumnsListTheHeader() {
        assertCSVError("time,rps\n1,1\n", line: 1, column: 1, contains: "the time column \"timestamp\" is not in the header")
        assertCSVError("timestamp,rps\n1,1\n", line: 1, column: 1, contains: "one of the columns \"timestamp\", \"rps\"",
                       columns: ["cpu"])
    }

    func testColumnNumbersCountCharactersNotBytes() {
        // "é" is two bytes in UTF-8 but one character: the bad cell starts at character 5 (byte 6).
        assertCSVError("timestamp,name,v\n1,é,x\n", line: 2, column: 5, contains: "\"x\"", columns: ["v"])
    }

    func testMissingFileNamesIt() {
        XCTAssertThrowsError(try TraceCSV.read(path: "/nonexistent/trace.csv", timeColumn: "timestamp")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent/trace.csv: cannot read the file"), "\(error)")
        }
    }
}
