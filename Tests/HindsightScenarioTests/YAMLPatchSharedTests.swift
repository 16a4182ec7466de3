import XCTest
@testable import HindsightScenario

/// `YAMLPatch` never edits bytes that stand for more than one place: an anchored scalar
/// (its source range begins with `&name`), anything inside an anchored list or mapping
/// (aliases and `<<` merges read the same bytes), or a tagged scalar (`!!str 60`).
final class YAMLPatchSharedTests: XCTestCase {
    static let text = """
        defaults: &window
          stabilizationWindowSeconds: 300
          selectPolicy: Max
        target: &pct 60
        spec:
          scaleDown:
            <<: *window
          again: *pct
          tagged: !!str 70
          plain: 80

        """

    func edit(_ path: String) throws -> YAMLPatch.Edit {
        let root = try XCTUnwrap(try YAMLDocument.parse(bytes: Array(Self.text.utf8), file: "p.yaml").first)
        return try YAMLPatch.edit(root, path: path, to: .number(45), file: "p.yaml")
    }

    func testSharedAndTaggedScalarsAreRefusedAtTheirPlace() throws {
        // line:column of the node each path reaches (an alias reaches the anchored node).
        let refused = [("target", "4:9"), ("spec.again", "4:9"), ("defaults.stabilizationWindowSeconds", "2:31"),
                       ("spec.scaleDown.stabilizationWindowSeconds", "2:31"), ("spec.tagged", "9:11")]
        for (path, place) in refused {
            XCTAssertThrowsError(try edit(path), path) {
                XCTAssertTrue("\($0)".hasPrefix("p.yaml:\(place): \(path): the value is written under a YAML anchor (&) or tag (!)"), "\($0)")
                XCTAssertTrue("\($0)".contains("a scalar written once, without anchor, alias or tag"), "\($0)")
            }
        }
        // A scalar written once is still edited, bytes and all.
        let e = try edit("spec.plain")
        let out = String(decoding: YAMLPatch.apply([e], to: Array(Self.text.utf8)), as: UTF8.self)
        XCTAssertEqual(out, Self.text.replacingOccurrences(of: "plain: 80", with: "plain: 45"))
    }

    /// The input libFuzzer found (fuzz-yamlpatch): the scalar's range began at its anchor, so
    /// replacing it dropped `&ce` and the alias on the next line named nothing. Now refused.
    func testFuzzFindingAnchoredScalar() throws {
        let bytes: [UInt8] = Array("a-piVersion:ype: &ce te.com/v0alpha1\nkindorkl- type: *ce".utf8)
        let root = try XCTUnwrap(try YAMLDocument.parse(bytes: bytes, file: "f.yaml").first)
        XCTAssertEqual(root["kindorkl- type"]?.scalar?.text, "te.com/v0alpha1")
        XCTAssertThrowsError(try YAMLPatch.edit(root, path: "a-piVersion:ype", to: .text("v5"), file: "f.yaml")) {
            XCTAssertTrue("\($0)".hasPrefix("f.yaml:1:18: a-piVersion:ype: the value is written under a YAML anchor"), "\($0)")
        }
    }
}
