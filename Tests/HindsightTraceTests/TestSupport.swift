import HindsightTestSupport
import XCTest
@testable import HindsightTrace

/// Reads CSV text through the public byte entry point.
func readCSV(_ text: String, time: String = "timestamp", timezone: String = "UTC",
             duplicates: TraceSpec.Duplicates = .error, columns: [String]? = nil,
             nonNegative: Set<String> = []) throws -> RawTrace {
    try TraceCSV.read(bytes: Array(text.utf8), file: "t.csv", timeColumn: time, timezone: timezone,
                      duplicates: duplicates, columns: columns, nonNegative: nonNegative)
}

/// Asserts that reading `text` fails with a `TraceError` at `line`:`column` whose message contains `fragment`.
func assertCSVError(_ text: String, line: Int, column: Int?, contains fragment: String,
                    duplicates: TraceSpec.Duplicates = .error, columns: [String]? = nil,
                    nonNegative: Set<String> = [], timezone: String = "UTC",
                    file: StaticString = #filePath, sourceLine: UInt = #line) {
    do {
        let raw = try readCSV(text, timezone: timezone, duplicates: duplicates, columns: columns, nonNegative: nonNegative)
        XCTFail("expected an error, read \(raw.times.count) rows", file: file, line: sourceLine)
    } catch let error as TraceError {
        XCTAssertEqual(error.file, "t.csv", file: file, line: sourceLine)
        XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
        if let column { XCTAssertEqual(error.column, column, "\(error)", file: file, line: sourceLine) }
        XCTAssertTrue(error.description.contains(fragment), "\(error) lacks \(fragment)", file: file, line: sourceLine)
        XCTAssertTrue(error.description.hasPrefix("t.csv:\(line):"), "\(error)", file: file, line: sourceLine)
        XCTAssertTrue(error.description.contains("; expected "), "\(error)", file: file, line: sourceLine)
    } catch {
        XCTFail("unexpected error type \(error)", file: file, line: sourceLine)
    }
}

/// `../shared/datasets/<relative>`, or skip the test when absent.
func sharedDataset(_ relative: String) throws -> String {
    try PackageFolders.shared("datasets/\(relative)")
}
