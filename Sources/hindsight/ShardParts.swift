import Foundation
import HindsightReport
import HindsightTrace

/// The partial results `merge` reads: one per shard, checked to belong together.
struct ShardParts {
    var manifest: SweepManifest
    var rows: [SweepRow]
    /// The shard's folder.
    var folder: String

    /// The parts in `directories` (shard folders, or folders of `shard-*` folders), by shard index.
    /// - Throws: `InputMessage` for a folder without parts, manifests that disagree, or a
    ///   shard missing or given twice.
    static func read(_ directories: [String]) throws -> [ShardParts] {
        var folders: [String] = []
        let fm = FileManager.default
        for dir in directories {
            if fm.fileExists(atPath: dir + "/manifest.json") { folders.append(dir); continue }
            let children = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("shard-") }.sorted()
                .map { dir + "/" + $0 }.filter { fm.fileExists(atPath: $0 + "/manifest.json") }
            guard !children.isEmpty else {
                throw InputMessage("\(dir): no manifest.json in it or in its shard-* folders; expected the --out folder of `sweep --shard`")
            }
            folders += children
        }
        var parts: [ShardParts] = []
        for folder in folders {
            let manifestFile = folder + "/manifest.json", partFile = folder + "/sweep-part.csv"
            let manifest = try SweepManifest.parse(try bytes(manifestFile), file: manifestFile)
            let rows = try SweepTable.parse(String(decoding: try bytes(partFile), as: UTF8.self), paths: manifest.parameters, file: partFile)
            parts.append(ShardParts(manifest: manifest, rows: rows, folder: folder))
        }
        parts.sort { $0.manifest.shard < $1.manifest.shard }
        let first = parts[0].manifest
        for p in parts {
            var a = p.manifest, b = first
            // The scenario may be named differently in each pod; its content hash must agree.
            (a.shard, a.shardPoints, a.scenario) = (b.shard, b.shardPoints, b.scenario)
            guard a == b else {
                throw InputMessage("merge: shard \(p.manifest.shard) is from another sweep than shard \(first.shard) (scenario or policy content, grid or options differ); expected the shards of one sweep")
            }
        }
        guard parts.map(\.manifest.shard) == Array(0..<first.shards) else {
            throw InputMessage("merge: found shards \(parts.map { String($0.manifest.shard) }.joined(separator: ", ")) of \(first.shards); expected each of 0…\(first.shards - 1) exactly once")
        }
        return parts
    }

    /// Copies every part's point time series (`sweep --shard … --timeseries`) into `folder`.
    /// - Throws: `InputMessage` for a point whose file is missing, `FileWriteError`.
    static func copySeries(_ parts: [ShardParts], into folder: String) throws {
        try AtomicFile.createDirectory(folder)
        for part in parts {
            for row in part.rows {
                let name = SweepSeriesFiles.name(point: row.point)
                try AtomicFile.write(try bytes(part.folder + "/timeseries/" + name), to: folder + "/" + name)
            }
        }
    }

    private static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputMessage("\(path): cannot be read; expected a file `sweep --shard` wrote")
        }
        return Array(data)
    }
}
