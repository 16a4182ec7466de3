import Foundation
import XCTest
@testable import HindsightTrace

final class StoreTests: StoreTestCase {
    /// Values chosen to catch lossy storage: −0.0 (a REAL column would make it 0), ±∞,
    /// the smallest subnormal, a value needing all 53 bits, and NaN for empty cells.
    let awkward: [Double] = [-0.0, .infinity, -.infinity, .leastNonzeroMagnitude, 0.1 + 0.2, .nan, 3.0]

    func makeTrace() -> RawTrace {
        RawTrace(
            times: [1_700_000_000_000, 1_700_000_015_000, 1_700_000_030_000, 1_700_000_045_000,
                    1_700_000_060_000, 1_700_000_090_000, 1_700_000_105_000],
            columns: ["rps": awkward, "cpu": [1.5, .nan, .nan, 2.25, 1e300, -1e-300, 7]],
            source: "web.csv")
    }

    func testRoundTripKeepsEveryBitAndNaN() throws {
        let raw = makeTrace()
        let info = try DatasetStore(path: dbPath(), create: true).importTrace(raw, name: "web", replace: false)
        // Reopen: the data must come from the file, not from memory.
        let loaded = try DatasetStore(path: dbPath(), create: false).load(name: "web")
        XCTAssertEqual(loaded.times, raw.times)
        XCTAssertEqual(loaded.columnNames, ["cpu", "rps"])
        assertBitEqual(loaded.columns["rps"], raw.columns["rps"])
        assertBitEqual(loaded.columns["cpu"], raw.columns["cpu"])
        XCTAssertEqual(loaded.source, "dataset 'web' in \(dbPath())")
        // 7 times → 2 columns × 7 cells, NaN cells stored as NULL.
        XCTAssertEqual(try count("samples", in: dbPath()), 14)
        let nulls = try Connection(path: dbPath(), create: false)
            .scalarInt64("SELECT count(*) FROM samples WHERE value IS NULL")
        XCTAssertEqual(nulls, 3)
        // Gaps 15,15,15,15,30,15 s: median 15 s.
        XCTAssertEqual(info.stepMs, 15_000)
        XCTAssertEqual(info.rows, 7)
        XCTAssertEqual(info.startMs, 1_700_000_000_000)
        XCTAssertEqual(info.endMs, 1_700_000_105_000)
        XCTAssertEqual(info.columns, ["cpu", "rps"])
        XCTAssertEqual(info.source, "web.csv")
    }

