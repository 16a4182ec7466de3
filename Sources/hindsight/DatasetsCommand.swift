import ArgumentParser

struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "datasets", abstract: "(not built yet)")
    func run() throws {
        throw CLIFailure.internalError("'datasets' is not built yet")
    }
}
