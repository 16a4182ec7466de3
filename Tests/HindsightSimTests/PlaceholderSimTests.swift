import XCTest

final class PlaceholderSimTests: XCTestCase {
    func testModuleLinks() throws {
        XCTAssertTrue(true)
    }
}
