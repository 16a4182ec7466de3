import Foundation
import XCTest
@testable import HindsightTrace

final class StoreConnectionTests: StoreTestCase {
    func testStatementBindsStepsAndReads() throws {
        let db = try Connection(path: ":memory:", create: true)
        try db.execute("CREATE TABLE t(i INTEGER, d, s TEXT, n)")
        let insert = try db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)")
        try insert.bind(Int64.min, at: 1)
        try insert.bind(-0.0, at: 2)
        try insert.bind("héllo", at: 3)
        try insert.bindNull(at: 4)
        XCTAssertFalse(try insert.step())
        try insert.reset()
        try insert.bind(Int64.max, at: 1)
        try insert.bind(Double.nan, at: 2)
        try insert.bind(Int64?.none, at: 3)
        XCTAssertFalse(try insert.step())
        XCTAssertEqual(db.changes, 1)

        let query = try db.prepare("SELECT i, d, s, n FROM t ORDER BY i")
        XCTAssertEqual(query.columnCount, 4)
        XCTAssertTrue(try query.step())
        XCTAssertEqual(query.int64(at: 0), Int64.min)
        XCTAssertEqual(query.double(at: 1).bitPattern, (-0.0).bitPattern)
        XCTAssertEqual(query.string(at: 2), "héllo")
        XCTAssertTrue(query.isNull(at: 3))
        XCTAssertNil(query.optionalInt64(at: 3))
        XCTAssertTrue(try query.step())
        XCTAssertEqual(query.int64(at: 0), Int64.max)
        XCTAssertTrue(query.doubleOrNaN(at: 1).isNaN)
        XCTAssertNil(query.string(at: 2))
        // Out-of-range columns read as NULL, no crash.
        XCTAssertTrue(query.isNull(at: 99))
        XCTAssertFalse(try query.step())
    }

    func testErrorsCarryTheSQLAndResultCode() throws {
        let db = try Connection(path: dbPath(), create: true)
        try db.execute("CREATE TABLE t(k INTEGER PRIMARY KEY NOT NULL, v) WITHOUT ROWID")
        let insert = try db.prepare("INSERT INTO t(k, v) VALUES (?1, ?2)")
        try insert.bind(Int64(1), at: 1)
        _ = try insert.step()
        try insert.reset()
        let duplicate = storeError { _ = try insert.step() }
        XCTAssertEqual(duplicate?.kind, .sqlite)
        XCTAssertEqual(duplicate?.resultCode, 1_555)  // SQLITE_CONSTRAINT_PRIMARYKEY
        XCTAssertEqual(duplicate?.sql, "INSERT INTO t(k, v) VALUES (?1, ?2)")
        XCTAssertTrue(duplicate?.description.contains("UNIQUE constraint failed") ?? false, duplicate?.description ?? "")
        XCTAssertTrue(duplicate?.description.hasPrefix(dbPath()) ?? false)

        let bad = storeError { _ = try db.prepare("SELEKT 1") }
        XCTAssertEqual(bad?.resultCode, 1)  // SQLITE_ERROR
        XCTAssertEqual(bad?.sql, "SELEKT 1")
        // reset reports the failure of the last step again.
        XCTAssertEqual(storeError { try insert.reset() }?.resultCode, 1_555)
        XCTAssertEqual(storeError { try insert.bind(Int64(1), at: 3) }?.resultCode, 25)  // SQLITE_RANGE
    }

    func testTransactionCommitsOrRollsBack() throws {
        struct Boom: Error {}
        let db = try Connection(path: dbPath(), create: true)
        try db.execute("CREATE TABLE t(a INTEGER)")
        let sum = try db.transaction { () throws -> Int in
            try db.execute("INSERT INTO t VALUES (1), (2)")
            return 3
        }
        XCTAssertEqual(sum, 3)
        XCTAssertFalse(db.isInTransaction)
        XCTAssertThrowsError(try db.transaction {
            try db.execute("INSERT INTO t VALUES (100)")
            throw Boom()
        }) { XCTAssertTrue($0 is Boom) }
        XCTAssertFalse(db.isInTransaction)
        XCTAssertEqual(try db.scalarInt64("SELECT sum(a) FROM t"), 3)
        // Seen from another connection too.
        XCTAssertEqual(try Connection(path: dbPath(), create: false).scalarInt64("SELECT count(*) FROM t"), 2)
    }

    func testUserVersionRoundTrips() throws {
        let db = try Connection(path: ":memory:", create: true)
        XCTAssertEqual(try db.userVersion, 0)
        try db.setUserVersion(42)
        XCTAssertEqual(try db.userVersion, 42)
    }

    func testTimestampFormatting() {
        XCTAssertEqual(StoreTimestamp.format(0), "1970-01-01T00:00:00Z")
        // 2000-02-29 (a leap day of a century leap year) = 11016 days × 86400 s.
        XCTAssertEqual(StoreTimestamp.format(951_782_400_000), "2000-02-29T00:00:00Z")
        XCTAssertEqual(StoreTimestamp.format(951_782_400_000 + 86_399_250), "2000-02-29T23:59:59.250Z")
        XCTAssertEqual(StoreTimestamp.format(-1), "1969-12-31T23:59:59.999Z")
        // 2026-11-26 = 20_783 days after the epoch.
        XCTAssertEqual(StoreTimestamp.format(20_783 * 86_400_000 + 3_723_000), "2026-11-26T01:02:03Z")
        XCTAssertEqual(StoreTimestamp.duration(15_000), "15s")
        XCTAssertEqual(StoreTimestamp.duration(5_400_000), "1h30m")
        XCTAssertEqual(StoreTimestamp.duration(250), "250ms")
        XCTAssertEqual(StoreTimestamp.duration(86_400_000), "1d")
        XCTAssertEqual(StoreTimestamp.duration(0), "0s")
        XCTAssertEqual(StoreTimestamp.duration(-60_000), "-1m")
        XCTAssertEqual(StoreTimestamp.duration(Int64.min).first, "-")
    }
}
