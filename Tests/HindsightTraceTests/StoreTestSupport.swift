import Foundation
import XCTest
@testable import HindsightTrace

/// A fresh folder under the system temporary folder, removed by `StoreTestCase.tearDown`.
class StoreTestCase: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hindsight-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// A path inside the test folder.
    func dbPath(_ name: String = "store.sqlite") -> String { folder.appendingPathComponent(name).path }

    /// Runs `body`, which must throw a `StoreError`; returns it.
    func storeError(
        _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
    ) -> StoreError? {
        do {
            try body()
            XCTFail("expected a StoreError, nothing was thrown", file: file, line: line)
        } catch let error as StoreError {
            return error
        } catch {
            XCTFail("expected a StoreError, got \(error)", file: file, line: line)
        }
        return nil
    }

    /// Asserts that two columns are equal bit for bit, NaN matching NaN.
    func assertBitEqual(
        _ a: [Double]?, _ b: [Double]?, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let a, let b else { return XCTFail("missing column", file: file, line: line) }
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) {
            if x.isNaN {
                XCTAssertTrue(y.isNaN, "expected NaN, got \(y)", file: file, line: line)
            } else {
                XCTAssertEqual(x.bitPattern, y.bitPattern, "\(x) came back as \(y)", file: file, line: line)
            }
        }
    }

    /// Row count of `table` in the file at `path`, read with a separate connection.
    func count(_ table: String, in path: String) throws -> Int64 {
        try Connection(path: path, create: false).scalarInt64("SELECT count(*) FROM \(table)") ?? -1
    }
}
