import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Pick the best sweep point under the constraints and show (or write) the policy change.",
        discussion: """
            Runs the sweep of the scenario (writing its files, as `hindsight sweep` does) and
            chooses the point with the smallest objective (--minimize, default spec.sweep.minimize)
            whose SLO violation fraction is at most the constraint (--max-violation, default
            spec.sweep.constraints.sloViolationFraction.max); ties go to the lower point index.
            Prints the before/after table and a unified diff of the policy file. --write
            replaces the file with only the tuned scalars' bytes changed: comments, key order,
            quoting and line endings stay. --pr-body FILE writes a pull-request description.

            --holdout 25% tunes on the first 75 % of the trace steps and reports the chosen
            point and the current policy on the last 25 % too (a backtest).

            Exit codes: 0 a point was chosen; 1 no point meets the constraint (the least
            violation found is printed); 2 bad input.

            Examples:
              hindsight tune scenarios/demo.yaml
              hindsight tune scenarios/demo.yaml --holdout 25% --write --pr-body /tmp/pr.md
            """
    )

    @OptionGroup var options: SweepOptions

    @OptionGroup(title: "Run history")
    var history: HistoryFlags

    @Option(help: "What to make smallest: cost, emissions or replicas (default: spec.sweep.minimize).")
    var minimize: String?

    @Option(help: ArgumentHelp("Largest SLO violation fraction allowed, e.g. 0.1% or 0.001 (default: spec.sweep.constraints).", valueName: "fraction"))
    var maxViolation: String?

    @Flag(help: "Replace the policy file with the chosen values (only those scalars' bytes change).")
    var write = false

    @Option(help: ArgumentHelp("Write a Markdown pull-request description to this file.", valueName: "file"))
    var prBody: String?

    func run() throws {
        let startedAt = HistoryOptions.now()
        do {
            let study = try options.study()
            var choice = study.defaultChoice
            if let minimize {
                guard let objective = SweepSpec.Objective(rawValue: minimize) else {
                    throw InputMessage("--minimize: found '\(minimize)'; expected cost, emissions or replicas")
                }
                choice.objective = objective
            }
            if let maxViolation { choice.maxViolation = try PercentText.parse(maxViolation, option: "--max-violation") }
            let directory = options.directory(study)
            let outcome = try AtomicFolder.write(to: directory, markers: SweepFiles.markers) { staged in
                let rows = try options.run(study, points: study.points, seriesInto: staged)
                let outcome = try study.outcome(rows: rows, choice: choice)
                try SweepOptions.write(outcome, export: options.export, into: staged)
                return outcome
            }
            guard let row = outcome.chosenRow else {
                throw CLIFailure.checkFailed(SweepMarkdown.choiceLine(outcome) + " (\(SweepMarkdown.ruleLine(outcome)))")
            }
            let values = study.grid.values(at: row.point)
            let patched = try study.target.minimallyPatched(values)
            let diff = UnifiedDiff.render(old: String(decoding: study.target.bytes, as: UTF8.self),
                                          new: String(decoding: patched, as: UTF8.self), path: study.target.display)
            if write { try AtomicFile.write(patched, to: study.target.path) }
            if let prBody {
                try AtomicFile.write(PullRequestBody.render(outcome, report: directory + "/report.html"), to: prBody)
            }
            history.record("tune", runs: try SweepCLI.recordedRuns(outcome, study: study), startedAt: startedAt)
            if !options.output.quiet {
                print(SweepCLI.report(outcome))
                print(diff.isEmpty ? "the chosen point is the current policy: nothing to change" : diff, terminator: diff.isEmpty ? "\n" : "")
                if write && !diff.isEmpty { print("wrote \(study.target.display)") }
            }
        } catch {
            throw failureExit(for: error)
        }
    }
}
