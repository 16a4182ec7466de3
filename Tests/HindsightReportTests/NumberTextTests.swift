import HindsightStats
import HindsightTrace
import Foundation
@testable import HindsightReport
import XCTest

final class NumberTextTests: XCTestCase {
    func testWholeNumbersPrintAsIntegers() {
        XCTAssertEqual(NumberText.plain(12.0), "12")
        XCTAssertEqual(NumberText.plain(-3.0), "-3")
        XCTAssertEqual(NumberText.plain(0.0), "0")
        XCTAssertEqual(NumberText.plain(-0.0), "0")
        XCTAssertEqual(NumberText.plain(1e15), "1000000000000000")
        XCTAssertEqual(NumberText.plain(9_999_999_999_999_998), "9999999999999998")
        // From 10^16 on, Swift's description switches to the exponent form.
        XCTAssertEqual(NumberText.plain(1e16), "1e+16")
        XCTAssertEqual(NumberText.plain(-2.5e20), "-2.5e+20")
    }

    func testFractionsUseShortestRoundTrip() {
        XCTAssertEqual(NumberText.plain(0.1), "0.1")
        XCTAssertEqual(NumberText.plain(2.5), "2.5")
        XCTAssertEqual(NumberText.plain(1e-5), "1e-05")
        XCTAssertEqual(NumberText.plain(0.1 + 0.2), "0.30000000000000004")
    }

    func testNonFiniteIsNoValue() {
        XCTAssertNil(NumberText.plain(.nan))
        XCTAssertNil(NumberText.plain(.infinity))
        XCTAssertNil(NumberText.plain(-.infinity))
        XCTAssertEqual(NumberText.json(.nan), "null")
        XCTAssertEqual(NumberText.json(nil), "null")
        XCTAssertEqual(NumberText.json(-.infinity), "null")
        var bytes: [UInt8] = []
        NumberText.append(.nan, to: &bytes)
        XCTAssertTrue(bytes.isEmpty)
    }

    func testAppendAgreesWithPlainAndRoundTrips() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let magnitude = [1e-9, 1e-3, 1, 1e3, 1e9, 1e18][Int(rng.next() % 6)]
            var x = (rng.nextUnit() - 0.5) * magnitude
            if rng.next() % 4 == 0 { x = x.rounded() }
            var bytes: [UInt8] = []
            NumberText.append(x, to: &bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertEqual(text, NumberText.plain(x))
            XCTAssertEqual(Double(text), x == 0 ? 0 : x, "round trip of \(x)")
            XCTAssertFalse(text.contains("nan") || text.contains("inf"))
        }
    }

    func testIntegerAppendCoversExtremes() {
        for v: Int64 in [0, 7, -7, 10, 1_000_000, Int64.max, Int64.min] {
            var bytes: [UInt8] = []
            NumberText.append(v, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(v))
        }
    }

    func testUnixSecondsIsExact() {
        XCTAssertEqual(NumberText.unixSeconds(ms: 1_767_225_600_000), "1767225600")
        XCTAssertEqual(NumberText.unixSeconds(ms: 1_767_225_600_500), "1767225600.5")
        XCTAssertEqual(NumberText.unixSeconds(ms: 1_767_225_600_025), "1767225600.025")
        XCTAssertEqual(NumberText.unixSeconds(ms: 1_767_225_600_120), "1767225600.12")
        XCTAssertEqual(NumberText.unixSeconds(ms: 0), "0")
        XCTAssertEqual(NumberText.unixSeconds(ms: -1500), "-1.5")
        XCTAssertEqual(NumberText.unixSeconds(ms: -250), "-0.25")
        XCTAssertEqual(NumberText.unixSeconds(ms: -2000), "-2")
    }
}
