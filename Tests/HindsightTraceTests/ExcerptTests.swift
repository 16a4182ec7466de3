import XCTest
@testable import HindsightTrace

/// Quotes of untrusted input in messages: short and printable.
final class ExcerptTests: XCTestCase {
    func testShortPrintableTextIsUnchanged() {
        XCTAssertEqual(Excerpt.of("12.5x"), "12.5x")
        XCTAssertEqual(Excerpt.of(""), "")
        XCTAssertEqual(Excerpt.of("gCO₂e/kWh é"), "gCO₂e/kWh é")
        XCTAssertEqual(Excerpt.quoted("abc"), "\"abc\"")
    }

    func testControlAndInvisibleCharactersAreEscaped() {
        XCTAssertEqual(Excerpt.of("a\nb\tc\rd\\e"), "a\\nb\\tc\\rd\\\\e")
        // ESC (a terminal escape), NUL, a zero-width joiner (format) and LINE SEPARATOR.
        XCTAssertEqual(Excerpt.of("\u{1B}[31m\u{0}x\u{200D}\u{2028}"), "\\u{1B}[31m\\u{0}x\\u{200D}\\u{2028}")
    }

    func testLongTextIsCutToTheLimitCountingEscapes() {
        let long = String(repeating: "k", count: 5_000)
        XCTAssertEqual(Excerpt.of(long), String(repeating: "k", count: 40) + "…")
        XCTAssertEqual(Excerpt.of(long, limit: 5), "kkkkk…")
        // 3 characters fit, then "\n" (2) would make 5 > 4: cut before it.
        XCTAssertEqual(Excerpt.of("abc\ndef", limit: 4), "abc…")
        XCTAssertEqual(Excerpt.of("abcd", limit: 4), "abcd")
        XCTAssertEqual(Excerpt.of("abcde", limit: 0), "a…")
    }

    func testBytesAreDecodedLeniently() {
        XCTAssertEqual(Excerpt.of(bytes: Array("ok\n".utf8)), "ok\\n")
        XCTAssertEqual(Excerpt.of(bytes: [0x61, 0xFF, 0x62]), "a\u{FFFD}b")
        XCTAssertEqual(Excerpt.of(bytes: [UInt8](repeating: 0x7A, count: 10_000), limit: 3), "zzz…")
    }

    func testListsAreCutAsAWhole() {
        XCTAssertEqual(Excerpt.list(["a", "b"]), "\"a\", \"b\"")
        XCTAssertEqual(Excerpt.list([String(repeating: "s", count: 500)], limit: 4), "\"sss…")
    }
}
