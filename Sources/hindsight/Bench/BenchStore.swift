import Foundation
import HindsightTrace

extension BenchRegistry {
    /// Benchmarks of the store area: 1 M (Int64 time, Double value) rows through the real
    /// import and load paths of ``DatasetStore`` (multi-row INSERTs of 512 rows prepared once,
    /// bound and stepped per batch, one transaction, WAL). `bench/sqlite_peers.py` runs Python's sqlite3 on the same schema
    /// and row count side by side.
    static let storeCases: [BenchCase] = [
        BenchCase(name: "sqlite_insert", defaultSize: 1_000_000) { n in
            let raw = BenchStoreData.trace(rows: n)
            let file = try BenchTempStore(name: "insert")
            return BenchBody(units: Double(n)) {
                // A fresh database per repetition: open, create the schema, import, close.
                file.removeFiles()
                let info = try DatasetStore.importTrace(raw, name: "bench", replace: false, dbPath: file.path)
                file.removeFiles()
                return Double(info.rows)
            }
        },
        BenchCase(name: "sqlite_read", defaultSize: 1_000_000) { n in
            let file = try BenchTempStore(name: "read")
            file.removeFiles()
            try DatasetStore.importTrace(BenchStoreData.trace(rows: n), name: "bench", replace: false, dbPath: file.path)
            return BenchBody(units: Double(n)) {
                // Open, read every row back into arrays, close.
                let raw = try DatasetStore.loadTrace(name: "bench", dbPath: file.path)
                let values = raw.columns["value"] ?? []
                return Double(raw.times.last ?? 0) + (values.last ?? 0) + Double(values.count)
            }
        },
    ]
}

/// The data of the store benchmarks, the same as `bench/sqlite_peers.py` makes.
enum BenchStoreData {
    /// `rows` samples 15 s apart from 2026-01-01T00:00:00Z, column `value` =
    /// `(i × 7919 mod 1000003) / 1000 + 0.5` (non-integral, so stored as 8-byte reals).
    static func trace(rows: Int) -> RawTrace {
        let start: Int64 = 1_767_225_600_000
        var times = [Int64](repeating: 0, count: rows)
        var values = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            times[i] = start + Int64(i) * 15_000
            values[i] = Double(Int64(i) * 7_919 % 1_000_003) / 1_000 + 0.5
        }
        return RawTrace(times: times, columns: ["value": values], source: "bench")
    }
}

/// A store file in a private temporary folder, removed with the folder when the benchmark
/// body that holds it is released.
final class BenchTempStore: Sendable {
    let folder: String
    let path: String

    init(name: String) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hindsight-bench-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/bench.sqlite"
    }

    /// Deletes the database and its WAL and shared-memory files.
    func removeFiles() {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
