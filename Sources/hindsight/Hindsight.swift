import ArgumentParser
import Foundation

@main
struct Hindsight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hindsight",
        abstract: "Replay recorded metric traces under autoscaling policies and tell what would have happened.",
        discussion: """
            Exit codes: 0 success; 1 a check or budget failed; 2 bad input or usage; 3 an internal error.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, ValidateCommand.self, ImportCommand.self, DatasetsCommand.self,
            GenerateCommand.self, StatsCommand.self, BenchCommand.self, CheckCommand.self,
            SweepCommand.self, TuneCommand.self, MergeCommand.self, HistoryCommand.self, LintCommand.self,
        ]
    )

    /// Parses and runs the command, with CLI.md's exit codes: a usage error (unknown
    /// flag, missing argument, failed `validate()`) exits 2, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
