import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightTrace

/// `hindsight lint FILE|DIR… --rules FILE|DIR`: policy manifests against organisation rules.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check policy manifests against guardrails: Kyverno validate.pattern rules and simulated rules.",
        discussion: """
            Rules (--rules, files or folders of YAML) are Kyverno ClusterPolicy or
            Policy documents whose rules use validate.pattern (the subset the
            README documents: operators >= <= > < !, wildcards * ?, alternatives |,
            anchors (k) =(k) X(k), match/exclude by kinds, namespaces and names;
            Enforce = error, Audit = warning), and hindsight SimulationRule
            documents, which replay each matching policy over a scenario and bound
            sloViolationFraction, costUSD, emissionsKg or errorBudgetUsed.

            Every YAML document with a `kind` in FILE|DIR… is checked. Findings
            carry the file, line and column of the field at fault. --format text
            (default), json or sarif (SARIF 2.1.0, for GitHub code scanning);
            --output FILE writes that format to FILE and prints the text form.
            Exit 1 when a finding is an error, 0 otherwise, 2 for bad input (a
            rule outside the subset included).

            Example:
              hindsight lint scenarios/policies --rules examples/guardrails \\
                  --format sarif --output lint.sarif
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }

    @Argument(help: "Policy manifests, or folders searched for *.yaml and *.yml.")
    var paths: [String]

    @Option(help: ArgumentHelp("Rule files or folders (repeatable).", valueName: "FILE|DIR"))
    var rules: [String] = []

    @Option(help: "text, json or sarif.")
    var format: Format = .text

    @Option(name: [.customLong("output"), .customLong("out")], help: ArgumentHelp("Write the report here.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one manifest file or folder") }
        guard !rules.isEmpty else { throw ValidationError("give --rules FILE|DIR (Kyverno ClusterPolicy or SimulationRule files)") }
    }

    func run() throws {
        let outcome: GuardrailOutcome
        do {
            outcome = try GuardrailOutcome.evaluate(paths: paths, rules: rules)
            let body: String
            switch format {
            case .text: body = outcome.text
            case .json: body = LintReport.json(outcome.findings)
            case .sarif: body = outcome.sarif
            }
            if let output {
                try AtomicFile.write(body, to: output)
                print(outcome.text, terminator: "")
            } else {
                print(body, terminator: "")
            }
        } catch {
            throw failureExit(for: error)
        }
        if outcome.errors > 0 {
            throw failureExit(for: CLIFailure.checkFailed("\(outcome.errors) guardrail error\(outcome.errors == 1 ? "" : "s")"))
        }
    }
}
