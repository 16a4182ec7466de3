import ArgumentParser

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
            GenerateCommand.self, StatsCommand.self, BenchCommand.self,
        ]
    )
}
