import HindsightTestSupport
import XCTest
@testable import HindsightScenario

final class OtherPolicyTests: XCTestCase {
    private var packageRoot: URL { PackageFolders.root }

    private func checkSeed(_ path: String) throws {
        let policies = try PolicyLoader.load(path: path, displayPath: "seed.yaml")
        XCTAssertEqual(policies.count, 1)
        guard case .aiOptimization(let a)? = policies.first?.kind else { return XCTFail("not an AIOptimizationPolicy") }
        XCTAssertEqual(policies.first?.name, "smart-resource-scaling")
        XCTAssertEqual(a.targetWorkload, "deployment/my-api-service")
        XCTAssertEqual(a.goals, [
            .init(type: .costEfficiency, metric: .cpuUtilizationAvg, threshold: 60, window: .hours(1)),
            .init(type: .performance, metric: .latencyP99, threshold: 0.2, window: .minutes(1)),
        ])
        XCTAssertEqual(a.agentName, "predictive-scaler-bot")
        XCTAssertEqual(a.model, .hosted("openai-gpt-4o"))
        XCTAssertEqual(a.modelRef, "openai-gpt-4o")
        XCTAssertEqual(a.actions, [
            .init(direction: .down, ifCondition: .costEfficiency, step: .replicas(1), cooldown: .minutes(5)),
            .init(direction: .up, ifCondition: .performance, step: .replicas(1), cooldown: .minutes(1)),
        ])
        XCTAssertFalse(a.dryRun)
        XCTAssertEqual(a.minReplicas, 1)
        XCTAssertEqual(a.maxReplicas, 100)
        XCTAssertEqual(a.evaluationInterval, .minutes(1))
        XCTAssertNil(a.horizon)
    }

    func testSeedPolicyLoadsUnchanged() throws {
        try checkSeed(packageRoot.appendingPathComponent("scenarios/policies/ai-optimization.yaml").path)
        let shared = try PackageFolders.shared("design/seed-policy.yaml")
        try checkSeed(shared)
        XCTAssertEqual(FileManager.default.contents(atPath: shared),
                       FileManager.default.contents(atPath: packageRoot.appendingPathComponent("scenarios/policies/ai-optimization.yaml").path))
    }

    func testAIOptimizationExtensions() {
        let (policies, errors) = loadPolicies("""
            apiVersion: gitops.example.com/v1alpha1
            kind: AIOptimizationPolicy
            metadata: {name: ext}
            spec:
              optimizationGoals:
                - {type: costEfficiency, metric: cpu_utilization_avg, threshold: 45, window: 30m}
                - {type: carbonEfficiency, metric: carbon_intensity, threshold: 400}
              aiAgent: {name: bot, modelRef: "exec:python3  agent.py --fast"}
              actions:
                - {type: scaleReplicas, direction: down, ifCondition: carbonEfficiency, step: "25%", cooldown: 10m}
              minReplicas: 2
              maxReplicas: 12
              evaluationInterval: 30s
              horizon: 2m
              dryRun: true
            """)
        XCTAssertEqual(errors, [])
        guard case .aiOptimization(let a)? = policies.first?.kind else { return XCTFail("no policy") }
        XCTAssertEqual(a.goals[0].window, .minutes(30))
        XCTAssertEqual(a.goals[1], .init(type: .carbonEfficiency, metric: .carbonIntensity, threshold: 400, window: .seconds(30)))
        XCTAssertEqual(a.model, .exec(["python3", "agent.py", "--fast"]))
        XCTAssertEqual(a.actions, [.init(direction: .down, ifCondition: .carbonEfficiency, step: .percent(25), cooldown: .minutes(10))])
        XCTAssertEqual([a.minReplicas, a.maxReplicas], [2, 12])
        XCTAssertEqual(a.evaluationInterval, .seconds(30))
        XCTAssertEqual(a.horizon, .minutes(2))
        XCTAssertTrue(a.dryRun)
    }

    func testForecastModels() {
        let context = YAMLDecodingContext()
        let at = SourceLocation(file: "f", line: 1, column: 1)
        let cases: [(String, AIOptimizationSpec.Model)] = [("none", .none), ("ewma", .ewma), ("linear", .linear),
                                                            ("holt-winters", .holtWinters), ("seasonal-naive", .seasonalNaive)]
        for (text, model) in cases {
            XCTAssertEqual(PolicyConversion.parseModel(Located(value: text, location: at), context: context), model)
        }
        XCTAssertNil(PolicyConversion.parseModel(Located(value: "exec:", location: at), context: context))
        XCTAssertEqual(context.errors.count, 1)
    }

