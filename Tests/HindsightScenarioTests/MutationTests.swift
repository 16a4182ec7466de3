import HindsightTestSupport
import HindsightStats
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// Random damage to valid files never crashes the loader, and every problem it reports
/// has a place and says what was expected.
final class MutationTests: XCTestCase {
    func testDamagedPolicyFilesFailCleanly() throws {
        let root = PackageFolders.root
        let sources = try ["scenarios/policies/hpa.yaml", "scenarios/policies/ai-optimization.yaml"].map {
            try [UInt8](Data(contentsOf: root.appendingPathComponent($0)))
        }
        let alphabet = Array(" :-[]{}&*!|>'\"#\t\n0123456789.%mGiabz,?".utf8) + [0x00, 0xFF, 0xC3]
        var rng = SeededGenerator(seed: 20_261_126)
        var rejected = 0
        for round in 0..<600 {
            var bytes = sources[round % sources.count]
            for _ in 0...rng.below(4) {
                let at = rng.below(bytes.count)
                switch rng.below(3) {
                case 0: bytes[at] = alphabet[rng.below(alphabet.count)]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[rng.below(alphabet.count)], at: at)
                }
            }
            let context = YAMLDecodingContext()
            _ = PolicyLoader.load(bytes: bytes, display: "m.yaml", namedAt: nil, context: context)
            if !context.errors.isEmpty { rejected += 1 }
            for e in context.errors {
                XCTAssertNotNil(e.location, "round \(round): \(e)")
                XCTAssertTrue(e.description.hasPrefix("m.yaml:"), "round \(round): \(e)")
                XCTAssertTrue(e.description.contains("; expected "), "round \(round): \(e)")
            }
        }
        // Most damage is caught (some lands in comments or keeps the meaning).
        XCTAssertGreaterThan(rejected, 200)
    }
}
