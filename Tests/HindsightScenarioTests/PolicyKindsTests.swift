import XCTest
import HindsightTrace
@testable import HindsightScenario

/// A policy kind the tests register: a fixed number of replicas from `spec.replicas`.
struct ToyPolicySpec: PolicyKindSpec {
    static let kindName = "Toy"
    var replicas: Int
    var scaleTarget: String? { "deployment/toy" }
    var detail: String { "\(replicas) replicas" }
}

/// The registry: lists in messages and help derive from it, and a registered kind loads.
final class PolicyKindsTests: XCTestCase {
    static let toy = PolicyDocumentKind(kind: ToyPolicySpec.kindName, apiVersions: ["toy.example/v1"]) { root, _, context in
        guard let name = root["metadata"]?["name"]?.scalar?.text,
              let replicas = root["spec"]?["replicas"]?.scalar.flatMap({ Int($0.text) }) else {
            context.record(at: root.location, "Toy without metadata.name or spec.replicas", expected: "both")
            return nil
        }
        return PolicySpec(name: name, kind: .registered(ToyPolicySpec(replicas: replicas)), location: root.location)
    }

    func testListsDeriveFromTheRegistrations() {
        XCTAssertEqual(PolicyKinds.names, ["HorizontalPodAutoscaler", "ScaledObject", "AIOptimizationPolicy"])
        XCTAssertEqual(PolicyKinds.namesText, "HorizontalPodAutoscaler, ScaledObject or AIOptimizationPolicy")
        XCTAssertEqual(PolicyKinds.namesWithVersionsText,
                       "HorizontalPodAutoscaler (autoscaling/v2, autoscaling/v2beta2, autoscaling/v2beta1 or autoscaling/v1), "
                       + "ScaledObject (keda.sh/v1alpha1) or AIOptimizationPolicy (gitops.example.com/v1alpha1)")
        XCTAssertEqual(PolicyKinds.alternatives([]), "")
        XCTAssertEqual(PolicyKinds.alternatives(["a"]), "a")
        XCTAssertEqual(PolicyKinds.alternatives(["a", "b"]), "a or b")
    }

    private func load(_ text: String) -> (PolicySpec?, [String]) {
        let parsed = YAMLDocument.parseCollecting(bytes: Array(text.utf8), file: "p.yaml")
        let context = YAMLDecodingContext()
        guard let root = parsed.documents.first else { return (nil, ["no document"]) }
        let policy = PolicyLoader.policy(from: root, context: context, kinds: PolicyKinds.documents + [Self.toy])
        return (policy, ScenarioError.ordered(context.errors).map(\.description))
    }

    func testARegisteredKindLoadsWithoutAnyOtherChange() throws {
        let (policy, errors) = load("""
            apiVersion: toy.example/v1
            kind: Toy
            metadata: {name: little}
            spec: {replicas: 3}
            """)
        XCTAssertEqual(errors, [])
        let p = try XCTUnwrap(policy)
        XCTAssertEqual(p.name, "little")
        XCTAssertEqual(p.kindLabel, "Toy")
        XCTAssertEqual(p.scaleTarget, "deployment/toy")
        guard case .registered(let spec) = p.kind, let toy = spec as? ToyPolicySpec else { return XCTFail("not a Toy") }
        XCTAssertEqual(toy.replicas, 3)
    }

    func testMessagesNameTheRegisteredKinds() {
        let (_, unknown) = load("apiVersion: v1\nkind: Deployment\n")
        XCTAssertEqual(unknown, ["p.yaml:2:7: unsupported kind 'Deployment'; expected kind: HorizontalPodAutoscaler, ScaledObject, AIOptimizationPolicy, Toy"])
        let (_, version) = load("apiVersion: toy.example/v2\nkind: Toy\n")
        XCTAssertEqual(version, ["p.yaml:1:13: apiVersion 'toy.example/v2' for kind Toy; expected apiVersion: toy.example/v1"])
    }
}
