import XCTest

final class PlaceholderScenarioTests: XCTestCase {
    func testModuleLinks() throws {
        XCTAssertTrue(true)
    }
}
