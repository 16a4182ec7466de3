import XCTest
@testable import HindsightScenario

final class QuantityTests: XCTestCase {
    private func milli(_ text: String) -> Int64? { Quantity.parse(text)?.milliValue() }

    func testMilliValuesAreExact() {
        // Hand-worked: value × 1000, rounded up as Kubernetes MilliValue() does.
        XCTAssertEqual(milli("0.1"), 100)
        XCTAssertEqual(milli("1.5"), 1500)
        XCTAssertEqual(milli("500m"), 500)
        XCTAssertEqual(milli("1"), 1000)
        XCTAssertEqual(milli("100"), 100_000)
        XCTAssertEqual(milli("1k"), 1_000_000)
        XCTAssertEqual(milli("2e3"), 2_000_000)
        XCTAssertEqual(milli("1.5E-1"), 150)
        XCTAssertEqual(milli("1n"), 1, "1e-9 × 1000 rounds up to 1")
        XCTAssertEqual(milli("0.0001"), 1, "0.1 milli rounds up")
        XCTAssertEqual(milli("1Gi"), 1_073_741_824_000)
        XCTAssertEqual(milli("0"), 0)
        XCTAssertNil(milli("9E"), "9e18 × 1000 overflows Int64")
    }

    func testDoubleValues() throws {
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("500m")).doubleValue, 0.5)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("0.1")).doubleValue, 0.1)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("100m")).doubleValue, 0.1)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("1Gi")).doubleValue, 1_073_741_824)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("512Mi")).doubleValue, 536_870_912)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("100Mi")).doubleValue, 104_857_600)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("1G")).doubleValue, 1_000_000_000)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("1.5Gi")).doubleValue, 1_610_612_736)
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("1E")).doubleValue, 1e18, "a bare E is the exa suffix")
        XCTAssertEqual(try XCTUnwrap(Quantity.parse("1Gi")).value(), 1_073_741_824)
    }

    func testRejectsWhatIsNotAQuantity() {
        for bad in ["", "m", "1x", "1.2.3", "1 Gi", "1gi", "Gi", "1e", ".nan", "1e5000", "1234567890123456789"] {
            XCTAssertNil(Quantity.parse(bad), bad)
        }
    }

    func testDurations() {
        XCTAssertEqual(DurationText.milliseconds("200ms"), 200)
        XCTAssertEqual(DurationText.milliseconds("30s"), 30_000)
        XCTAssertEqual(DurationText.milliseconds("5m"), 300_000)
        XCTAssertEqual(DurationText.milliseconds("1h"), 3_600_000)
        XCTAssertEqual(DurationText.milliseconds("1d"), 86_400_000)
        XCTAssertEqual(DurationText.milliseconds("1h30m"), 5_400_000)
        XCTAssertEqual(DurationText.milliseconds("1.5s"), 1_500)
        XCTAssertEqual(DurationText.milliseconds("0"), 0)
        XCTAssertEqual(DurationText.milliseconds("0s"), 0)
        for bad in ["30", "-5s", "5 m", "1.5ms", "s", "5x", "", "1h-1m"] {
            XCTAssertNil(DurationText.milliseconds(bad), bad)
        }
    }

    func testTimestamps() throws {
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))
        // 2026-01-05 is 20 458 days after 1970-01-01 (56 years incl. 14 leap days = 20 454, + 4).
        XCTAssertEqual(TimestampText.milliseconds("2026-01-05T00:00:00Z", zone: utc), 20_458 * 86_400_000)
        XCTAssertEqual(TimestampText.milliseconds("2026-01-05T01:00:00+01:00", zone: utc), 20_458 * 86_400_000)
        XCTAssertEqual(TimestampText.milliseconds("2026-01-05 00:00:00.250", zone: utc), 20_458 * 86_400_000 + 250)
        XCTAssertEqual(TimestampText.milliseconds("1767225600", zone: utc), 1_767_225_600_000)
        let berlin = try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))
        // Berlin is UTC+1 in January.
        XCTAssertEqual(TimestampText.milliseconds("2026-01-05 01:00:00", zone: berlin), 20_458 * 86_400_000)
        XCTAssertNil(TimestampText.milliseconds("2026-13-05", zone: utc))
        XCTAssertNil(TimestampText.milliseconds("yesterday", zone: utc))
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestion.closest(to: "minReplica", among: ["maxReplicas", "minReplicas"]), "minReplicas")
        XCTAssertEqual(Suggestion.closest(to: "metrcis", among: ["metrics", "behavior"]), "metrics")
        XCTAssertNil(Suggestion.closest(to: "zzz", among: ["metrics", "behavior"]))
        XCTAssertEqual(Suggestion.distance(Array("kitten"), Array("sitting")), 3)
    }
}
