import Foundation
import HindsightTrace

/// `manifest.json` of a shard's partial result: what was swept and how, so `merge` can
/// check that its parts belong together and rebuild the whole sweep.
public struct SweepManifest: Codable, Sendable, Equatable {
    /// Format version (1).
    public var version: Int = 1
    /// The scenario file as given on the command line (merge reads it from there).
    public var scenario: String
    /// SHA-256 of the scenario file's bytes followed by the policy file's.
    public var contentHash: String
    public var shard: Int
    public var shards: Int
    /// Points in the whole grid, and the points of this shard.
    public var gridPoints: Int
    public var shardPoints: Int
    public var sample: Int?
    public var seed: UInt64?
    public var holdoutPercent: Double?
    public var parameters: [String]
    /// `--timeseries` of the shard (`hourly` or `full`: its points' files are in `timeseries/`); nil for none.
    public var timeseries: String?

    public init(scenario: String, contentHash: String, shard: Int, shards: Int, gridPoints: Int, shardPoints: Int,
                sample: Int?, seed: UInt64?, holdoutPercent: Double?, parameters: [String], timeseries: String? = nil) {
        self.scenario = scenario; self.contentHash = contentHash; self.shard = shard; self.shards = shards
        self.gridPoints = gridPoints; self.shardPoints = shardPoints; self.sample = sample; self.seed = seed
        self.holdoutPercent = holdoutPercent; self.parameters = parameters; self.timeseries = timeseries
    }

    /// The manifest's text: JSON with sorted keys, one key per line.
    public func render() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Reads a manifest.
    /// - Throws: `InputMessage` naming `file` when it is not a manifest of this version.
    public static func parse(_ bytes: [UInt8], file: String) throws -> SweepManifest {
        do {
            let m = try JSONDecoder().decode(SweepManifest.self, from: Data(bytes))
            guard m.version == 1 else { throw InputMessage("\(file): manifest version \(m.version); expected 1") }
            return m
        } catch let e as InputMessage {
            throw e
        } catch {
            throw InputMessage("\(file): not a sweep manifest (\(error)); expected the manifest.json a `sweep --shard` wrote")
        }
    }

    /// The content hash of a scenario file and its sweep's policy file.
    public static func hash(scenario: [UInt8], policy: [UInt8]) -> String {
        ContentHash.sha256(scenario + policy)
    }
}
