import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay a scenario's trace under each of its policies and write the run's files.",
        discussion: """
            Every policy of the scenario (or those named with --policy) runs in its own
            simulation over the same trace. The run writes into --out (default
            reports/<scenario name>/):

              summary.json             one object per policy (cost, energy, emissions, SCI,
                                       SLO violation, churn, latency fidelity, warnings)
              summary.csv              the same, one row per policy
              timeseries-<policy>.csv  one row per trace step (--timeseries hourly: per
                                       UTC hour; --timeseries none: not written)
              decisions-<policy>.csv   every scaling decision and why
              report.html              a self-contained page with charts (opens offline)
              summary.md               a Markdown table for a pull-request comment
              focus.csv                with --export focus: FinOps FOCUS 1.1 cost rows,
                                       one per policy per hour (BilledCost, ListCost, …)

            The files are written into a hidden sibling folder (.<name>.tmp-XXXXXX) that
            replaces --out in one step at the end, so a failed or killed run leaves the
            previous folder as it was, never a mix of two runs; a leftover .tmp- folder
            is not a result (it is removed by a later run after an hour). --out must be
            new, empty, or an earlier output (it holds summary.json): it is replaced
            whole. A summary table is printed on standard output.

            Rows go to disk as each simulation advances, so memory does not grow with
            the length of the trace (a year at 15 s with four policies stays under
            500 MB); report.html is drawn from the same stream.

            Once the files are written, the run is appended to the run history
            (reports/history.sqlite unless --history PATH or --no-history; see
            `hindsight history`). A run that fails records nothing; a history that cannot
            be written is a warning and leaves the exit code as it was.

            Examples:
              hindsight run scenarios/demo.yaml
              hindsight run scenarios/demo.yaml --policy checkout-api --out /tmp/hpa
            """
    )

    @Argument(help: "The scenario file (apiVersion: hindsight/v1, kind: Scenario).")
    var scenario: String

    @Option(help: "Output folder (default: reports/<scenario name>/).")
    var out: String?

    @Option(name: .customLong("policy"), help: "Run only the policy with this name (repeatable).")
    var policies: [String] = []

    @OptionGroup var parallel: JobsFlag

    @Flag(help: "Make a hosted aiAgent.modelRef (which cannot run offline) an error instead of a warning.")
    var strict = false

    @OptionGroup var agents: AllowExecFlag

    @OptionGroup var series: TimeseriesFlag

    @OptionGroup var output: QuietFlag

    @OptionGroup(title: "Run history")
    var history: HistoryFlags

    @OptionGroup var export: ExportFlag

    func run() throws {
        let startedAt = HistoryOptions.now()
        do {
            let loaded = try ScenarioLoader.load(path: scenario)
            let selected = try loaded.policies(named: policies)
            let prepared = try PreparedScenario(scenario: loaded)
            // The scenario's name is cleaned like a policy file name: it can never leave reports/.
            let directory = out ?? "reports/\(PolicySpec(name: loaded.name, kind: .observed).fileName)"
            // The runs stream their rows into the temporary folder as they advance.
            let (result, written) = try AtomicFolder.write(to: directory, markers: ["summary.json"]) {
                try ReportWriter.run(prepared, policies: selected, jobs: parallel.workers, strict: strict,
                                     exec: .run(loaded, allowExec: agents.allowExec), timeseries: series.timeseries,
                                     focus: export.focus, to: $0)
            }
            history.record("run", runs: RecordedRun.runs(of: result, policies: selected), startedAt: startedAt)
            if !output.quiet {
                print(RunSummaryTable.render(result))
                print("wrote \(written.count) files to \(directory)/ (open \(directory)/report.html)")
            }
        } catch {
            throw failureExit(for: error)
        }
    }
}
