import ArgumentParser
import Foundation
import HindsightReport
import HindsightTrace

/// `hindsight history`: the runs recorded by `run`, `check`, `sweep` and `tune`.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the recorded runs, or compare two of them metric by metric.",
        discussion: """
            Every `run`, `check`, `sweep` and `tune` that succeeds appends its policy runs
            to a SQLite run history (default reports/history.sqlite, relative to the current
            directory), one transaction per command: the scenario's and the policy's
            content SHA-256, the git commit of the scenario's repository (HEAD, or none
            outside a repository), the trace span, the time, and every number of the run's
            summary.json.

            Without --compare, lists runs newest first: id, time (UTC), command, scenario,
            policy, commit, cost, SLO violation and emissions. With --compare A B, prints
            everything recorded about runs A and B and every metric side by side with the
            change B − A and the change in % of A.

            Examples:
              hindsight history
              hindsight history --scenario demo --policy checkout-api --limit 5
              hindsight history --compare 3 7
              hindsight history --compare 3 7 --json
            """
    )

    @Option(help: ArgumentHelp("The run history to read.", valueName: "path"))
    var history: String = HistoryOptions.defaultPath

    @Option(help: "Only runs of the scenario with this name (metadata.name).")
    var scenario: String?

    @Option(help: "Only runs of the policy with this name (as in summary.json).")
    var policy: String?

    @Option(help: "At most this many runs, newest first.")
    var limit: Int = 50

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two runs by id: --compare A B.", valueName: "id"))
    var compare: [Int64] = []

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        if !compare.isEmpty && compare.count != 2 {
            throw ValidationError("--compare takes two run ids, got \(compare.count)")
        }
        if !compare.isEmpty && (scenario != nil || policy != nil) {
            throw ValidationError("--compare names its runs by id; leave out --scenario and --policy")
        }
    }

    func run() throws {
        do {
            guard FileManager.default.fileExists(atPath: history) || !compare.isEmpty else {
                // Nothing recorded yet is not an error for a listing.
                print(json ? HistoryReport.listJSON([]) : "no run history at \(history) yet (run `hindsight run` first)", terminator: json ? "" : "\n")
                return
            }
            let store = try RunHistory(path: history, create: false)
            if compare.count == 2 {
                var found: [RunHistory.Row] = []
                for id in compare {
                    guard let row = try store.run(id: id) else {
                        throw InputMessage("\(history): no run with id \(id); expected an id listed by `hindsight history`")
                    }
                    found.append(row)
                }
                print(json ? HistoryReport.compareJSON(found[0], found[1]) : HistoryReport.compare(found[0], found[1]),
                      terminator: json ? "" : "\n")
                return
            }
            let rows = try store.runs(scenario: scenario, policy: policy, limit: limit)
            print(json ? HistoryReport.listJSON(rows) : HistoryReport.list(rows), terminator: json ? "" : "\n")
        } catch {
            throw failureExit(for: error)
        }
    }
}
