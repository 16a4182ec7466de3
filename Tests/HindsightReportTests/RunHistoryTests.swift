import Foundation
import HindsightTrace
import XCTest
@testable import HindsightReport

final class RunHistoryTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func entry(_ policy: String, cost: Double, mape: Double?) -> RunHistory.Entry {
        RunHistory.Entry(scenario: "demo", scenarioSHA256: String(repeating: "a", count: 64), policy: policy,
                         policyKind: "hpa", policySHA256: String(repeating: "b", count: 64), point: nil,
                         traceStartMs: 1_000, traceEndMs: 61_000, stepMs: 15_000,
                         metrics: [("cost_usd", cost), ("latency_mape", mape), ("replicas_max", 7)])
    }

    func testRecordsAndReadsBackInOneTransaction() throws {
        let path = folder.appendingPathComponent("h.sqlite").path
        let history = try RunHistory(path: path)
        let inv = RunHistory.Invocation(command: "run", arguments: ["run", "scenarios/demo.yaml", "--out", "a b"],
                                        startedAt: "2026-12-05T17:00:00Z", gitCommit: "abc123")
        let ids = try history.record(inv, [entry("hpa", cost: 10.5, mape: nil), entry("observed", cost: 13, mape: 0.1)])
        XCTAssertEqual(ids.count, 2)
        let rows = try history.runs()
        XCTAssertEqual(rows.map(\.entry.policy), ["observed", "hpa"], "newest first")
        XCTAssertEqual(rows[1].entry, entry("hpa", cost: 10.5, mape: nil))
        XCTAssertEqual(rows[1].invocation, inv)
        XCTAssertEqual(try history.runs(policy: "hpa").map(\.id), [ids[0]])
        XCTAssertEqual(try history.runs(scenario: "other").count, 0)
        XCTAssertEqual(try history.run(id: ids[1])?.entry.metrics.first?.value, 13)
        XCTAssertNil(try history.run(id: 999))
    }

    func testAFailedRecordLeavesNothing() throws {
        let path = folder.appendingPathComponent("h.sqlite").path
        let history = try RunHistory(path: path)
        let inv = RunHistory.Invocation(command: "sweep", arguments: [], startedAt: "2026-12-05T17:00:00Z", gitCommit: nil)
        var bad = entry("hpa", cost: 1, mape: nil)
        bad.metrics.append(("cost_usd", 2))  // duplicate key: the primary key refuses it
        XCTAssertThrowsError(try history.record(inv, [entry("observed", cost: 1, mape: nil), bad]))
        XCTAssertEqual(try history.runs().count, 0)
        let db = try Connection(path: path, create: false)
        XCTAssertEqual(try db.scalarInt64("SELECT count(*) FROM invocations"), 0)
        XCTAssertEqual(try db.scalarInt64("PRAGMA user_version"), 1)
    }

    func testRefusesADatasetStoreAndAnotherProgramsFile() throws {
        let store = folder.appendingPathComponent("store.sqlite").path
        _ = try DatasetStore(path: store, create: true)
        XCTAssertThrowsError(try RunHistory(path: store)) { XCTAssertTrue("\($0)".contains("not a hindsight run history"), "\($0)") }
    }

    func testContentHashIsSHA256() {
        // FIPS 180-2 test vector: SHA-256("abc").
        XCTAssertEqual(ContentHash.sha256(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(ContentHash.sha256([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
