import Foundation
import HindsightReport
import XCTest

/// Writes demo reports to `$HINDSIGHT_REPORT_DEMO` when set (for looking at them).
final class HTMLReportDemoTests: XCTestCase {
    func testWriteDemoWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["HINDSIGHT_REPORT_DEMO"] else {
            throw XCTSkip("set HINDSIGHT_REPORT_DEMO=<folder> to write demo reports")
        }
        try ReportWriter.writeAll(Fixtures.result(days: 3, stepSeconds: 15), to: dir + "/3d")
        try ReportWriter.writeAll(Fixtures.result(days: 30, stepSeconds: 15), to: dir + "/30d")
    }
}
