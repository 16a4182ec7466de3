import ArgumentParser

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "(not built yet)")
    func run() throws {
        throw CLIFailure.internalError("'stats' is not built yet")
    }
}
