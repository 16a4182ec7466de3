import HindsightScenario
import HindsightTestSupport
import XCTest

/// Kyverno `validate.pattern` semantics of the documented subset, case by case, with the
/// expected outcome worked out from Kyverno's documentation (operators, wildcards,
/// alternatives, anchors, lists).
final class KyvernoPatternTests: XCTestCase {
    func node(_ text: String) throws -> YAMLNode {
        try XCTUnwrap(YAMLDocument.parse(bytes: Array(text.utf8), file: "t.yaml").first)
    }

    func failures(_ pattern: String, _ resource: String) throws -> [PatternFailure] {
        KyvernoPattern.failures(pattern: try node(pattern), resource: try node(resource))
    }

    func testScalarOperators() {
        func m(_ p: String, _ v: String?, plain: Bool = false) -> Bool {
            KyvernoScalarPattern.matches(pattern: p, patternIsPlainScalar: plain, value: v)
        }
        XCTAssertTrue(m(">=2", "2")); XCTAssertFalse(m(">=2", "1"))
        XCTAssertTrue(m("<=50", "50")); XCTAssertFalse(m("<=50", "51"))
        XCTAssertTrue(m(">1", "1.5")); XCTAssertFalse(m(">1", "1"))
        XCTAssertTrue(m("<1", "0.5")); XCTAssertFalse(m("<1", "1"))
        // Quantities and durations compare by value: 1536Mi = 1.5Gi > 1Gi; 90s > 1m.
        XCTAssertTrue(m(">1Gi", "1536Mi")); XCTAssertFalse(m(">1Gi", "1024Mi"))
        XCTAssertTrue(m("<=500m", "0.5")); XCTAssertTrue(m(">1m", "90s"))
        // A comparison needs a number on both sides; a missing value never satisfies it.
        XCTAssertFalse(m(">=2", "two")); XCTAssertFalse(m(">=2", nil))
        // Alternatives and conjunctions.
        XCTAssertTrue(m("cpu | memory", "memory")); XCTAssertFalse(m("cpu | memory", "gpu"))
        XCTAssertTrue(m(">=40 & <=85", "60")); XCTAssertFalse(m(">=40 & <=85", "90"))
        // Negation, wildcards, presence.
        XCTAssertTrue(m("!latest", "v1")); XCTAssertFalse(m("!latest", "latest"))
        XCTAssertTrue(m("!*-dev", "shop")); XCTAssertFalse(m("!*-dev", "shop-dev"))
        XCTAssertTrue(m("prod-*", "prod-eu")); XCTAssertFalse(m("prod-*", "staging"))
        XCTAssertTrue(m("v?", "v2")); XCTAssertFalse(m("v?", "v10"))
        XCTAssertTrue(m("*", "anything")); XCTAssertFalse(m("*", nil))
        // A plain number or boolean pattern is an equality on the value.
        XCTAssertTrue(m("2", "2.0", plain: true)); XCTAssertFalse(m("2", "3", plain: true))
        XCTAssertTrue(m("true", "true", plain: true)); XCTAssertFalse(m("true", "false", plain: true))
    }

    func testWildcardEdges() {
        XCTAssertTrue(KyvernoScalarPattern.wildcard("", ""))
        XCTAssertTrue(KyvernoScalarPattern.wildcard("*", ""))
        XCTAssertTrue(KyvernoScalarPattern.wildcard("a*b*c", "aXXbYc"))
        XCTAssertFalse(KyvernoScalarPattern.wildcard("a*b*c", "aXXbY"))
        XCTAssertTrue(KyvernoScalarPattern.wildcard("**a", "a"))
    }

    func testPlainKeysMustExistAndMatchAtTheFieldsLine() throws {
        let resource = "spec:\n  minReplicas: 1\n  maxReplicas: 10\n"
        let f = try failures("spec:\n  minReplicas: \">=2\"\n  maxReplicas: \"<=50\"\n", resource)
        XCTAssertEqual(f.count, 1)
        XCTAssertEqual(f.first?.location.line, 2)
        XCTAssertEqual(f.first?.location.column, 16)
        XCTAssertTrue(f.first?.message.contains("spec.minReplicas") ?? false)
        // A required key that is absent is reported at the mapping that lacks it.
        let missing = try failures("spec:\n  behavior: {}\n", resource)
        XCTAssertEqual(missing.count, 1)
        XCTAssertEqual(missing.first?.location.line, 2)
        XCTAssertTrue(missing.first?.message.contains("lacks 'behavior'") ?? false)
    }

