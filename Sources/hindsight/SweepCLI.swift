import Foundation
import HindsightReport
import HindsightScenario
import HindsightTrace

/// What `sweep`, `tune` and `merge` print and the partial results they exchange.
enum SweepCLI {
    /// The lines printed after a sweep: the grid, the rule, the choice, and the
    /// before/after tables (tuning steps, then the hold-out).
    static func report(_ o: SweepOutcome) -> String {
        var out = "\(o.scenario.name): \(SweepMarkdown.gridLine(o))\n"
        out += SweepMarkdown.ruleLine(o) + "\n" + SweepMarkdown.choiceLine(o) + "\n\n"
        out += "tuning steps: " + SweepMarkdown.spanLine(o.tuned) + "\n" + RunSummaryTable.render(o.tuned)
        if let holdout = o.holdout {
            out += "\nhold-out backtest, last \(SweepMarkdown.percentText(o.holdoutPercent ?? 0)) of the trace: "
            out += SweepMarkdown.spanLine(holdout) + "\n" + RunSummaryTable.render(holdout)
        }
        return out
    }

    /// The manifest of a shard of `study`.
    static func manifest(_ study: SweepStudy, scenarioPath: String, shard: SweepShard, points: Int,
                         sample: Int?, seed: UInt64, timeseries: TimeseriesMode) throws -> SweepManifest {
        let scenarioBytes = try Array(Data(contentsOf: URL(fileURLWithPath: scenarioPath)))
        return SweepManifest(scenario: scenarioPath,
                             contentHash: SweepManifest.hash(scenario: scenarioBytes, policy: study.target.bytes),
                             shard: shard.index, shards: shard.count, gridPoints: study.grid.count, shardPoints: points,
                             sample: sample, seed: sample == nil ? nil : seed, holdoutPercent: study.holdoutPercent,
                             parameters: study.target.paths, timeseries: timeseries == .none ? nil : timeseries.rawValue)
    }

    /// Files whose presence marks a folder as a shard's part (`AtomicFolder` markers).
    static let partMarkers = ["manifest.json", "sweep-part.csv"]

    /// Writes `sweep-part.csv` and then `manifest.json` (the manifest last: its presence
    /// says the part is complete) into `staged`, the temporary folder of an `AtomicFolder`
    /// that replaces the shard's folder whole.
    static func writePart(rows: [SweepRow], paths: [String], manifest: SweepManifest, into staged: String) throws {
        try AtomicFile.write(Array(SweepTable.render(paths: paths, rows: rows).utf8), to: staged + "/sweep-part.csv")
        try AtomicFile.write(manifest.render(), to: staged + "/manifest.json")
    }
}
