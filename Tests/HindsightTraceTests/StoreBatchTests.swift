import Foundation
import XCTest
@testable import HindsightTrace

/// The batched sample INSERTs of an import: whole batches, a remainder, fewer rows than a
/// batch, and batch sizes held to SQLite's parameter limit.
final class StoreBatchTests: StoreTestCase {
    /// A trace of `rows` rows, two columns: `a` counts 0.5, 1.5, … with −0.0 at row 0 and
    /// NaN every 7th row; `b` carries ±∞, the smallest subnormal, −0.0 and NaN at the rows
    /// named in `marks` (ends of batches) and i/3 elsewhere.
    func trace(rows: Int, marks: [Int] = []) -> RawTrace {
        let specials: [Double] = [-0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 0.1 + 0.2]
        var a = (0..<rows).map { Double($0) + 0.5 }
        var b = (0..<rows).map { Double($0) / 3 }
        for row in stride(from: 0, to: rows, by: 7) { a[row] = .nan }
        if rows > 1 { a[1] = -0.0 }
        for (index, row) in marks.enumerated() where row >= 0 && row < rows {
            b[row] = specials[index % specials.count]
        }
        return RawTrace(
            times: (0..<rows).map { 1_700_000_000_000 + Int64($0) * 15_000 },
            columns: ["a": a, "b": b], source: "batch.csv")
    }

    /// Imports `raw`, reopens the file and checks that every time and every value bit comes
    /// back, that the file holds one row per cell with NULL exactly for NaN, and that each
    /// column's id range holds exactly its rows.
    func assertRoundTrip(_ raw: RawTrace, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try DatasetStore(path: dbPath(), create: true).importTrace(raw, name: name, replace: false)
        let loaded = try DatasetStore(path: dbPath(), create: false).load(name: name)
        XCTAssertEqual(loaded.times, raw.times, file: file, line: line)
        XCTAssertEqual(loaded.columnNames, raw.columnNames, file: file, line: line)
        for column in raw.columnNames {
            assertBitEqual(loaded.columns[column], raw.columns[column], file: file, line: line)
        }
        let db = try Connection(path: dbPath(), create: false)
        let nanCount = raw.columns.values.reduce(0) { $0 + $1.filter(\.isNaN).count }
        let where_ = "id BETWEEN (SELECT min(first_sample) FROM dataset_columns c JOIN datasets d ON d.id = c.dataset_id WHERE d.name = '\(name)')"
            + " AND (SELECT max(last_sample) FROM dataset_columns c JOIN datasets d ON d.id = c.dataset_id WHERE d.name = '\(name)')"
        XCTAssertEqual(
            try db.scalarInt64("SELECT count(*) FROM samples WHERE \(where_)"),
            Int64(raw.times.count * raw.columnNames.count), file: file, line: line)
        XCTAssertEqual(
            try db.scalarInt64("SELECT count(*) FROM samples WHERE value IS NULL AND \(where_)"),
            Int64(nanCount), file: file, line: line)
        let spans = try db.prepare("""
            SELECT last_sample - first_sample + 1 FROM dataset_columns c JOIN datasets d ON d.id = c.dataset_id
            WHERE d.name = ?1 ORDER BY position
            """)
        try spans.bind(name, at: 1)
        while try spans.step() {
            XCTAssertEqual(spans.int64(at: 0), Int64(raw.times.count), file: file, line: line)
        }
    }

    func testBatchSizeFollowsTheParameterLimit() {
        // Two parameters a row: the limit halves, the default batch caps it, never below 1.
        XCTAssertEqual(DatasetStore.batchRows(variableLimit: 32_766), 512)
        XCTAssertEqual(DatasetStore.batchRows(variableLimit: 1_024), 512)
        XCTAssertEqual(DatasetStore.batchRows(variableLimit: 999), 499)
        XCTAssertEqual(DatasetStore.batchRows(variableLimit: 7), 3)
        XCTAssertEqual(DatasetStore.batchRows(variableLimit: 2), 1)
        XCTAssertEqual(DatasetStore.batchRows(variableLimit: 0), 1)
    }

