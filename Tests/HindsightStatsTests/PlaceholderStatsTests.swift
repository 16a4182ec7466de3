import XCTest

final class PlaceholderStatsTests: XCTestCase {
    func testModuleLinks() throws {
        XCTAssertTrue(true)
    }
}
