import HindsightTestSupport
import XCTest
@testable import HindsightScenario

/// Issue 13, items 1–5, one rule per test, on small documents written here.
final class RealManifestReadingTests: XCTestCase {
    static let hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 5
        """

    // MARK: 1. Multi-document files

    func testOtherKindsAreSkippedWithANoteNamingThem() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\n" + Self.hpa
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.map(\.name), ["web"])
        XCTAssertEqual(policies.first?.notes.count, 1)
        XCTAssertTrue(policies.first?.notes.first?.hasPrefix("p.yaml:1:1: skipped Deployment 'web' (apps/v1): not a policy") ?? false,
                      "\(policies.first?.notes ?? [])")
    }

    func testAFileWithNoPolicyLeftIsRefused() {
        let (_, errors) = loadPolicies("kind: Service\nmetadata: {name: a}\n---\nkind: ConfigMap\nmetadata: {name: b}\n")
        assertOneProblem(errors, "p.yaml:1:1: no policy in the file (skipped: Service 'a' (line 1), ConfigMap 'b' (line 4))")
    }

    func testAMisspelledPolicyKindStaysAnError() {
        let (_, errors) = loadPolicies(Self.hpa.replacingOccurrences(of: "kind: HorizontalPodAutoscaler", with: "kind: HorizontalPodAutoscalr"))
        assertOneProblem(errors, "p.yaml:2:7: unsupported kind 'HorizontalPodAutoscalr' (did you mean 'HorizontalPodAutoscaler'?)")
    }

    func testScaledJobIsRefusedWithAReason() {
        let (_, errors) = loadPolicies("apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nmetadata: {name: j}\n")
        assertOneProblem(errors, "p.yaml:2:7: kind ScaledJob:", "Job")
    }

    // MARK: 2. kubectl get -o yaml

    func testServerSetMetadataAndStatusAreAccepted() {
        let text = Self.hpa.replacingOccurrences(of: "metadata: {name: web}", with: """
            metadata:
              name: web
              selfLink: /apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web
              uid: 5facf481
              resourceVersion: "1"
              generation: 2
              creationTimestamp: "2021-04-05T19:53:29Z"
              managedFields: [{manager: kubectl}]
            """) + "\nstatus: {currentReplicas: 2, desiredReplicas: 2}\n"
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.count, 1)
    }

    /// An autoscaling/v1 HPA whose metrics annotation holds `json` (written single-quoted).
    static func v1HPA(annotation json: String) -> String {
        """
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata:
          name: cart
          annotations:
            autoscaling.alpha.kubernetes.io/metrics: '\(json)'
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: cart}
          maxReplicas: 10
        """
    }

    func testAV1ObjectKeepsTheMetricsOfItsAnnotation() {
        let (policies, errors) = loadPolicies(Self.v1HPA(annotation: #"[{"type":"Resource","resource":{"name":"memory","targetAverageUtilization":60}},{"type":"External","external":{"metricName":"queue","targetAverageValue":"30"}}]"#))
        XCTAssertEqual(errors, [])
        guard case .hpa(let h)? = policies.first?.kind else { return XCTFail("no HPA") }
        // Not the CPU 80 % default: memory 60 % and the External metric, 30 = 30000 milli.
        XCTAssertEqual(h.metrics, [.resource(.memory, .utilization(60)), .external(series: "queue", .averageValue(milli: 30_000))])
        XCTAssertEqual(policies.first?.seriesReferences.map(\.name), ["queue"])
    }

    func testABrokenAnnotationIsRefusedAtItsPlace() {
        assertOneProblem(loadPolicies(Self.v1HPA(annotation: #"[{"type":"Resource""#)).errors,
                         "p.yaml:6:46: metadata.annotations[autoscaling.alpha.kubernetes.io/metrics] is not a JSON list")
    }

    func testV2Beta1MetricsConvert() {
        let text = """
            apiVersion: autoscaling/v2beta1
            kind: HorizontalPodAutoscaler
            metadata: {name: w}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: w}
              maxReplicas: 4
              metrics:
                - type: Resource
                  resource: {name: cpu, targetAverageUtilization: 70}
                - type: Pods
                  pods: {metricName: inflight, targetAverageValue: 500m}
            """
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        guard case .hpa(let h)? = policies.first?.kind else { return XCTFail("no HPA") }
        XCTAssertEqual(h.metrics, [.resource(.cpu, .utilization(70)), .pods(series: "inflight", .averageValue(milli: 500))])
    }

    func testAKubectlListIsReadItemByItem() {
        let text = """
            apiVersion: v1
            kind: List
            metadata: {resourceVersion: ""}
            items:
              - apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: a, uid: "1", resourceVersion: "7"}
                spec: {scaleTargetRef: {kind: Deployment, name: a}, maxReplicas: 3}
                status: {currentReplicas: 1, desiredReplicas: 1}
              - apiVersion: v1
                kind: Service
                metadata: {name: a}
              - apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: b}
                spec: {scaleTargetRef: {kind: Deployment, name: b}, maxReplicas: 4}
            """
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.map(\.name), ["a", "b"])
        XCTAssertTrue(policies.first?.notes.first?.hasPrefix("p.yaml:10:5: skipped Service 'a' (v1)") ?? false, "\(policies.first?.notes ?? [])")
        assertOneProblem(loadPolicies("apiVersion: v1\nkind: List\nitems: []\n").errors, "p.yaml:1:1: no policy in the file; expected")
    }

    // MARK: 3. KEDA as strict as KEDA

    static func scaledObject(_ spec: String, triggers: String) -> String {
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: so}
        spec:
          scaleTargetRef: {name: w}
        \(spec)
          triggers:
        \(triggers)
        """
    }

    func testPrometheusParametersAreAcceptedAndUnknownKeysAreNotes() {
        let text = Self.scaledObject("", triggers: """
                - type: prometheus
                  metadata:
                    serverAddress: https://aps
                    awsRegion: eu-west-1
                    identityOwner: operator
                    ignoreNullValues: "false"
                    queryParameters: a=b
                    authModes: bearer
                    metricname: typo
                    query: |
                      sum(rate(x[1m]))
                    threshold: "5"
            """)
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.first?.seriesReferences.map(\.name), ["sum(rate(x[1m]))"], "the query is trimmed")
        XCTAssertEqual(policies.first?.notes.count, 1)
        XCTAssertTrue(policies.first?.notes.first?.contains("unknown field 'metricname'") ?? false)
    }

    func testIdleReplicaCountIsComparedWithTheHPAMinimum() {
        let trigger = "    - type: cron\n      metadata: {timezone: UTC, start: 0 8 * * *, end: 0 9 * * *, desiredReplicas: \"2\"}"
        // min 0 given: the HPA minimum is 1, so idle 0 is below it (KEDA accepts it).
        XCTAssertEqual(loadPolicies(Self.scaledObject("  minReplicaCount: 0\n  idleReplicaCount: 0", triggers: trigger)).errors, [])
        // No minReplicaCount: KEDA compares with 0, and refuses idle 0.
        assertOneProblem(loadPolicies(Self.scaledObject("  idleReplicaCount: 0", triggers: trigger)).errors,
                         "p.yaml:6:21: spec.idleReplicaCount 0 is not below the HPA minimum 0")
        // idle 2 with min 2: refused.
        assertOneProblem(loadPolicies(Self.scaledObject("  minReplicaCount: 2\n  idleReplicaCount: 2", triggers: trigger)).errors,
                         "p.yaml:7:21: spec.idleReplicaCount 2 is not below the HPA minimum 2")
    }

    /// Meaning hindsight approximates is said, not dropped: a fallback behavior other than
    /// static, a cpu trigger's containerName.
    func testApproximationsAreNotes() {
        let text = Self.scaledObject("  fallback: {failureThreshold: 3, replicas: 2, behavior: currentReplicas}", triggers: """
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60", containerName: app}
            """)
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        let notes = policies.first?.notes ?? []
        XCTAssertEqual(notes.count, 2, "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasPrefix("p.yaml:6:13: spec.fallback.behavior currentReplicas is simulated as static") }, "\(notes)")
        XCTAssertTrue(notes.contains { $0.contains("containerName 'app': read as the whole pod's cpu") }, "\(notes)")
    }

    // MARK: 5. Scalers beyond cpu/memory/prometheus/cron

    func testTableScalersBindByNameOrTypeAndIdentity() {
        let text = Self.scaledObject("", triggers: """
                - type: rabbitmq
                  metadata: {queueName: orders, mode: QueueLength, value: "25", activationValue: "3"}
                - type: kafka
                  name: lag
                  metadata: {topic: events}
                - type: aws-sqs-queue
                  metadata: {queueURL: q1, queueLength: "7"}
            """)
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        guard case .scaledObject(let so)? = policies.first?.kind else { return XCTFail("no ScaledObject") }
        XCTAssertEqual(so.triggers.map(\.kind), [
            .prometheus(series: "rabbitmq/orders", threshold: 25, activationThreshold: 3),
            .prometheus(series: "lag", threshold: 10, activationThreshold: 0),        // KEDA's default lagThreshold
            .prometheus(series: "aws-sqs-queue/q1", threshold: 7, activationThreshold: 0),
        ])
        XCTAssertEqual(so.triggers.map(\.scaler), ["rabbitmq", "kafka", "aws-sqs-queue"])
        XCTAssertEqual(policies.first?.seriesReferences.map(\.alternative), [nil, "kafka/events", nil])
    }

    func testAScalerWithoutADefaultNeedsItsTarget() {
        let text = Self.scaledObject("", triggers: "    - type: aws-cloudwatch\n      metadata: {namespace: AWS/SQS}")
        assertOneProblem(loadPolicies(text).errors, "p.yaml:9:17: spec.triggers[0].metadata without 'targetMetricValue'")
    }

    func testAnUnknownScalerTypeIsRefusedWithTheList() {
        let text = Self.scaledObject("", triggers: "    - type: rabitmq\n      metadata: {queueName: q}")
        assertOneProblem(loadPolicies(text).errors, "p.yaml:8:13: spec.triggers[0].type: found 'rabitmq'", "did you mean 'rabbitmq'")
    }

    // MARK: 4. scalingModifiers

    func testScalingModifiersAreRead() {
        let text = Self.scaledObject("""
              advanced:
                scalingModifiers: {formula: "a + b", target: "4", activationTarget: "2", metricType: Value}
            """, triggers: """
                - type: kafka
                  name: a
                  metadata: {topic: t}
                - type: rabbitmq
                  name: b
                  metadata: {queueName: q}
            """)
        let (policies, errors) = loadPolicies(text)
        XCTAssertEqual(errors, [])
        guard case .scaledObject(let so)? = policies.first?.kind, let m = so.scalingModifiers else { return XCTFail("no modifiers") }
        XCTAssertEqual(m.target, 4)
        XCTAssertEqual(m.activationTarget, 2)
        XCTAssertEqual(m.metricType, .value)
        XCTAssertEqual(try m.formula.value(["a": 1.5, "b": 2]), 3.5)
    }
}
