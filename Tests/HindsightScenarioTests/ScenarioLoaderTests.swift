import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

final class ScenarioLoaderTests: XCTestCase {
    private var folder: TempDir!
    override func setUpWithError() throws {
        folder = try TempDir()
        try folder.write("data/trace.csv", "timestamp,rps\n0,1\n")
        try folder.write("data/spot.csv", "timestamp,multiplier\n0,1\n")
        try folder.write("data/grid.csv", "timestamp,gco2_per_kwh\n0,300\n")
        try folder.write("sc/decisions.csv", "timestamp,replicas\n0,3\n")
        try folder.write("sc/policies/hpa.yaml", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: checkout-api}
            spec:
              scaleTargetRef: {kind: Deployment, name: checkout-api}
              minReplicas: 2
              maxReplicas: 20
              metrics:
                - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}
                - {type: Pods, pods: {metric: {name: queue}, target: {type: AverageValue, averageValue: "5"}}}
            """)
    }
    override func tearDown() { folder = nil }

    private let full = """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata:
          name: checkout-api
        spec:
          trace:
            file: ../data/trace.csv
            time: ts
            timezone: UTC
            columns:
              rps: requests_per_second
              latencyP99: latency_p99_ms
              queue: queue_len
            scale: {rps: 2.0}
            step: 15s
            maxGap: 5m
            duplicates: last
            from: 2026-01-05T00:00:00Z
            to: 2026-01-12T00:00:00Z
          workload:
            name: deployment/checkout-api
            cpuRequest: 500m
            cpuLimit: 1
            memoryRequest: 1Gi
            podCapacity: 120
            startupDelay: 45s
            initialReplicas: 3
          metrics: {window: 1m, lag: 0s}
          kubernetes:
            version: "1.35"
            tolerance: 0.05
          latency: {model: mmc, serviceTime: 25ms}
          slo: {latencyP99: 200ms, maxUtilization: "85%", objective: "99.5%"}
          cost:
            cpuHour: 0.04
            priceFile: ../data/spot.csv
          carbon:
            provider: gcp
            pue: 1.2
            intensityFile: ../data/grid.csv
            gpuWatts: {min: 40, max: 250}
          policies:
            - observed
            - static: {replicas: 6}
            - file: policies/hpa.yaml
            - exec: {command: [python3, agents/forecast.py], interval: 30s, minReplicas: 1, maxReplicas: 50}
            - replay: {file: decisions.csv}
          sweep:
            policy: policies/hpa.yaml
            parameters:
              spec.metrics[0].resource.target.averageUtilization: [40, 50, 60]
              spec.maxReplicas: {from: 10, to: 30, step: 10}
            constraints:
              sloViolationFraction: {max: 0.001}
            minimize: emissions
          budgets:
            sloViolationFraction: {maxIncrease: 0.0005}
            costUSD: {maxIncreasePercent: 2}
        """

    func testFullScenario() throws {
        let path = try folder.write("sc/scenario.yaml", full)
        let s = try ScenarioLoader.load(path: path)
        let root = URL(fileURLWithPath: folder.path).standardizedFileURL.path
        XCTAssertEqual(s.name, "checkout-api")
        XCTAssertEqual(s.file, URL(fileURLWithPath: path).standardizedFileURL.path)
        XCTAssertEqual(s.trace.source, .file(root + "/data/trace.csv"))
        XCTAssertEqual(s.trace.timeColumn, "ts")
        XCTAssertEqual(s.trace.columns["rps"], "requests_per_second")
        XCTAssertEqual(s.trace.columns["cpu"], "cpu", "defaults stay for fields not mapped")
        XCTAssertEqual(s.trace.columns["memory"], "memory_bytes")
        XCTAssertEqual(s.trace.columns["queue"], "queue_len", "an extra key is a named series")
        XCTAssertEqual(s.trace.scale, ["rps": 2.0])
        XCTAssertEqual(s.trace.step, .seconds(15))
        XCTAssertEqual(s.trace.maxGap, .minutes(5))
        XCTAssertEqual(s.trace.duplicates, .last)
        XCTAssertEqual(s.trace.from, SimInstant.epoch + .days(20_458))
        XCTAssertEqual(s.trace.to, SimInstant.epoch + .days(20_465))
        XCTAssertEqual(s.workload.cpuRequest, 0.5)
        XCTAssertEqual(s.workload.cpuLimit, 1)
        XCTAssertEqual(s.workload.memoryRequest, 1_073_741_824)
        XCTAssertEqual(s.workload.podCapacity, 120)
        XCTAssertEqual(s.workload.startupDelay, .seconds(45))
        XCTAssertEqual(s.workload.terminationGrace, .zero)
        XCTAssertEqual(s.workload.initialReplicas, 3)
        XCTAssertEqual(s.metrics, MetricsPipelineSpec(window: .minutes(1), lag: .zero))
        XCTAssertEqual(s.kubernetes.minorVersion, 35)
        XCTAssertTrue(s.kubernetes.configurableTolerance, "on from 1.35")
        XCTAssertEqual(s.kubernetes.tolerance, 0.05)
        XCTAssertEqual(s.kubernetes.syncPeriod, .seconds(15))
        XCTAssertEqual(s.latency.model, .mmc)
        XCTAssertEqual(s.latency.serviceTime, 0.025, accuracy: 1e-15)
        XCTAssertEqual(s.slo.latencyP99 ?? 0, 0.2, accuracy: 1e-15)
        XCTAssertEqual(s.slo.maxUtilization, 85)
        XCTAssertEqual(s.slo.objective, 0.995, accuracy: 1e-15)
        XCTAssertEqual(s.cost.cpuHour, 0.04)
        XCTAssertEqual(s.cost.memoryGiBHour, 0.004237)
        XCTAssertEqual(s.cost.priceFile, root + "/data/spot.csv")
        // gcp preset (0.68 / 4.11 W per vCPU), PUE overridden by the explicit field.
        XCTAssertEqual(s.carbon.provider, .gcp)
        XCTAssertEqual(s.carbon.minWattsPerVCPU, 0.68)
        XCTAssertEqual(s.carbon.maxWattsPerVCPU, 4.11)
        XCTAssertEqual(s.carbon.pue, 1.2)
        XCTAssertEqual(s.carbon.memoryWattsPerGB, 0.392)
        XCTAssertEqual(s.carbon.intensityFile, root + "/data/grid.csv")
        XCTAssertEqual([s.carbon.gpuMinWatts, s.carbon.gpuMaxWatts], [40, 250])
        XCTAssertEqual(s.policies.map(\.name), ["observed", "static-6", "checkout-api", "exec-forecast", "replay-decisions"])
        if case .fixed(let n) = s.policies[1].kind { XCTAssertEqual(n, 6) } else { XCTFail("static") }
        if case .exec(let e) = s.policies[3].kind {
            XCTAssertEqual(e.command, ["python3", "agents/forecast.py"])
            XCTAssertEqual(e.directory, root + "/sc")
            XCTAssertEqual(e.interval, .seconds(30))
            XCTAssertEqual(e.maxReplicas, 50)
            XCTAssertEqual(e.timeout, .seconds(5))
        } else { XCTFail("exec") }
        if case .replay(let r) = s.policies[4].kind { XCTAssertEqual(r.file, root + "/sc/decisions.csv") } else { XCTFail("replay") }
        XCTAssertEqual(s.policies[2].seriesReferences.map(\.name), ["queue"])
        XCTAssertEqual(s.policies[2].location?.file, "\(folder.path)/sc/policies/hpa.yaml")
        XCTAssertEqual(s.sweep?.policyFile, root + "/sc/policies/hpa.yaml")
        XCTAssertEqual(s.sweep?.parameters.map(\.path), ["spec.metrics[0].resource.target.averageUtilization", "spec.maxReplicas"])
        XCTAssertEqual(s.sweep?.parameters.map(\.values), [.list([.number(40), .number(50), .number(60)]), .range(from: 10, to: 30, step: 10, decimals: 0)])
        XCTAssertEqual(s.sweep?.maxViolationFraction, 0.001)
        XCTAssertEqual(s.sweep?.minimize, .emissions)
        XCTAssertEqual(s.budgets?.sloViolationFractionMaxIncrease, 0.0005)
        XCTAssertEqual(s.budgets?.costMaxIncreasePercent, 2)
        XCTAssertNil(s.budgets?.emissionsMaxIncreasePercent)
    }

    func testMinimalScenarioDefaults() throws {
        let path = try folder.write("sc/min.yaml", """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: m}
            spec:
              trace: {file: ../data/trace.csv}
              workload: {cpuRequest: 0.25}
              kubernetes: {version: "1.33"}
              carbon: {provider: azure}
              policies: [observed]
            """)
        let s = try ScenarioLoader.load(path: path)
        XCTAssertEqual(s.trace.columns, TraceSpec.defaultColumns)
        XCTAssertEqual(s.trace.timeColumn, "timestamp")
        XCTAssertNil(s.trace.step)
        XCTAssertEqual(s.workload.startupDelay, .seconds(30))
        XCTAssertEqual(s.workload.queueTimeout, .seconds(30))
        XCTAssertEqual(s.kubernetes.minorVersion, 33)
        XCTAssertFalse(s.kubernetes.configurableTolerance, "off before 1.35")
        XCTAssertEqual(s.kubernetes.downscaleStabilization, .minutes(5))
        XCTAssertNil(s.latency.model)
        XCTAssertNil(s.slo.latencyP99)
        XCTAssertEqual(s.slo.objective, 0.995)
        XCTAssertEqual([s.carbon.minWattsPerVCPU, s.carbon.maxWattsPerVCPU, s.carbon.pue], [0.74, 3.54, 1.185])
        XCTAssertNil(s.sweep)
        XCTAssertNil(s.budgets)
    }

    /// `field: null` unbinds a known field's default column; null on a named series is an error.
    func testNullColumnUnbindsAField() throws {
        let path = try folder.write("sc/null.yaml", """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: m}
            spec:
              trace: {file: ../data/trace.csv, columns: {rps: requests, replicas: null, latencyP99: null}}
              workload: {cpuRequest: 0.25}
              policies: [{static: {replicas: 2}}]
            """)
        let s = try ScenarioLoader.load(path: path)
        XCTAssertEqual(s.trace.columns["rps"], "requests")
        XCTAssertNil(s.trace.columns["replicas"])
        XCTAssertNil(s.trace.columns["latencyP99"])
        XCTAssertEqual(s.trace.columns["cpu"], "cpu")
        let bad = try folder.write("sc/null-bad.yaml", """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: m}
            spec:
              trace: {file: ../data/trace.csv, columns: {queue: null}}
              workload: {cpuRequest: 0.25}
              policies: [{static: {replicas: 2}}]
            """)
        XCTAssertThrowsError(try ScenarioLoader.load(path: bad)) { e in
            XCTAssertTrue("\(e)".contains("spec.trace.columns.queue"), "\(e)")
        }
    }

    func testPolicyFileAtAGitRevision() throws {
        let git = URL(fileURLWithPath: "/usr/bin/git")
        guard FileManager.default.isExecutableFile(atPath: git.path) else { throw XCTSkip("git is not installed") }
        func run(_ args: [String]) {
            XCTAssertEqual(Subprocess.git(args, in: folder.path), 0, "git \(args)")
        }
        run(["init", "-q", "-b", "main"])
        run(["add", "-A"])
        run(["commit", "-q", "-m", "base"])
        // Change the working copy: the revision must still give minReplicas 2.
        try folder.write("sc/policies/hpa.yaml", "garbage: [")
        let path = try folder.write("sc/g.yaml", """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: g}
            spec:
              trace: {file: ../data/trace.csv, columns: {queue: q}}
              workload: {cpuRequest: 1}
              policies:
                - file: git:main:sc/policies/hpa.yaml
                - file: git:main:sc/policies/missing.yaml
            """)
        let errors = inputErrorMessages { _ = try ScenarioLoader.load(path: path) }
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.hasPrefix("\(path):9:13: git show main:sc/policies/missing.yaml failed") ?? false, "\(errors)")
        try folder.write("sc/g.yaml", String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                            .replacingOccurrences(of: "\n    - file: git:main:sc/policies/missing.yaml", with: ""))
        let s = try ScenarioLoader.load(path: path)
        guard case .hpa(let h)? = s.policies.first?.kind else { return XCTFail("no HPA") }
        XCTAssertEqual(h.minReplicas, 2)
        XCTAssertEqual(s.policies.first?.location?.file, "git:main:sc/policies/hpa.yaml")
        // The same through the standalone API `check --baseline` uses; a working-copy path reads the damaged file.
        let baseline = try PolicyLoader.load(reference: "git:main:sc/policies/hpa.yaml", in: folder.path + "/sc")
        XCTAssertEqual(baseline.map(\.name), ["checkout-api"])
        let damaged = inputErrorMessages { _ = try PolicyLoader.load(reference: "policies/hpa.yaml", in: folder.path + "/sc") }
        XCTAssertEqual(damaged.count, 1, "\(damaged)")
        XCTAssertTrue(damaged.first?.hasPrefix("policies/hpa.yaml:2:1: YAML syntax error") ?? false, "\(damaged)")
    }

    func testUnknownSeriesListsTheAvailableOnes() throws {
        let path = try folder.write("sc/s.yaml", """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: s}
            spec:
              trace: {file: ../data/trace.csv}
              workload: {cpuRequest: 1}
              policies: [{file: policies/hpa.yaml}]
            """)
        let errors = inputErrorMessages { _ = try ScenarioLoader.load(path: path) }
        XCTAssertEqual(errors.count, 1, "\(errors)")
        // policies/hpa.yaml line 10: `    - {type: Pods, pods: {metric: {name: queue}, …` — `queue` at column 42.
        XCTAssertTrue(errors.first?.hasPrefix("\(folder.path)/sc/policies/hpa.yaml:10:42: policy 'checkout-api' reads series 'queue'") ?? false, "\(errors)")
        XCTAssertTrue(errors.first?.contains("expected one of cpu, cpuUtilization, latencyP99, memory, replicas, rps") ?? false, "\(errors)")
    }

    func testScenarioProblemsAreAllReported() throws {
        let path = try folder.write("sc/bad.yaml", """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: b}
            spec:
              trace: {file: ../data/trace.csv, step: 15}
              workload: {cpuRequest: 0, memoryRequest: 1Gb}
              kubernetes: {version: 1.x}
              slo: {objective: "120%"}
              policies:
                - observed
                - static: {replicas: 2}
                - static: {replicas: 2}
                - staic: {replicas: 1}
              sweep: {policy: policies/hpa.yaml, parameters: {spec.nothing: [1]}}
            """)
        let errors = inputErrorMessages { _ = try ScenarioLoader.load(path: path) }
        let expectedPrefixes = [
            "\(path):5:42: spec.trace.step: found 15 without a unit",
            "\(path):6:26: spec.workload.cpuRequest: found 0",
            "\(path):6:44: spec.workload.memoryRequest: found '1Gb'",
            "\(path):7:25: spec.kubernetes.version: found '1.x'",
            "\(path):8:20: spec.slo.objective: found 120%",
            "\(path):12:7: a second policy named 'static-2'",
            "\(path):13:7: unknown policy entry 'staic' (did you mean 'static'?)",
            "\(path):14:51: spec.sweep.parameters: 'spec.nothing' names no value",
        ]
        XCTAssertEqual(errors.count, expectedPrefixes.count, "\(errors)")
        for (message, prefix) in zip(errors, expectedPrefixes) {
            XCTAssertTrue(message.hasPrefix(prefix), "\(message) does not start with \(prefix)")
        }
    }
}
