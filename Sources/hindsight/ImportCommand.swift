import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(not built yet)")
    func run() throws {
        throw CLIFailure.internalError("'import' is not built yet")
    }
}
