import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of `sweep --shard` into the files of the whole sweep.",
        discussion: """
            Each DIR is a shard's folder (holding sweep-part.csv and manifest.json) or a folder
            of such folders (shard-I-of-N/). Every shard 0…N-1 must be there exactly once, from
            the same scenario and policy file (their content hash is checked). The scenario is
            read again from the path in the manifests (or --scenario) to run the current policy
            and the chosen point with their time series. The files written are byte for byte
            those of the unsharded sweep; shards run with --timeseries bring their points'
            timeseries/point-<index>.csv files, which are copied.

            Examples:
              hindsight merge /results/parts --out /results/sweep
            """
    )

    @Argument(help: ArgumentHelp("Shard folders, or folders holding shard-I-of-N/ folders.", valueName: "dir"))
    var directories: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "The scenario file, when not at the path the manifests give.")
    var scenario: String?

    @OptionGroup var export: ExportFlag

    @OptionGroup var agents: AllowExecFlag

    @OptionGroup var output: QuietFlag

    func run() throws {
        do {
            let parts = try ShardParts.read(directories)
            let first = parts[0].manifest
            let path = scenario ?? first.scenario
            let loaded = try ScenarioLoader.load(path: path)
            let study = try SweepStudy(scenario: loaded, holdoutPercent: first.holdoutPercent, sample: first.sample,
                                       seed: first.seed ?? 0, allowExec: agents.allowExec)
            let scenarioBytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            guard SweepManifest.hash(scenario: scenarioBytes, policy: study.target.bytes) == first.contentHash else {
                throw InputMessage("\(path): the scenario or its policy file changed since the shards ran; expected the files the shards swept")
            }
            let rows = parts.flatMap(\.rows).sorted { $0.point < $1.point }
            guard rows.map(\.point) == study.points else {
                throw InputMessage("merge: the parts hold \(rows.count) points, the sweep has \(study.points.count); expected every point exactly once")
            }
            let outcome = try study.outcome(rows: rows, choice: study.defaultChoice)
            try AtomicFolder.write(to: out, markers: SweepFiles.markers) { staged in
                try SweepOptions.write(outcome, export: export, into: staged)
                if first.timeseries != nil { try ShardParts.copySeries(parts, into: staged + "/" + SweepOptions.seriesFolder) }
            }
            if !output.quiet {
                print(SweepCLI.report(outcome))
                let series = first.timeseries == nil ? "" : " and \(rows.count) time series (\(SweepOptions.seriesFolder)/)"
                print("merged \(parts.count) shards, wrote \(export.focus ? 5 : 4) files\(series) to \(out)/ (open \(out)/report.html)")
            }
        } catch {
            throw failureExit(for: error)
        }
    }
}
