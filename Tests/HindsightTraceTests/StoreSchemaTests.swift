import Foundation
import XCTest
@testable import HindsightTrace

final class StoreSchemaTests: StoreTestCase {
    func testNewStoreIsAtTheCurrentVersionInWALMode() throws {
        _ = try DatasetStore(path: dbPath(), create: true)
        let db = try Connection(path: dbPath(), create: false)
        XCTAssertEqual(try db.userVersion, 1)
        XCTAssertEqual(StoreSchema.current, 1)
        XCTAssertEqual(try db.scalarInt64("PRAGMA application_id"), 0x4853_4453)
        let mode = try db.prepare("PRAGMA journal_mode")
        XCTAssertTrue(try mode.step())
        XCTAssertEqual(mode.string(at: 0), "wal")
        XCTAssertEqual(try db.scalarInt64("PRAGMA page_size"), 65_536)
    }

    func testVersionZeroFileIsUpgraded() throws {
        // An empty SQLite file (version 0, no tables), as `sqlite3 FILE` would make.
        let db = try Connection(path: dbPath(), create: true)
        try db.execute("PRAGMA page_size = 4096; VACUUM")
        XCTAssertEqual(try db.userVersion, 0)
        let store = try DatasetStore(path: dbPath(), create: false)
        XCTAssertEqual(try db.userVersion, StoreSchema.current)
        try store.importTrace(RawTrace(times: [1, 2], columns: ["v": [3, 4]], source: "s"), name: "v", replace: false)
        XCTAssertEqual(try store.load(name: "v").columns, ["v": [3, 4]])
        // A zero-byte file is also version 0.
        XCTAssertTrue(FileManager.default.createFile(atPath: dbPath("zero.sqlite"), contents: Data()))
        XCTAssertEqual(try DatasetStore(path: dbPath("zero.sqlite"), create: false).names(), [])
    }

    func testFutureVersionIsRefusedClearly() throws {
        _ = try DatasetStore(path: dbPath(), create: true)
        try Connection(path: dbPath(), create: false).setUserVersion(7)
        let error = storeError { _ = try DatasetStore(path: dbPath(), create: false) }
        XCTAssertEqual(error?.kind, .futureVersion)
        XCTAssertEqual(
            error?.description,
            "\(dbPath()): dataset store has schema version 7, newer than this hindsight understands (1); "
                + "expected a dataset store of schema version ≤ 1; use a newer hindsight")
        // Refusing did not touch the file.
        XCTAssertEqual(try Connection(path: dbPath(), create: false).userVersion, 7)
    }

    func testAnotherProgramsDatabaseIsNotTakenOver() throws {
        let db = try Connection(path: dbPath(), create: true)
        try db.execute("CREATE TABLE invoices(id INTEGER PRIMARY KEY)")
        let error = storeError { _ = try DatasetStore(path: dbPath(), create: true) }
        XCTAssertEqual(error?.kind, .notAStore)
        XCTAssertEqual(try db.scalarInt64("SELECT count(*) FROM sqlite_schema"), 1)
        // Same with a version but another application id.
        let other = try Connection(path: dbPath("other.sqlite"), create: true)
        try other.execute("CREATE TABLE t(a); PRAGMA user_version = 1")
        XCTAssertEqual(storeError { _ = try DatasetStore(path: self.dbPath("other.sqlite"), create: false) }?.kind, .notAStore)
    }

    func testGarbageFileIsNotAStore() throws {
        var bytes = [UInt8](repeating: 0, count: 8_192)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in bytes.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        XCTAssertTrue(FileManager.default.createFile(atPath: dbPath(), contents: Data(bytes)))
        let error = storeError { _ = try DatasetStore(path: dbPath(), create: false) }
        XCTAssertEqual(error?.kind, .notAStore)
        XCTAssertEqual(error?.resultCode, 26)  // SQLITE_NOTADB
        XCTAssertTrue(
            error?.description.hasPrefix("\(dbPath()): not a hindsight dataset store (file is not a database)") ?? false,
            error?.description ?? "")
        // The file was not changed.
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dbPath())), Data(bytes))

        // A valid SQLite header followed by garbage.
        var header = Array("SQLite format 3\0".utf8)
        header += bytes.dropFirst(header.count)
        XCTAssertTrue(FileManager.default.createFile(atPath: dbPath("half.sqlite"), contents: Data(header)))
        XCTAssertNotNil(storeError { _ = try DatasetStore(path: self.dbPath("half.sqlite"), create: false) })
    }

    func testMissingFileWithoutCreate() throws {
        let error = storeError { _ = try DatasetStore(path: dbPath("absent.sqlite"), create: false) }
        XCTAssertEqual(error?.kind, .missingStore)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dbPath("absent.sqlite")))
    }
}
