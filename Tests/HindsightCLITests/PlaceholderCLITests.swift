import XCTest

final class PlaceholderCLITests: XCTestCase {
    func testModuleLinks() throws {
        XCTAssertTrue(true)
    }
}
