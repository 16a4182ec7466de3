import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

final class HPAPolicyTests: XCTestCase {
    private func hpa(_ spec: String, name: String = "web") -> (HPASpec?, [String]) {
        let text = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: \(name)
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}

            """ + spec
        let (policies, errors) = loadPolicies(text)
        if case .hpa(let h)? = policies.first?.kind { return (h, errors) }
        return (nil, errors)
    }

    func testShippedHPAFile() throws {
        let root = PackageFolders.root
        let path = root.appendingPathComponent("scenarios/policies/hpa.yaml").path
        let policies = try PolicyLoader.load(path: path, displayPath: "scenarios/policies/hpa.yaml")
        XCTAssertEqual(policies.count, 1)
        guard case .hpa(let h)? = policies.first?.kind else { return XCTFail("not an HPA") }
        XCTAssertEqual(h.name, "checkout-api")
        XCTAssertEqual(h.target, "deployment/checkout-api")
        XCTAssertEqual(h.minReplicas, 2)
        XCTAssertEqual(h.maxReplicas, 20)
        XCTAssertEqual(h.metrics, [.resource(.cpu, .utilization(60))])
        XCTAssertEqual(h.behavior?.scaleDown.stabilizationWindowSeconds, 300)
        XCTAssertEqual(h.behavior?.scaleDown.policies, [.init(kind: .percent, value: 10, periodSeconds: 60)])
        XCTAssertEqual(policies.first?.location?.line, 7)
    }

    func testBehaviorAbsentIsNilAndEmptyIsDefaults() {
        let (absent, e1) = hpa("  maxReplicas: 5\n")
        XCTAssertEqual(e1, [])
        XCTAssertNotNil(absent)
        XCTAssertNil(absent?.behavior)
        let (empty, e2) = hpa("  maxReplicas: 5\n  behavior: {}\n")
        XCTAssertEqual(e2, [])
        // HPA.md §7 defaults: up window 0, Max, [Pods 4/15 s, Percent 100/15 s]; down window nil, Max, [Percent 100/15 s].
        let up = HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: .max,
                                 policies: [.init(kind: .pods, value: 4, periodSeconds: 15), .init(kind: .percent, value: 100, periodSeconds: 15)])
        let down = HPAScalingRules(stabilizationWindowSeconds: nil, selectPolicy: .max,
                                   policies: [.init(kind: .percent, value: 100, periodSeconds: 15)])
        XCTAssertEqual(empty?.behavior, HPABehavior(scaleUp: up, scaleDown: down))
    }

    func testBehaviorFieldsReplaceDefaultsOneByOne() {
        let (h, errors) = hpa("""
              maxReplicas: 5
              behavior:
                scaleUp:
                  selectPolicy: Min
                scaleDown:
                  stabilizationWindowSeconds: 60
                  policies:
                    - {type: Pods, value: 1, periodSeconds: 30}
                  tolerance: "0.05"

            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(h?.behavior?.scaleUp.selectPolicy, .min)
        XCTAssertEqual(h?.behavior?.scaleUp.stabilizationWindowSeconds, 0, "kept from the default")
        XCTAssertEqual(h?.behavior?.scaleUp.policies.count, 2, "kept from the default")
        XCTAssertEqual(h?.behavior?.scaleDown.stabilizationWindowSeconds, 60)
        XCTAssertEqual(h?.behavior?.scaleDown.policies, [.init(kind: .pods, value: 1, periodSeconds: 30)], "the list is replaced whole")
        XCTAssertEqual(h?.behavior?.scaleDown.tolerance ?? -1, 0.05, accuracy: 1e-15)
    }

    func testDefaultsAndMetricTargets() {
        let (h, errors) = hpa("""
              maxReplicas: 10
              metrics:
                - type: Resource
                  resource: {name: memory, target: {type: AverageValue, averageValue: 512Mi}}
                - type: Pods
                  pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "0.1"}}
                - type: External
                  external: {metric: {name: queue_depth, selector: {matchLabels: {q: a}}}, target: {type: Value, value: 1.5}}
                - type: ContainerResource
                  containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 70}}

            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(h?.minReplicas, 1, "minReplicas defaults to 1")
        XCTAssertEqual(h?.metrics, [
            .resource(.memory, .averageValue(milli: 536_870_912_000)),
            .pods(series: "rps", .averageValue(milli: 100)),
            .external(series: "queue_depth", .value(milli: 1500)),
            .containerResource(.cpu, container: "app", .utilization(70)),
        ])
        let (noMetrics, _) = hpa("  maxReplicas: 3\n")
        XCTAssertEqual(noMetrics?.metrics, [.resource(.cpu, .utilization(80))], "no metrics: the API default, cpu at 80 %")
    }

    func testSeriesReferencesCarryTheirPlace() {
        let (policies, errors) = loadPolicies("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: a}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 4
              metrics:
                - type: Object
                  object:
                    describedObject: {apiVersion: v1, kind: Service, name: web}
                    metric: {name: requests}
                    target: {type: Value, value: 100}
            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.first?.seriesReferences,
                       [SeriesReference(name: "requests", location: SourceLocation(file: "p.yaml", line: 11, column: 24))])
    }

    func testAutoscalingV1() {
        func v1(_ lines: String) -> (HPASpec?, [String]) {
            let (policies, errors) = loadPolicies("apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\n"
                                                  + "metadata: {name: old}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n" + lines)
            guard case .hpa(let h)? = policies.first?.kind else { return (nil, errors) }
            return (h, errors)
        }
        let (h, errors) = v1("  minReplicas: 2\n  maxReplicas: 8\n  targetCPUUtilizationPercentage: 65\n")
        XCTAssertEqual(errors, [])
        XCTAssertEqual(h?.metrics, [.resource(.cpu, .utilization(65))])
        XCTAssertEqual(h?.minReplicas, 2)
        XCTAssertNil(h?.behavior)
        let (defaulted, none) = v1("  maxReplicas: 8\n")
        XCTAssertEqual(none, [])
        XCTAssertEqual(defaulted?.metrics, [.resource(.cpu, .utilization(80))], "v1 without a target: the same default as v2")
        let (zero, problems) = v1("  maxReplicas: 8\n  targetCPUUtilizationPercentage: 0\n")
        XCTAssertNil(zero)
        assertOneProblem(problems, "p.yaml:7:35: spec.targetCPUUtilizationPercentage: found 0")
    }

    func testMinAboveMaxNamesTheLine() {
        let (_, errors) = hpa("  minReplicas: 5\n  maxReplicas: 3\n")
        assertOneProblem(errors, "p.yaml:7:16:", "minReplicas 5 is greater than maxReplicas 3")
    }

    func testScaleToZeroNeedsObjectOrExternal() {
        let (_, errors) = hpa("  minReplicas: 0\n  maxReplicas: 3\n")
        assertOneProblem(errors, "p.yaml:7:16:", "0 without an Object or External metric")
        let (ok, none) = hpa("""
              minReplicas: 0
              maxReplicas: 3
              metrics:
                - {type: External, external: {metric: {name: q}, target: {type: AverageValue, averageValue: 10}}}

            """)
        XCTAssertEqual(none, [])
        XCTAssertEqual(ok?.minReplicas, 0)
    }

    func testBehaviorRanges() {
        let (_, errors) = hpa("""
              maxReplicas: 3
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 3601
                  policies: [{type: Percent, value: 0, periodSeconds: 1801}]
                  selectPolicy: Maximum

            """)
        // Columns counted by hand: line 11 is `      policies: [{type: Percent, value: 0, periodSeconds: 1801}]`.
        XCTAssertEqual(errors.count, 4, "\(errors)")
        XCTAssertTrue(errors[0].hasPrefix("p.yaml:10:35: spec.behavior.scaleDown.stabilizationWindowSeconds: found 3601"), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("p.yaml:11:41: spec.behavior.scaleDown.policies[0].value: found 0"), errors[1])
        XCTAssertTrue(errors[2].hasPrefix("p.yaml:11:59: spec.behavior.scaleDown.policies[0].periodSeconds: found 1801"), errors[2])
        XCTAssertTrue(errors[3].hasPrefix("p.yaml:12:21: spec.behavior.scaleDown.selectPolicy: found 'Maximum'"), errors[3])
        XCTAssertTrue(errors[3].contains("expected one of Max, Min, Disabled"), errors[3])
    }

    func testUnknownFieldSuggestsTheClosestName() {
        let (_, errors) = hpa("  maxReplicas: 3\n  metrcis: []\n")
        assertOneProblem(errors, "p.yaml:8:3: unknown field 'metrcis' (did you mean 'metrics'?)")
    }

    func testStatusAndMetadataFieldsAreAccepted() {
        let (policies, errors) = loadPolicies("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: a
              namespace: prod
              labels: {app: a}
              annotations: {note: "x"}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 4
            status:
              currentReplicas: 3
            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.count, 1)
    }

    func testTargetMismatchIsAWarning() {
        var workload = WorkloadSpec(cpuRequest: 1)
        workload.name = "Deployment/Other"
        let policies = [
            PolicySpec(name: "web", kind: .hpa(HPASpec(name: "web", target: "deployment/web", maxReplicas: 3, metrics: [], behavior: nil))),
            PolicySpec(name: "same", kind: .hpa(HPASpec(name: "same", target: "deployment/other", maxReplicas: 3, metrics: [], behavior: nil))),
            PolicySpec(name: "observed", kind: .observed),
        ]
        let scenario = Scenario(name: "s", file: "/s.yaml", trace: TraceSpec(source: .file("/t.csv")), workload: workload, policies: policies)
        XCTAssertEqual(policies.map(\.scaleTarget), ["deployment/web", "deployment/other", nil])
        XCTAssertEqual(policies.map { scenario.targetMismatchWarning(target: $0.scaleTarget) },
                       ["policy targets 'deployment/web' but the workload is 'Deployment/Other'", nil, nil],
                       "targets compare case-insensitively; the message shows both as written")
        var unnamed = scenario
        unnamed.workload.name = nil
        XCTAssertNil(unnamed.targetMismatchWarning(target: "deployment/web"), "no workload name, nothing to compare")
    }

    func testAPIServerRequirements() {
        let (_, noKind) = loadPolicies("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: a}
            spec:
              scaleTargetRef: {name: web}
              maxReplicas: 3
            """)
        assertOneProblem(noKind, "p.yaml:5:3: spec.scaleTargetRef without 'kind'")
        let (_, noObject) = hpa("""
              maxReplicas: 3
              metrics:
                - type: Object
                  object: {metric: {name: q}, target: {type: Value, value: 1}}

            """)
        assertOneProblem(noObject, "p.yaml:9:7: spec.metrics[0].object without 'describedObject'")
    }
}

/// Keys a document accepts and ignores are data (`YAMLIgnoredKeys`): accepted with any
/// value, suggested for a typo, and listed after the decoded keys.
final class IgnoredKeysTests: XCTestCase {
    func testIgnoredMetadataKeysAreAcceptedAndSuggested() {
        let head = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: a
              labels: {team: payments}
              managedFields: [{manager: kubectl}]

            """
        let ok = loadPolicies(head + "spec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 3\n")
        XCTAssertEqual(ok.errors, [])
        XCTAssertEqual(ok.policies.map(\.name), ["a"])
        let typo = loadPolicies(head.replacingOccurrences(of: "  labels:", with: "  lables:") + "spec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 3\n")
        XCTAssertEqual(typo.errors.count, 1, "\(typo.errors)")
        XCTAssertTrue(typo.errors.first?.hasPrefix("p.yaml:5:3: unknown field 'lables' (did you mean 'labels'?) at metadata.lables; expected one of name, namespace, annotations, labels") ?? false,
                      "\(typo.errors)")
    }
}
