import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "(not built yet)")
    func run() throws {
        throw CLIFailure.internalError("'bench' is not built yet")
    }
}
