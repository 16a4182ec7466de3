import Foundation
import HindsightScenario
import HindsightSim
import HindsightTestSupport
import HindsightTrace
import XCTest
@testable import HindsightReport

/// The hook commands call (`HistoryOptions.record` with `RecordedRun`s), the content
/// hashes, and the change arithmetic of `hindsight history --compare`.
final class HistoryRecordingTests: XCTestCase {
    func testMetricsAreEveryNumericSummaryKeyInOrder() {
        let run = SmallResult.twoPolicies().runs[1]
        let metrics = RecordedRun.metrics(of: run.summary)
        XCTAssertEqual(metrics.map(\.key), [
            "step_seconds", "replicas_mean", "replicas_max", "replicas_min", "replica_hours", "cost_usd", "energy_kwh",
            "emissions_kgco2e", "sci_g_per_1k_requests", "requests_served", "requests_dropped", "slo_violation_seconds",
            "slo_violation_fraction", "error_budget_used", "scaling_actions", "reversals", "missing_seconds", "latency_mape", "cpu_mape", "latency_hourly_mape", "latency_holdout_mape",
            "latency_holdout_constant_mape", "latency_skill",
        ])
        let value = Dictionary(uniqueKeysWithValues: metrics.map { ($0.key, $0.value) })
        XCTAssertEqual(value["cost_usd"], 87.5)
        XCTAssertEqual(value["replicas_max"], 10)
        XCTAssertEqual(value["slo_violation_fraction"], 900.0 / 86_400)
        XCTAssertEqual(value["sci_g_per_1k_requests"], .some(nil), "no SCI without served requests → NULL")
        XCTAssertEqual(value["latency_mape"], .some(nil))
    }

    func testRecordWritesOneInvocationWithTheGridAndReadsBack() throws {
        let dir = try TempDir()
        let result = SmallResult.twoPolicies()
        let runs = RecordedRun.runs(of: result, point: "spec.minReplicas=3")
        let options = HistoryOptions(path: dir.path("sub/folder/h.sqlite"))
        guard case .recorded(let ids) = options.record(command: "sweep", arguments: ["sweep", "x.yaml"], runs: runs,
                                                         startedAt: 1_767_225_600_000 + 61_000) else {
            return XCTFail("not recorded")
        }
        XCTAssertEqual(ids.count, 2)
        let rows = try RunHistory(path: dir.path("sub/folder/h.sqlite"), create: false).runs()
        XCTAssertEqual(rows.map(\.entry.policy), ["hpa", "observed"])
        XCTAssertEqual(rows[0].invocation.startedAt, "2026-01-01T00:01:01Z")
        XCTAssertEqual(rows[0].invocation.command, "sweep")
        XCTAssertNil(rows[0].invocation.gitCommit, "its folder /x does not exist: no commit, no error")
        let e = rows[0].entry
        XCTAssertEqual(e.point, "spec.minReplicas=3")
        XCTAssertEqual(e.traceStartMs, Fixtures.start)
        XCTAssertEqual(e.traceEndMs, Fixtures.start + 24 * 3_600_000)
        XCTAssertEqual(e.stepMs, 3_600_000)
        XCTAssertEqual(e.policyKind, "HorizontalPodAutoscaler")
        // A scenario built in code has no bytes: the SHA-256 of nothing.
        XCTAssertEqual(e.scenarioSHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(e.metric("emissions_kgco2e"), 2.5)
    }

    func testOffRecordsNothingAndAnUnwritablePathIsAnOutcomeNotAThrow() throws {
        let dir = try TempDir()
        let runs = RecordedRun.runs(of: SmallResult.twoPolicies())
        XCTAssertEqual(HistoryOptions.off.record(command: "run", arguments: [], runs: runs), .skipped)
        XCTAssertEqual(try dir.list(), [])
        let file = try dir.write("plain.txt", "not a folder\n")
        guard case .failed(let message) = HistoryOptions(path: file + "/h.sqlite").record(command: "run", arguments: [], runs: runs) else {
            return XCTFail("expected a failure")
        }
        XCTAssertTrue(message.contains("h.sqlite") || message.contains("plain.txt"), message)
        let text = try dir.write("text.sqlite", "hello\n")
        guard case .failed(let foreign) = HistoryOptions(path: text).record(command: "run", arguments: [], runs: runs) else {
            return XCTFail("expected a failure")
        }
        XCTAssertTrue(foreign.contains("not a hindsight run history"), foreign)
        XCTAssertEqual(try String(contentsOfFile: text, encoding: .utf8), "hello\n", "another file is never changed")
    }

    func testPolicyHashIsTheFileBytesOrACanonicalEntryText() throws {
        let dir = try TempDir()
        let text = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}   # a comment is part of the bytes
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 5
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}

