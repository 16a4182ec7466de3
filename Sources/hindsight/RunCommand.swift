import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(not built yet)")
    func run() throws {
        throw CLIFailure.internalError("'run' is not built yet")
    }
}
