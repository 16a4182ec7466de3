import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "(not built yet)")
    func run() throws {
        throw CLIFailure.internalError("'validate' is not built yet")
    }
}
