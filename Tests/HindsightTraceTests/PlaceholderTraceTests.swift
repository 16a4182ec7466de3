import XCTest

final class PlaceholderTraceTests: XCTestCase {
    func testModuleLinks() throws {
        XCTAssertTrue(true)
    }
}