            """
        let path = try dir.write("hpa.yaml", text)
        let loaded = try XCTUnwrap(try PolicyLoader.load(path: path, displayPath: "hpa.yaml").first)
        XCTAssertEqual(loaded.contentSHA256, ContentHash.sha256(Array(text.utf8)))
        var renamed = loaded
        renamed.name = "baseline web"
        XCTAssertEqual(renamed.contentSHA256, loaded.contentSHA256, "the name is not the content")

        XCTAssertEqual(PolicySpec(name: "static-4", kind: .fixed(replicas: 4)).contentSHA256,
                       ContentHash.sha256(Array("static\nreplicas=4\n".utf8)))
        XCTAssertNotEqual(PolicySpec(name: "static-4", kind: .fixed(replicas: 4)).contentSHA256,
                          PolicySpec(name: "static-5", kind: .fixed(replicas: 5)).contentSHA256)
        let here = PolicySpec(name: "a", kind: .exec(ExecSpec(command: ["python3", "agent.py"], directory: "/one")))
        let there = PolicySpec(name: "a", kind: .exec(ExecSpec(command: ["python3", "agent.py"], directory: "/two")))
        var slower = ExecSpec(command: ["python3", "agent.py"], directory: "/one")
        slower.interval = .minutes(2)
        XCTAssertEqual(here.contentSHA256, there.contentSHA256, "the checkout's folder is not the content")
        XCTAssertNotEqual(here.contentSHA256, PolicySpec(name: "a", kind: .exec(slower)).contentSHA256)
    }

    func testChangesAreSecondMinusFirstAndRelativeToTheFirst() {
        func row(_ id: Int64, _ metrics: [(String, Double?)]) -> RunHistory.Row {
            RunHistory.Row(id: id, invocation: .init(command: "run", arguments: [], startedAt: "2026-12-05T17:00:00Z", gitCommit: nil),
                           entry: .init(scenario: "s", scenarioSHA256: "", policy: "p", policyKind: "k", policySHA256: "",
                                        traceStartMs: 0, traceEndMs: 1, stepMs: 1, metrics: metrics.map { (key: $0.0, value: $0.1) }))
        }
        let a = row(1, [("cost_usd", 12.3456), ("zero", 0), ("from_zero", 0), ("gone", 4)])
        let b = row(2, [("cost_usd", 13.1), ("zero", 0), ("from_zero", 2), ("gone", nil), ("new", 1)])
        let changes = HistoryReport.changes(a, b)
        XCTAssertEqual(changes.map(\.key), ["cost_usd", "zero", "from_zero", "gone", "new"])
        XCTAssertEqual(HistoryReport.signedDelta(changes[0].delta), "+0.7544")
        XCTAssertEqual(HistoryReport.relativeText(changes[0].relative), "+6.11 %")  // 0.7544 / 12.3456 = 6.1107 %
        XCTAssertEqual(changes[1].relative, 0)
        XCTAssertNil(changes[2].relative, "no relative change from 0")
        XCTAssertEqual(HistoryReport.signedDelta(changes[2].delta), "+2")
        XCTAssertNil(changes[3].delta)
        XCTAssertNil(changes[4].first)
        XCTAssertEqual(HistoryReport.relativeText(-0.005), "-0.50 %")
        XCTAssertEqual(HistoryReport.relativeText(-0.00001), "0.00 %")
        XCTAssertEqual(HistoryReport.signedDelta(-3), "-3")
    }
}
