import HindsightStats
import XCTest
@testable import HindsightTrace
#if canImport(Glibc)
import Glibc
#endif

/// The byte parser must give exactly what `strtod` gives, on its fast path and off it.
final class DecimalParserTests: XCTestCase {
    private func strtodValue(_ text: String) -> Double { text.withCString { strtod($0, nil) } }

    func testCommonAndHardFormsMatchStrtodBitForBit() {
        let cases = ["0", "-0", "1", "123.456", "51.846000000000004", "0.1", "0.3", "1e22", "1e23", "9007199254740993",
                     "123456789012345678901234567890", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308",
                     "0.000000000000000000000000001", "+7.5", ".5", "5.", "3.14159265358979323846264338327950288",
                     "1E-5", "8.63964e+08", "0.06453452400000001", "12345678901234567", "1e-400", "1e400"]
        for text in cases {
            guard let parsed = DecimalParser.parse(text) else { XCTFail("\(text) rejected"); continue }
            XCTAssertEqual(parsed.bitPattern, strtodValue(text).bitPattern, text)
        }
    }

    func testRandomDecimalsMatchStrtod() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let intDigits = Int(rng.next() % 12)
            let fracDigits = Int(rng.next() % 20)
            var text = rng.next() % 4 == 0 ? "-" : ""
            for _ in 0..<max(intDigits, 1) { text += String(rng.next() % 10) }
            if fracDigits > 0 {
                text += "."
                for _ in 0..<fracDigits { text += String(rng.next() % 10) }
            }
            if rng.next() % 3 == 0 { text += "e" + String(Int(rng.next() % 60) - 30) }
            guard let parsed = DecimalParser.parse(text) else { XCTFail("\(text) rejected"); continue }
            XCTAssertEqual(parsed.bitPattern, strtodValue(text).bitPattern, text)
        }
    }

    func testRejectsWhatIsNotADecimalNumber() {
        for text in ["", "-", ".", "e5", "1e", "1e+", "inf", "nan", "0x10", "1 2", "1,5", "1.2.3", "--1", "12a"] {
            XCTAssertNil(DecimalParser.parse(text), text)
        }
    }

    func testScannerFastPathMatchesStrtodThroughACSV() throws {
        var rng = SeededGenerator(seed: 11)
        var text = "timestamp,v\n"
        var expected: [Double] = []
        for i in 0..<5000 {
            let v = "\(rng.next() % 100_000_000).\(rng.next() % 10_000_000)"
            text += "\(i),\(v)\n"
            expected.append(strtodValue(v))
        }
        let raw = try readCSV(text)
        XCTAssertEqual(raw.columns["v"]?.map(\.bitPattern), expected.map(\.bitPattern))
    }
}