    func testInsertSQLHasTwoParametersPerRow() throws {
        XCTAssertEqual(DatasetStore.sampleInsertSQL(rows: 1), "INSERT INTO samples(t, value) VALUES (?,?)")
        XCTAssertEqual(
            DatasetStore.sampleInsertSQL(rows: 3), "INSERT INTO samples(t, value) VALUES (?,?),(?,?),(?,?)")
        // The full-size statement compiles within SQLite's limit on this system.
        let db = try Connection(path: ":memory:", create: true)
        try db.execute("CREATE TABLE samples (id INTEGER PRIMARY KEY, t INTEGER NOT NULL, value)")
        let batch = DatasetStore.batchRows(variableLimit: db.variableLimit)
        XCTAssertNoThrow(try db.prepare(DatasetStore.sampleInsertSQL(rows: batch)))
    }

    func testRowCountNotAMultipleOfTheBatchRoundTrips() throws {
        let batch = DatasetStore.sampleBatchRows
        let rows = 2 * batch + 37
        let marks = [batch - 1, batch, batch + 1, 2 * batch - 1, 2 * batch, rows - 1]
        try assertRoundTrip(trace(rows: rows, marks: marks), name: "odd")
        // A second import gets the ids after the first and reads back as well.
        try assertRoundTrip(trace(rows: batch + 1, marks: [0, batch - 1, batch]), name: "odd2")
        XCTAssertEqual(try count("samples", in: dbPath()), Int64(2 * rows + 2 * (batch + 1)))
    }

    func testFewerRowsThanABatchRoundTrip() throws {
        let batch = DatasetStore.sampleBatchRows
        try assertRoundTrip(trace(rows: batch - 1, marks: [0, 1, batch - 2]), name: "short")
        try assertRoundTrip(trace(rows: 1, marks: [0]), name: "one")
        try assertRoundTrip(trace(rows: 2, marks: [1, 0]), name: "two")
    }

    func testExactMultipleOfTheBatchRoundTrips() throws {
        let batch = DatasetStore.sampleBatchRows
        try assertRoundTrip(trace(rows: 2 * batch, marks: [batch - 1, batch, 2 * batch - 1]), name: "even")
    }

    func testLoweredParameterLimitShrinksTheBatch() throws {
        // 7 parameters allow 3 rows a statement: 10 rows are 3 + 3 + 3 + 1 per column.
        let store = try DatasetStore(path: dbPath(), create: true)
        store.connection.setVariableLimit(7)
        XCTAssertEqual(store.connection.variableLimit, 7)
        let raw = trace(rows: 10, marks: [2, 3, 8, 9])
        try store.importTrace(raw, name: "small", replace: false)
        // 9 parameters: 4 rows a statement, 9 rows are 4 + 4 + 1. (Below 7 the datasets
        // row itself, 7 parameters, could not be written.) Unbatched, either import would
        // need 20 or 18 parameters in one statement and fail.
        store.connection.setVariableLimit(9)
        let other = trace(rows: 9, marks: [0, 3, 4, 8])
        try store.importTrace(other, name: "other", replace: false)
        for (name, expected) in [("small", raw), ("other", other)] {
            let loaded = try DatasetStore.loadTrace(name: name, dbPath: dbPath())
            XCTAssertEqual(loaded.times, expected.times, name)
            assertBitEqual(loaded.columns["a"], expected.columns["a"])
            assertBitEqual(loaded.columns["b"], expected.columns["b"])
        }
        XCTAssertEqual(try count("samples", in: dbPath()), 2 * 10 + 2 * 9)
    }

    func testFailureInALaterBatchRollsBackEverything() throws {
        // A trigger makes the INSERT fail when it reaches a chosen time, inside the second
        // batch of the second column: nothing of the import may stay.
        let batch = DatasetStore.sampleBatchRows
        let raw = trace(rows: 2 * batch + 5)
        let store = try DatasetStore(path: dbPath(), create: true)
        try store.importTrace(trace(rows: 3), name: "kept", replace: false)
        let badTime = raw.times[batch + 10]
        try store.connection.execute("""
            CREATE TEMP TRIGGER refuse BEFORE INSERT ON samples
            WHEN NEW.t = \(badTime) AND NEW.value = \(raw.columns["b"]?[batch + 10] ?? 0)
            BEGIN SELECT RAISE(ABORT, 'refused'); END
            """)
        let error = storeError { try store.importTrace(raw, name: "lost", replace: false) }
        XCTAssertEqual(error?.kind, .sqlite)
        XCTAssertTrue(error?.description.contains("refused") ?? false, error?.description ?? "")
        XCTAssertEqual(try store.names(), ["kept"])
        XCTAssertEqual(try count("samples", in: dbPath()), 2 * 3)
        XCTAssertEqual(try count("dataset_columns", in: dbPath()), 2)
    }
}
