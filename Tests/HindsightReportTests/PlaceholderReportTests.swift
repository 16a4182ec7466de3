import XCTest

final class PlaceholderReportTests: XCTestCase {
    func testModuleLinks() throws {
        XCTAssertTrue(true)
    }
}