    func testListIsSortedByNameWithSpansStepsAndColumns() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        XCTAssertEqual(try store.list(), [])
        // Gaps 10, 20, 30, 40 ms: the lower median is 20.
        try store.importTrace(
            RawTrace(times: [0, 10, 30, 60, 100], columns: ["x": [1, 2, 3, 4, 5]], source: "b.csv"),
            name: "zeta", replace: false)
        try store.importTrace(
            RawTrace(times: [5_000], columns: ["b": [1], "a": [2]], source: "a.csv"), name: "alpha", replace: false)
        let list = try store.list()
        XCTAssertEqual(list.map(\.name), ["alpha", "zeta"])
        XCTAssertEqual(list[0].columns, ["a", "b"])
        XCTAssertEqual(list[0].rows, 1)
        XCTAssertEqual(list[0].startMs, 5_000)
        XCTAssertEqual(list[0].endMs, 5_000)
        XCTAssertNil(list[0].stepMs)
        XCTAssertEqual(list[1].rows, 5)
        XCTAssertEqual(list[1].stepMs, 20)
        XCTAssertEqual(list[1].startMs, 0)
        XCTAssertEqual(list[1].endMs, 100)
        XCTAssertEqual(try store.names(), ["alpha", "zeta"])
        XCTAssertTrue(list[0].importedAt.hasSuffix("Z"), list[0].importedAt)
    }

    func testDuplicateNameIsRefusedAndReplaceOverwrites() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        try store.importTrace(makeTrace(), name: "web", replace: false)
        let error = storeError { try store.importTrace(makeTrace(), name: "web", replace: false) }
        XCTAssertEqual(error?.kind, .duplicateDataset)
        XCTAssertTrue(error?.description.contains("--replace") ?? false, error?.description ?? "")
        XCTAssertTrue(error?.description.hasPrefix(dbPath() + ": ") ?? false)

        let smaller = RawTrace(times: [10, 20], columns: ["rps": [4, 5]], source: "new.csv")
        let info = try store.importTrace(smaller, name: "web", replace: true)
        XCTAssertEqual(info.rows, 2)
        let loaded = try store.load(name: "web")
        XCTAssertEqual(loaded.times, [10, 20])
        XCTAssertEqual(loaded.columns, ["rps": [4, 5]])
        // The old dataset's rows are gone, not orphaned.
        XCTAssertEqual(try count("samples", in: dbPath()), 2)
        XCTAssertEqual(try count("dataset_columns", in: dbPath()), 1)
        XCTAssertEqual(try count("datasets", in: dbPath()), 1)
    }

    func testMissingDatasetListsTheStoredNames() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        let empty = storeError { _ = try store.load(name: "web") }
        XCTAssertEqual(empty?.kind, .missingDataset)
        XCTAssertTrue(empty?.description.contains("store is empty") ?? false, empty?.description ?? "")

        try store.importTrace(makeTrace(), name: "b-trace", replace: false)
        try store.importTrace(makeTrace(), name: "a-trace", replace: false)
        let error = storeError { _ = try store.load(name: "web") }
        XCTAssertEqual(error?.kind, .missingDataset)
        XCTAssertEqual(
            error?.description,
            "\(dbPath()): no dataset named 'web'; expected one of the stored datasets: a-trace, b-trace")
        XCTAssertEqual(storeError { try store.delete(name: "web") }?.kind, .missingDataset)
    }

    func testDeleteRemovesOnlyThatDataset() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        try store.importTrace(makeTrace(), name: "one", replace: false)
        try store.importTrace(RawTrace(times: [1], columns: ["v": [2]], source: "s"), name: "two", replace: false)
        try store.delete(name: "one")
        XCTAssertEqual(try store.names(), ["two"])
        XCTAssertEqual(try count("samples", in: dbPath()), 1)
        XCTAssertEqual(try count("dataset_columns", in: dbPath()), 1)
        XCTAssertEqual(try store.load(name: "two").columns, ["v": [2]])
        // Imports after a delete get fresh ids; every dataset still reads back whole.
        try store.importTrace(makeTrace(), name: "three", replace: false)
        try store.importTrace(RawTrace(times: [7, 8], columns: ["w": [9, .nan]], source: "s"), name: "four", replace: false)
        try store.delete(name: "three")
        try store.importTrace(makeTrace(), name: "five", replace: false)
        XCTAssertEqual(try store.load(name: "two").columns, ["v": [2]])
        XCTAssertEqual(try store.load(name: "four").times, [7, 8])
        XCTAssertTrue(try store.load(name: "four").columns["w"]?[1].isNaN ?? false)
        assertBitEqual(try store.load(name: "five").columns["rps"], awkward)
        XCTAssertEqual(try count("samples", in: dbPath()), 1 + 2 + 14)
    }

    func testFailedImportLeavesNothingBehind() throws {
        struct Boom: Error {}
        let store = try DatasetStore(path: dbPath(), create: true)
        // Fail after the first of two columns has been written.
        XCTAssertThrowsError(try store.importTrace(makeTrace(), name: "web", replace: false, progress: nil) { position in
            if position == 0 { throw Boom() }
        }) { XCTAssertTrue($0 is Boom, "\($0)") }
        XCTAssertEqual(try store.names(), [])
        for table in ["datasets", "dataset_columns", "samples"] {
            XCTAssertEqual(try count(table, in: dbPath()), 0, table)
        }

        // A failed replace keeps the old dataset whole.
        try store.importTrace(makeTrace(), name: "web", replace: false)
        let other = RawTrace(times: [1, 2], columns: ["a": [1, 2], "b": [3, 4]], source: "other.csv")
        XCTAssertThrowsError(try store.importTrace(other, name: "web", replace: true, progress: nil) { position in
            if position == 1 { throw Boom() }
        })
        let loaded = try store.load(name: "web")
        XCTAssertEqual(loaded.times, makeTrace().times)
        assertBitEqual(loaded.columns["rps"], awkward)
        XCTAssertEqual(try count("samples", in: dbPath()), 14)
        // And the store still works afterwards.
        try store.importTrace(other, name: "other", replace: false)
        XCTAssertEqual(try store.names(), ["other", "web"])
    }

    func testInvalidInputIsRefusedBeforeWriting() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        let good = makeTrace()
        for name in ["", "has space", "semi;colon", String(repeating: "a", count: 129), "ünïcode"] {
            XCTAssertEqual(storeError { try store.importTrace(good, name: name, replace: false) }?.kind, .invalidInput, name)
        }
        try store.importTrace(good, name: String(repeating: "a", count: 128), replace: false)

        let unsorted = RawTrace(times: [0, 20, 10], columns: ["v": [1, 2, 3]], source: "u.csv")
        let error = storeError { try store.importTrace(unsorted, name: "u", replace: false) }
        XCTAssertEqual(error?.kind, .invalidInput)
        XCTAssertTrue(error?.description.contains("row 2") ?? false, error?.description ?? "")
        let repeated = RawTrace(times: [0, 10, 10], columns: ["v": [1, 2, 3]], source: "r.csv")
        XCTAssertEqual(storeError { try store.importTrace(repeated, name: "r", replace: false) }?.kind, .invalidInput)
        let noColumns = RawTrace(times: [0, 10], columns: [:], source: "n.csv")
        XCTAssertEqual(storeError { try store.importTrace(noColumns, name: "n", replace: false) }?.kind, .invalidInput)
        XCTAssertEqual(try store.names(), [String(repeating: "a", count: 128)])
    }

    func testEmptyTraceRoundTrips() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        let info = try store.importTrace(RawTrace(times: [], columns: ["v": []], source: "e"), name: "e", replace: false)
        XCTAssertEqual(info.rows, 0)
        XCTAssertNil(info.startMs)
        XCTAssertNil(info.stepMs)
        let loaded = try store.load(name: "e")
        XCTAssertEqual(loaded.times, [])
        XCTAssertEqual(loaded.columns, ["v": []])
    }

    func testStaticConveniencesCreateTheFolder() throws {
        let path = folder.appendingPathComponent("nested/deeper/hindsight.sqlite").path
        try DatasetStore.importTrace(makeTrace(), name: "web", replace: false, dbPath: path)
        XCTAssertEqual(try DatasetStore.loadTrace(name: "web", dbPath: path).times, makeTrace().times)
    }

    func testDamagedRowsAreReportedNotTrusted() throws {
        let store = try DatasetStore(path: dbPath(), create: true)
        try store.importTrace(makeTrace(), name: "web", replace: false)
        let raw = try Connection(path: dbPath(), create: false)
        // Drop one cell of the second column: the columns no longer line up.
        try raw.execute("DELETE FROM samples WHERE id = (SELECT first_sample + 2 FROM dataset_columns WHERE name = 'rps')")
        let error = storeError { _ = try store.load(name: "web") }
        XCTAssertEqual(error?.kind, .inconsistent)
        XCTAssertTrue(error?.description.contains("'rps'") ?? false, error?.description ?? "")
        // A header promising more rows than stored.
        try store.importTrace(makeTrace(), name: "web2", replace: false)
        try raw.execute("UPDATE datasets SET rows = 99 WHERE name = 'web2'")
        XCTAssertEqual(storeError { _ = try store.load(name: "web2") }?.kind, .inconsistent)
        // Times edited out of order in both columns alike.
        try store.importTrace(makeTrace(), name: "web3", replace: false)
        try raw.execute("""
            UPDATE samples SET t = 0 WHERE id IN (SELECT first_sample + 3 FROM dataset_columns
              WHERE dataset_id = (SELECT id FROM datasets WHERE name = 'web3'))
            """)
        XCTAssertEqual(storeError { _ = try store.load(name: "web3") }?.kind, .inconsistent)
    }

    func testProgressReportsEvery65536CellsAndTheEnd() throws {
        let n = 70_000
        let raw = RawTrace(
            times: (0..<n).map { Int64($0) * 1_000 },
            columns: ["a": (0..<n).map(Double.init), "b": (0..<n).map { Double($0) / 3 }], source: "p")
        var reports: [[Int]] = []
        try DatasetStore(path: dbPath(), create: true).importTrace(raw, name: "p", replace: false) {
            reports.append([$0, $1])
        }
        // 140,000 cells: multiples of 65,536 below it, then the total.
        XCTAssertEqual(reports, [[65_536, 140_000], [131_072, 140_000], [140_000, 140_000]])
        let loaded = try DatasetStore.loadTrace(name: "p", dbPath: dbPath())
        XCTAssertEqual(loaded, RawTrace(times: raw.times, columns: raw.columns, source: loaded.source))
    }

    func testMedianSpacing() {
        XCTAssertNil(DatasetStore.medianSpacing([]))
        XCTAssertNil(DatasetStore.medianSpacing([5]))
        XCTAssertEqual(DatasetStore.medianSpacing([0, 7]), 7)
        // Gaps 1, 100, 2 → sorted 1, 2, 100 → 2.
        XCTAssertEqual(DatasetStore.medianSpacing([0, 1, 101, 103]), 2)
        // Gaps 10, 20, 30, 40 → lower median 20.
        XCTAssertEqual(DatasetStore.medianSpacing([0, 10, 30, 60, 100]), 20)
    }
}
