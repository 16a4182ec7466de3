import ArgumentParser
import HindsightReport

/// `--history PATH` / `--no-history`, shared by every command that records its runs
/// (`run`, `check`, `sweep`, `tune`): `@OptionGroup var history: HistoryFlags`.
struct HistoryFlags: ParsableArguments {
    @Option(name: .customLong("history"), help: ArgumentHelp(
        "The run history this command appends to (default: \(HistoryOptions.defaultPath), relative to the current directory).",
        valueName: "path"))
    var path: String?

    @Flag(name: .customLong("no-history"), help: "Record nothing in the run history.")
    var off = false

    func validate() throws {
        if off && path != nil { throw ValidationError("give --history PATH or --no-history, not both") }
        if let path, path.isEmpty { throw ValidationError("--history needs a file path") }
    }

    /// Where to record.
    var options: HistoryOptions { off ? .off : HistoryOptions(path: path ?? HistoryOptions.defaultPath) }

    /// Records `runs` of `command` with the command line as typed; an unwritable history is
    /// a warning on standard error, never a change of the exit code.
    func record(_ command: String, runs: [RecordedRun], startedAt: Int64) {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if case .failed(let message) = options.record(command: command, arguments: arguments, runs: runs, startedAt: startedAt) {
            printError("warning: run history not written: \(message)")
        }
    }
}
