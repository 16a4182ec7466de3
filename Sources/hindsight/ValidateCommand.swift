import Foundation
import ArgumentParser
import HindsightScenario
import HindsightTrace

/// `hindsight validate FILE…`: every problem of every scenario and policy file.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario and policy files and print every problem with file:line:col.",
        discussion: """
            Each FILE is a scenario (kind: Scenario) or a policy file holding one or more
            documents of kind \(PolicyKinds.namesWithVersionsText).
            A scenario is checked together with every policy file it names (relative
            paths and git:REF:PATH), and the trace, price, intensity and replay files it
            names must exist. The trace itself is not read.

            Every problem of every file is printed on standard error as
              FILE:LINE:COL: what was found; expected what would be accepted
            and each valid file gets a line "FILE: ok" on standard output. What is left
            aside without making a file invalid (a Deployment next to the HPA, a trigger
            metadata key KEDA ignores) is printed on standard error as "note: FILE:LINE:COL: …".
            A scenario's trace file has its header read: every series a policy needs
            that the trace lacks is a problem.

            Exit codes: 0 every file is valid; 2 at least one problem.

            Examples:
              hindsight validate scenarios/demo.yaml
              hindsight validate scenarios/policies/*.yaml
            """
    )

    @Argument(help: ArgumentHelp("Scenario or policy files to check.", valueName: "file"))
    var files: [String] = []

    func run() throws {
        do {
            if files.isEmpty {
                throw InputMessage("hindsight validate: no file given; expected one or more scenario or policy files")
            }
            var problems: [any InputError] = []
            for file in files {
                let (found, notes) = ScenarioLoader.check(path: file)
                for note in notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
                if found.isEmpty {
                    print("\(file): ok")
                } else {
                    problems += found
                }
            }
            if !problems.isEmpty { throw InputErrors(problems) }
        } catch {
            throw failureExit(for: error)
        }
    }
}
