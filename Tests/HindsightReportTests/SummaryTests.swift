import HindsightTestSupport
import Foundation
@testable import HindsightReport
import HindsightSim
import XCTest

final class SummaryTests: XCTestCase {
    let keys = [
        "policy", "kind", "start", "end", "step_seconds", "replicas_mean", "replicas_max",
        "replicas_min", "replica_hours", "cost_usd", "energy_kwh", "emissions_kgco2e",
        "sci_g_per_1k_requests", "requests_served", "requests_dropped", "slo_violation_seconds",
        "slo_violation_fraction", "error_budget_used", "scaling_actions", "reversals",
        "missing_seconds", "latency_mape", "cpu_mape", "latency_hourly_mape", "latency_holdout_mape",
        "latency_holdout_constant_mape", "latency_skill", "warnings",
    ]

    func testJSONParsesWithTheContractKeysInOrder() throws {
        var result = SmallResult.twoPolicies()
        result.scenario.name = "demo \"quoted\"\nline"
        result.runs[0].summary.costUSD = .nan  // must become null
        let text = SummaryJSON.render(result)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["scenario", "runs"])
        XCTAssertEqual(object["scenario"] as? String, "demo \"quoted\"\nline")
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 2)
        for run in runs { XCTAssertEqual(Set(run.keys), Set(keys)) }

        // Order: each run object lists the keys exactly in contract order.
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let keyLines = lines.filter { $0.hasPrefix("\"") && $0.contains("\": ") }
            .map { String($0.dropFirst().prefix { $0 != "\"" }) }
            .filter { $0 != "scenario" && $0 != "runs" }
        XCTAssertEqual(keyLines, keys + keys)
        XCTAssertTrue(text.hasPrefix("{\n  \"scenario\": "), "two-space indentation")

        let base = runs[0], other = runs[1]
        XCTAssertTrue(base["cost_usd"] is NSNull)
        XCTAssertTrue(other["sci_g_per_1k_requests"] is NSNull)
        XCTAssertTrue(other["latency_mape"] is NSNull)
        XCTAssertEqual((base["latency_mape"] as? NSNumber)?.doubleValue ?? -1, 5, accuracy: 0)
        XCTAssertEqual(other["policy"] as? String, "hpa")
        XCTAssertEqual(other["kind"] as? String, "HorizontalPodAutoscaler")
        XCTAssertEqual(other["start"] as? String, "2026-01-01T00:00:00Z")
        XCTAssertEqual(other["end"] as? String, "2026-01-02T00:00:00Z")
        XCTAssertEqual((other["cost_usd"] as? NSNumber)?.doubleValue ?? -1, 87.5, accuracy: 0)
        XCTAssertEqual((other["replicas_max"] as? NSNumber)?.intValue, 10)
        XCTAssertEqual((other["slo_violation_fraction"] as? NSNumber)?.doubleValue ?? -1, 900.0 / 86_400, accuracy: 1e-15)
        XCTAssertEqual(other["warnings"] as? [String], ["first, with comma", "second \"quoted\""])
        XCTAssertEqual(base["warnings"] as? [String], [])
        XCTAssertFalse(text.contains("nan") || text.contains("inf"))
        XCTAssertTrue(text.contains("\"replicas_max\": 10,"), "integers print without a decimal point")
        XCTAssertTrue(text.contains("\"step_seconds\": 3600,"), "whole doubles print as integers")
    }

    func testKeyTableIsTheContractAndEveryNumberHasAUnit() {
        XCTAssertEqual(SummaryKey.all.map(\.key), keys)
        let run = SmallResult.twoPolicies().runs[1]
        for k in SummaryKey.all {
            if case .number = k.value(run) { XCTAssertFalse(k.unit.isEmpty, "\(k.key) has no unit") }
        }
    }

    func testJSONEscapesControlCharacters() throws {
        let value = JSONValue.object([("k", .string("tab\there\u{01}\\"))])
        XCTAssertEqual(value.rendered(indent: 0), "{\"k\":\"tab\\there\\u0001\\\\\"}")
        let parsed = try JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? [String: String]
        XCTAssertEqual(parsed?["k"], "tab\there\u{01}\\")
        XCTAssertEqual(JSONValue.array([]).rendered(), "[]\n")
        XCTAssertEqual(JSONValue.object([]).rendered(indent: 0), "{}")
    }

    func testCSVHasTheSameColumnsAndOneRowPerPolicy() {
        var result = SmallResult.twoPolicies(otherName: "hpa, tuned")
        result.runs[1].summary.energyKWh = .infinity
        let text = SummaryCSV.render(result)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4)  // header, 2 rows, empty after the final newline
        XCTAssertEqual(String(lines[0]), keys.joined(separator: ","))
        XCTAssertEqual(lines[3], "")
        let row = CSVTestParser.parse(text)[2]
        XCTAssertEqual(row.count, keys.count)
        func cell(_ key: String) -> String { row[keys.firstIndex(of: key) ?? 0] }
        XCTAssertEqual(cell("policy"), "hpa, tuned")
        XCTAssertEqual(cell("start"), "2026-01-01T00:00:00Z")
        XCTAssertEqual(cell("cost_usd"), "87.5")
        XCTAssertEqual(cell("energy_kwh"), "")
        XCTAssertEqual(cell("sci_g_per_1k_requests"), "")
        XCTAssertEqual(cell("latency_mape"), "")
        XCTAssertEqual(cell("replicas_mean"), "3.75")
        XCTAssertEqual(cell("warnings"), "first, with comma; second \"quoted\"")
        XCTAssertTrue(text.contains("\"hpa, tuned\""))
        XCTAssertTrue(text.contains("\"first, with comma; second \"\"quoted\"\"\""))
    }
}
