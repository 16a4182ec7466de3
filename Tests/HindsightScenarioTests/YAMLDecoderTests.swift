import XCTest
import HindsightTrace
@testable import HindsightScenario

/// The Decoder over the node tree, on plain `Decodable` structs.
final class YAMLDecoderTests: XCTestCase {
    struct Port: Decodable, Equatable {
        var name: String
        var number: Int32
    }
    struct Service: Decodable, Equatable {
        var name: String
        var replicas: Int?
        var weight: Double?
        var enabled: Bool?
        var ports: [Port]?
        var labels: [String: String]?
    }

    private func node(_ text: String) throws -> YAMLNode {
        try XCTUnwrap(YAMLDocument.parse(bytes: Array(text.utf8), file: "d.yaml").first)
    }

    func testDecodesPlainStructs() throws {
        let s = try YAMLDecoder.decode(Service.self, from: node("""
            name: web
            replicas: 3
            weight: 0.5
            enabled: true
            ports: [{name: http, number: 80}, {name: https, number: 443}]
            labels: {app: web, "tier": front}
            """))
        XCTAssertEqual(s, Service(name: "web", replicas: 3, weight: 0.5, enabled: true,
                                  ports: [Port(name: "http", number: 80), Port(name: "https", number: 443)],
                                  labels: ["app": "web", "tier": "front"]))
    }

    func testNullAndAbsentOptionalsAreNil() throws {
        let s = try YAMLDecoder.decode(Service.self, from: node("name: a\nreplicas: ~\nweight:\n"))
        XCTAssertEqual(s, Service(name: "a"))
    }

    func testEveryProblemIsReportedInOnePass() throws {
        let errors = inputErrorMessages {
            _ = try YAMLDecoder.decode(Service.self, from: node("""
                name: web
                replicas: many
                weight: .inf
                enabled: yes
                ports:
                  - {name: a, number: 99999999999}
                  - {name: b, numbr: 2}
                labls: {}
                """))
        }
        // `numbr` is not reported: a type whose decoding failed is not checked for unknown keys
        // (the keys it would have asked for after the failure are not known).
        XCTAssertEqual(errors, [
            "d.yaml:2:11: replicas: found 'many'; expected a whole number from \(Int.min) to \(Int.max)",
            "d.yaml:3:9: weight: found '.inf'; expected a finite number (not NaN or infinity)",
            "d.yaml:4:10: enabled: found 'yes'; expected true or false",
            "d.yaml:6:23: ports[0].number: found 99999999999, out of range; expected a whole number from -2147483648 to 2147483647",
            "d.yaml:7:5: ports[1]: missing field 'number'; expected a value for 'ports[1].number'",
            "d.yaml:8:1: unknown field 'labls' (did you mean 'labels'?) at labls; expected one of name, replicas, weight, enabled, ports, labels",
        ])
    }

    func testMissingRequiredFieldAndWrongShape() throws {
        XCTAssertEqual(inputErrorMessages { _ = try YAMLDecoder.decode(Service.self, from: node("replicas: 1\n")) },
                       ["d.yaml:1:1: missing field 'name'; expected a value for 'name'"])
        XCTAssertEqual(inputErrorMessages { _ = try YAMLDecoder.decode(Service.self, from: node("- 1\n")) },
                       ["d.yaml:1:1: found a list; expected a mapping (key: value lines)"])
        XCTAssertEqual(inputErrorMessages { _ = try YAMLDecoder.decode(Service.self, from: node("name: [a]\n")) },
                       ["d.yaml:1:7: name: found a list; expected a text value"])
    }

    func testNodePathsFindScalarsAndTheirBytes() throws {
        let text = "spec:\n  metrics:\n    - resource:\n        target: {averageUtilization: 60}\n"
        let root = try node(text)
        let n = try XCTUnwrap(root.node(atPath: "spec.metrics[0].resource.target.averageUtilization"))
        XCTAssertEqual(n.scalar?.text, "60")
        XCTAssertEqual(n.location.line, 4)
        let range = try XCTUnwrap(n.scalar?.byteRange)
        XCTAssertEqual(String(decoding: Array(text.utf8)[range], as: UTF8.self), "60")
        XCTAssertNil(root.node(atPath: "spec.metrics[1]"))
        XCTAssertNil(root.node(atPath: "spec.metrics[x]"))
        XCTAssertNil(root.node(atPath: "spec.nothing"))
    }
}
