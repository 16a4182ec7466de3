import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run the scenario's spec.sweep grid: the policy file with each combination of values.",
        discussion: """
            Each point of the grid (the Cartesian product of the parameters' values; the
            first parameter varies slowest) is the policy file of spec.sweep with those
            values written into its scalars, run like `hindsight run` on the one prepared
            scenario. The current policy is always run too, as the reference. Writes into
            --out (default reports/<scenario name>-sweep/):

              sweep.csv     one row per point: point index, the parameter values, every summary metric
              pareto.csv    the points no other point beats on both cost (or emissions) and SLO violation
              summary.md    the chosen point against the current policy, for a pull request
              report.html   the Pareto chart and the chosen point's time series against the current policy

            The chosen point is the cheapest (spec.sweep.minimize) whose SLO violation is within
            spec.sweep.constraints; ties go to the lower point index.

            With --timeseries hourly|full, each point's time series also goes to
            timeseries/point-<index>.csv (the file `run` writes for that point's policy).
            With --export focus, focus.csv holds the FinOps FOCUS rows of the current policy
            and the chosen point (the two runs of report.html).

            --shard I/N runs only the points p with p % N == I (0-based) and writes a partial
            result (sweep-part.csv and manifest.json) into --out/shard-I-of-N/; `hindsight merge`
            combines the parts into the files above. --shard auto/N reads I from
            JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job).

            Examples:
              hindsight sweep scenarios/demo.yaml --out /tmp/demo-sweep
              hindsight sweep scenarios/demo.yaml --sample 20 --seed 7
              hindsight sweep scenarios/demo.yaml --timeseries hourly --out /tmp/demo-sweep
              hindsight sweep scenarios/demo.yaml --shard 0/4 --out /results/parts
            """
    )

    @OptionGroup var options: SweepOptions

    @OptionGroup(title: "Run history")
    var history: HistoryFlags

    @Option(help: ArgumentHelp("Run only the I-th of N interleaved slices of the points (0-based; auto/N reads I from JOB_COMPLETION_INDEX).", valueName: "I/N"))
    var shard: String?

    func run() throws {
        let startedAt = HistoryOptions.now()
        do {
            let shard = try self.shard.map { try SweepShard(parsing: $0, environment: ProcessInfo.processInfo.environment) }
            let study = try options.study()
            let directory = options.directory(study)
            if let shard {
                let points = shard.select(study.points)
                let folder = directory + "/" + shard.folderName
                let manifest = try SweepCLI.manifest(study, scenarioPath: options.scenario, shard: shard, points: points.count,
                                                     sample: options.sample, seed: options.seed, timeseries: options.timeseries)
                // The part is staged whole (its points' series stream into the staged folder).
                let rows = try AtomicFolder.write(to: folder, markers: SweepCLI.partMarkers) { staged in
                    let rows = try options.run(study, points: points, seriesInto: staged)
                    try SweepCLI.writePart(rows: rows, paths: study.target.paths, manifest: manifest, into: staged)
                    return rows
                }
                if !options.output.quiet { print("shard \(shard.index) of \(shard.count): \(rows.count) points, wrote \(folder)/") }
                return
            }
            let outcome = try AtomicFolder.write(to: directory, markers: SweepFiles.markers) { staged in
                let rows = try options.run(study, points: study.points, seriesInto: staged)
                let outcome = try study.outcome(rows: rows, choice: study.defaultChoice)
                try SweepOptions.write(outcome, export: options.export, into: staged)
                return outcome
            }
            history.record("sweep", runs: try SweepCLI.recordedRuns(outcome, study: study), startedAt: startedAt)
            if !options.output.quiet {
                print(SweepCLI.report(outcome))
                print("wrote \(options.filesLine(points: outcome.rows.count)) to \(directory)/ (open \(directory)/report.html)")
            }
        } catch {
            throw failureExit(for: error)
        }
    }
}