    func testEqualityAnchorChecksOnlyWhenPresent() throws {
        let pattern = "spec:\n  =(behavior):\n    =(scaleDown):\n      =(stabilizationWindowSeconds): \">=60\"\n"
        XCTAssertTrue(try failures(pattern, "spec:\n  minReplicas: 1\n").isEmpty)
        XCTAssertTrue(try failures(pattern, "spec:\n  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 300\n").isEmpty)
        let bad = try failures(pattern, "spec:\n  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 30\n")
        XCTAssertEqual(bad.map(\.location.line), [4])
    }

    func testConditionalAnchorSkipsItemsThatDoNotMeetTheCondition() throws {
        let pattern = """
            spec:
              metrics:
                - (type): Resource
                  resource:
                    (name): cpu
                    target:
                      averageUtilization: "<=85"
            """
        let resource = """
            spec:
              metrics:
                - type: Pods
                  pods: {metric: {name: rps}, target: {averageValue: "999"}}
                - type: Resource
                  resource: {name: memory, target: {averageUtilization: 95}}
                - type: Resource
                  resource: {name: cpu, target: {averageUtilization: 95}}
            """
        // Only the third item is a CPU resource metric: one failure, on line 8.
        let f = try failures(pattern, resource)
        XCTAssertEqual(f.map(\.location.line), [8])
        XCTAssertTrue(f.first?.message.contains("spec.metrics[2].resource.target.averageUtilization") ?? false)
        // The spelling ?(key) is the same anchor.
        let alias = pattern.replacingOccurrences(of: "(type)", with: "?(type)").replacingOccurrences(of: "(name)", with: "?(name)")
        XCTAssertEqual(try failures(alias, resource).map(\.location.line), [8])
    }

    func testNegationAnchor() throws {
        let pattern = "metadata:\n  =(annotations):\n    X(autoscaling.keda.sh/paused-replicas): \"null\"\n"
        XCTAssertTrue(try failures(pattern, "metadata:\n  name: a\n").isEmpty)
        let bad = try failures(pattern, "metadata:\n  annotations:\n    autoscaling.keda.sh/paused-replicas: \"0\"\n")
        XCTAssertEqual(bad.map(\.location.line), [3])
    }

    func testShapeMismatches() throws {
        XCTAssertEqual(try failures("spec:\n  metrics:\n    - type: Resource\n", "spec:\n  metrics: none\n").count, 1)
        XCTAssertEqual(try failures("spec:\n  a: 1\n", "spec: [1]\n").count, 1)
    }

    func testUnsupportedConstructsAreFound() throws {
        XCTAssertEqual(KyvernoPattern.unsupported(try node("spec:\n  ^(a): 1\n")).count, 1)
        XCTAssertEqual(KyvernoPattern.unsupported(try node("spec:\n  a: \"{{ request.object.x }}\"\n")).count, 1)
        XCTAssertEqual(KyvernoPattern.unsupported(try node("spec:\n  l: [1, 2]\n")).count, 1)
        XCTAssertTrue(KyvernoPattern.unsupported(try node("spec:\n  (a): 1\n  =(b): 2\n  X(c): null\n")).isEmpty)
    }

    func testResourceFilter() {
        var d = ResourceFilter.Description()
        d.kinds = ["autoscaling/v2/HorizontalPodAutoscaler"]
        d.namespaces = ["prod*"]
        var f = ResourceFilter()
        f.any = [d]
        XCTAssertTrue(f.matches(kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v2", namespace: "production", name: "a"))
        XCTAssertFalse(f.matches(kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v1", namespace: "production", name: "a"))
        XCTAssertFalse(f.matches(kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v2", namespace: "staging", name: "a"))
        XCTAssertFalse(f.matches(kind: "ScaledObject", apiVersion: "keda.sh/v1alpha1", namespace: "production", name: "a"))
        var all = ResourceFilter()
        var k = ResourceFilter.Description(); k.kinds = ["*"]
        var n = ResourceFilter.Description(); n.names = ["web-*"]
        all.all = [k, n]
        XCTAssertTrue(all.matches(kind: "X", apiVersion: "v1", namespace: "default", name: "web-1"))
        XCTAssertFalse(all.matches(kind: "X", apiVersion: "v1", namespace: "default", name: "api"))
    }
}