    func testActionNamingAMissingGoal() {
        let (_, errors) = loadPolicies("""
            apiVersion: gitops.example.com/v1alpha1
            kind: AIOptimizationPolicy
            metadata: {name: x}
            spec:
              optimizationGoals: [{type: performance, threshold: 200ms}]
              actions: [{type: scaleReplicas, direction: up, ifCondition: costEfficiency}]
            """)
        assertOneProblem(errors, "p.yaml:6:63: spec.actions[0].ifCondition: no costEfficiency goal is defined")
    }

    func testLatencyThresholdNeedsAUnit() {
        let (_, errors) = loadPolicies("""
            apiVersion: gitops.example.com/v1alpha1
            kind: AIOptimizationPolicy
            metadata: {name: x}
            spec:
              optimizationGoals: [{type: performance, metric: latency_p99, threshold: 200}]
              actions: [{type: scaleReplicas, direction: up, ifCondition: performance}]
            """)
        assertOneProblem(errors, "p.yaml:5:75: spec.optimizationGoals[0].threshold: found 200 without a unit")
    }

    func testScaledObject() {
        let (policies, errors) = loadPolicies("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so, namespace: prod}
            spec:
              scaleTargetRef: {name: web}
              pollingInterval: 15
              cooldownPeriod: 120
              minReplicaCount: 1
              maxReplicaCount: 30
              idleReplicaCount: 0
              fallback: {failureThreshold: 3, replicas: 6}
              advanced:
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleDown: {stabilizationWindowSeconds: 60}
              triggers:
                - type: prometheus
                  metadata:
                    serverAddress: http://prometheus:9090
                    query: sum(rate(http_requests_total[2m]))
                    threshold: "100"
                    activationThreshold: "5"
                - type: prometheus
                  name: rps
                  metadata: {query: "sum(x)", threshold: "50.5"}
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}
                - type: memory
                  metricType: AverageValue
                  metadata: {value: 512Mi}
                - type: cron
                  metadata: {timezone: Europe/Berlin, start: "0 8 * * 1-5", end: "0 20 * * 1-5", desiredReplicas: "10"}
            """)
        XCTAssertEqual(errors, [])
        guard case .scaledObject(let s)? = policies.first?.kind else { return XCTFail("no ScaledObject") }
        XCTAssertEqual(s.target, "deployment/web")
        XCTAssertEqual(s.pollingInterval, .seconds(15))
        XCTAssertEqual(s.cooldownPeriod, .minutes(2))
        XCTAssertEqual(s.initialCooldownPeriod, .zero)
        XCTAssertEqual([s.minReplicaCount, s.maxReplicaCount], [1, 30])
        XCTAssertEqual(s.idleReplicaCount, 0)
        XCTAssertEqual(s.fallback, .init(failureThreshold: 3, replicas: 6))
        XCTAssertEqual(s.behavior?.scaleDown.stabilizationWindowSeconds, 60)
        XCTAssertEqual(s.behavior?.scaleUp, .defaultScaleUp)
        XCTAssertEqual(s.triggers.count, 5)
        XCTAssertEqual(s.triggers[0].kind, .prometheus(series: "sum(rate(http_requests_total[2m]))", threshold: 100, activationThreshold: 5))
        XCTAssertEqual(s.triggers[1].kind, .prometheus(series: "rps", threshold: 50.5, activationThreshold: 0))
        XCTAssertEqual(s.triggers[1].query, "sum(x)")
        XCTAssertEqual(s.triggers[2].kind, .resource(.cpu, .utilization(60)))
        XCTAssertEqual(s.triggers[3].kind, .resource(.memory, .averageValue(milli: 536_870_912_000)))
        XCTAssertEqual(s.triggers[4].kind, .cron(timezone: "Europe/Berlin", start: "0 8 * * 1-5", end: "0 20 * * 1-5", desiredReplicas: 10))
        XCTAssertEqual(policies.first?.seriesReferences.map(\.name), ["sum(rate(http_requests_total[2m]))", "rps"])
        XCTAssertEqual(policies.first?.seriesReferences.map(\.alternative), [nil, "sum(x)"])
    }

    func testScaledObjectDefaults() {
        let (policies, errors) = loadPolicies("""
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: so}
            spec:
              scaleTargetRef: {name: web}
              triggers: [{type: cpu, metricType: Utilization, metadata: {value: "50"}}]
            """)
        XCTAssertEqual(errors, [])
        guard case .scaledObject(let s)? = policies.first?.kind else { return XCTFail("no ScaledObject") }
        // HPA.md §10.1.
        XCTAssertEqual([s.pollingInterval, s.cooldownPeriod, s.initialCooldownPeriod], [.seconds(30), .minutes(5), .zero])
        XCTAssertEqual([s.minReplicaCount, s.maxReplicaCount], [0, 100])
        XCTAssertNil(s.behavior)
        XCTAssertNil(s.fallback)
        XCTAssertEqual(s.triggers.first?.kind, .resource(.cpu, .utilization(50)))
    }

    func testMultipleDocumentsInOneFile() {
        let (policies, errors) = loadPolicies("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: a}
            spec: {scaleTargetRef: {kind: Deployment, name: w}, maxReplicas: 3}
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: b}
            spec: {scaleTargetRef: {name: w}, triggers: [{type: cpu, metricType: Utilization, metadata: {value: "50"}}]}
            ---
            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(policies.map(\.name), ["a", "b"])
        XCTAssertEqual(policies.map(\.kindLabel), ["HorizontalPodAutoscaler", "ScaledObject"])
    }

    func testPercentagesAndNumbersAsText() throws {
        let context = YAMLDecodingContext()
        let nodes = try YAMLDocument.parse(bytes: Array("[\"60%\", 60, \"99.5%\", 60%%, -5, .nan, \"100\", 1k]".utf8), file: "n.yaml")
        let items = try XCTUnwrap(nodes.first?.sequence)
        XCTAssertEqual(try PercentField.decode(yaml: items[0], context: context, path: "p").percent, 60)
        XCTAssertEqual(try PercentField.decode(yaml: items[1], context: context, path: "p").percent, 60)
        XCTAssertEqual(try PercentField.decode(yaml: items[2], context: context, path: "p").percent, 99.5)
        XCTAssertThrowsError(try PercentField.decode(yaml: items[3], context: context, path: "p"))
        XCTAssertThrowsError(try PercentField.decode(yaml: items[4], context: context, path: "p"))
        XCTAssertThrowsError(try NumberField.decode(yaml: items[5], context: context, path: "p"))
        XCTAssertEqual(try NumberField.decode(yaml: items[6], context: context, path: "p").value, 100)
        XCTAssertEqual(try NumberField.decode(yaml: items[7], context: context, path: "p").value, 1000)
        XCTAssertEqual(context.errors.map(\.description), [
            "n.yaml:1:22: p: found '60%%'; expected a percentage such as \"60%\" or 60",
            "n.yaml:1:28: p: found '-5'; expected a percentage of zero or more",
            "n.yaml:1:32: p: found '.nan'; expected a finite number (not NaN or infinity)",
        ])
    }

    /// HPA.md Corrections 6: cpu/memory triggers need `metricType` (a missing one used to
    /// become AverageValue: `value: "60"` was 60 cores per pod); cron `desiredReplicas: 0`
    /// and `start == end` are rejected, as KEDA's webhook does.
    func testKEDAValidationAsKEDADoesIt() {
        func problems(_ triggers: String) -> [String] {
            loadPolicies("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: so}
                spec:
                  scaleTargetRef: {name: web}
                  triggers:
                \(triggers)
                """).errors
        }
        let noType = problems("    - {type: cpu, metadata: {value: \"60\"}}")
        XCTAssertEqual(noType.count, 1, "\(noType)")
        XCTAssertTrue(noType.first?.hasPrefix("p.yaml:7:7: spec.triggers[0]: a cpu trigger without 'metricType'; expected metricType: Utilization or AverageValue") ?? false, "\(noType)")
        let oldType = problems("    - {type: memory, metadata: {type: Utilization, value: \"60\"}}")
        XCTAssertTrue(oldType.first?.contains("a memory trigger without 'metricType' (metadata.type: Utilization is no longer read by KEDA)") ?? false, "\(oldType)")
        XCTAssertEqual(problems("    - {type: cpu, metricType: AverageValue, metadata: {value: 500m}}"), [])
        let zero = problems("    - {type: cron, metadata: {timezone: UTC, start: \"0 8 * * *\", end: \"0 20 * * *\", desiredReplicas: \"0\"}}")
        XCTAssertEqual(zero.count, 1, "\(zero)")
        XCTAssertTrue(zero.first?.contains("desiredReplicas: found 0; expected a whole number, 1 or more") ?? false, "\(zero)")
        let same = problems("    - {type: cron, metadata: {timezone: UTC, start: \"0 8 * * *\", end: \"0 8 * * *\", desiredReplicas: \"3\"}}")
        XCTAssertEqual(same.count, 1, "\(same)")
        XCTAssertTrue(same.first?.contains("start and end are the same schedule '0 8 * * *'") ?? false, "\(same)")
    }
}
