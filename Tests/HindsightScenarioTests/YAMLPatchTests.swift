import XCTest
@testable import HindsightScenario

/// `YAMLPatch` changes the bytes of the chosen scalars and nothing else.
final class YAMLPatchTests: XCTestCase {
    /// An HPA as people write them: comments, flow mappings, both quoting styles, CRLF.
    static let original = [
        "# checkout HPA  (owned by team-payments)",
        "apiVersion: autoscaling/v2",
        "kind: HorizontalPodAutoscaler",
        "metadata: {name: checkout-api}   # flow style",
        "spec:",
        "  maxReplicas: 20",
        "  minReplicas: '2'      # quoted on purpose",
        "  metrics:",
        "    - type: Resource",
        "      resource:",
        "        name: cpu",
        "        target: {type: Utilization, averageUtilization: 60}",
        "  behavior:",
        "    scaleDown:",
        "      selectPolicy: \"Max\"",
        "      stabilizationWindowSeconds: 300 # five minutes",
        "",
    ].joined(separator: "\r\n")

    func patched(_ edits: [(String, YAMLPatch.Value)]) throws -> String {
        let bytes = Array(Self.original.utf8)
        let root = try XCTUnwrap(try YAMLDocument.parse(bytes: bytes, file: "hpa.yaml").first)
        let list = try edits.map { try YAMLPatch.edit(root, path: $0.0, to: $0.1, file: "hpa.yaml") }
        return String(decoding: YAMLPatch.apply(list, to: bytes), as: UTF8.self)
    }

    func testOnlyTheTunedBytesChange() throws {
        let out = try patched([
            ("spec.metrics[0].resource.target.averageUtilization", .number(45)),
            ("spec.behavior.scaleDown.stabilizationWindowSeconds", .number(120)),
        ])
        let expected = Self.original
            .replacingOccurrences(of: "averageUtilization: 60}", with: "averageUtilization: 45}")
            .replacingOccurrences(of: "stabilizationWindowSeconds: 300 #", with: "stabilizationWindowSeconds: 120 #")
        XCTAssertEqual(out, expected)
        XCTAssertEqual(out.components(separatedBy: "\r\n").count, Self.original.components(separatedBy: "\r\n").count)
        // The patched file still parses and holds the new values.
        let root = try XCTUnwrap(try YAMLDocument.parse(bytes: Array(out.utf8), file: "p.yaml").first)
        XCTAssertEqual(root.node(atPath: "spec.metrics[0].resource.target.averageUtilization")?.scalar?.text, "45")
    }

    func testQuotingStyleIsKept() throws {
        let out = try patched([("spec.minReplicas", .number(3)), ("spec.behavior.scaleDown.selectPolicy", .text("Min"))])
        XCTAssertTrue(out.contains("  minReplicas: '3'      # quoted on purpose\r\n"), out)
        XCTAssertTrue(out.contains("selectPolicy: \"Min\"\r\n"), out)
    }

    func testNumbersInShortestForm() throws {
        XCTAssertEqual(YAMLPatch.Value.number(60).description, "60")
        XCTAssertEqual(YAMLPatch.Value.number(0.25).description, "0.25")
        XCTAssertEqual(YAMLPatch.Value.number(-3).description, "-3")
        XCTAssertEqual(YAMLPatch.render(.text("it's"), style: .singleQuoted), "'it''s'")
        XCTAssertEqual(YAMLPatch.render(.text("a\"b\\c"), style: .doubleQuoted), "\"a\\\"b\\\\c\"")
    }

    func testBadPathsAndTypesAreErrorsWithAPlace() throws {
        let bytes = Array(Self.original.utf8)
        let root = try XCTUnwrap(try YAMLDocument.parse(bytes: bytes, file: "hpa.yaml").first)
        XCTAssertThrowsError(try YAMLPatch.edit(root, path: "spec.metrics[3].resource", to: .number(1), file: "hpa.yaml")) {
            XCTAssertTrue("\($0)".contains("spec.metrics[3].resource: no such field in hpa.yaml"), "\($0)")
        }
        XCTAssertThrowsError(try YAMLPatch.edit(root, path: "spec.metrics", to: .number(1), file: "hpa.yaml")) {
            XCTAssertTrue("\($0)".hasPrefix("hpa.yaml:9:5: spec.metrics: found a list"), "\($0)")
        }
        XCTAssertThrowsError(try YAMLPatch.edit(root, path: "spec.metrics[0].resource.name", to: .number(1), file: "hpa.yaml")) {
            XCTAssertTrue("\($0)".hasPrefix("hpa.yaml:11:15:") && "\($0)".contains("a string"), "\($0)")
        }
        XCTAssertThrowsError(try YAMLPatch.edit(root, path: "spec.maxReplicas", to: .text("lots"), file: "hpa.yaml")) {
            XCTAssertTrue("\($0)".hasPrefix("hpa.yaml:6:16:") && "\($0)".contains("a number"), "\($0)")
        }
    }
}
