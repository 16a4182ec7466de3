import XCTest
@testable import HindsightScenario

final class DecimalDigitsTests: XCTestCase {
    private func scan(_ text: String) -> (DecimalDigits?, end: Int) {
        var i = 0
        let d = DecimalDigits.scan(Array(text.utf8), &i)
        return (d, i)
    }

    func testReadsDigitsAndOnePoint() {
        // "0.0120s": digits 00120 → 120, 4 after the point, 5 read, 3 from the first non-zero.
        let (d, end) = scan("0.0120s")
        XCTAssertEqual(d, DecimalDigits(value: 120, fraction: 4, count: 5, significant: 3))
        XCTAssertEqual(end, 6)
        // A second point ends the number.
        let (e, stop) = scan("1.5.2")
        XCTAssertEqual(e, DecimalDigits(value: 15, fraction: 1, count: 2, significant: 2))
        XCTAssertEqual(stop, 3)
    }

    func testNoDigitsAndOverflow() {
        XCTAssertEqual(scan("ms").0?.count, 0)
        XCTAssertEqual(scan(".").0?.count, 0)
        // Int64.max = 9223372036854775807 fits; one more in the last digit does not.
        XCTAssertEqual(scan("9223372036854775807").0?.value, .max)
        XCTAssertNil(scan("9223372036854775808").0)
    }
}
