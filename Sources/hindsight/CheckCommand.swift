import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

/// `hindsight check`: the regression gate for a policy change.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Replay a baseline and a candidate policy over scenarios and fail when a budget breaks.",
        discussion: """
            For each scenario, the baseline policy file (a path, or git:REF:PATH read with
            git, e.g. git:main:policies/hpa.yaml) and the candidate run over the scenario's
            trace, and the candidate's summary is compared with the baseline's under the
            scenario's spec.budgets:

              budgets:
                sloViolationFraction: {maxIncrease: 0.0005}   # absolute, as a fraction
                costUSD: {maxIncreasePercent: 2}
                emissionsKg: {maxIncreasePercent: 5}

            Writes into --out (default reports/check/): summary.md (one table per scenario,
            for a pull-request comment), junit.xml (one test case per budget and scenario),
            and <scenario>/ with the full report of the two runs; the folder is replaced
            whole when all is written (see `run`). Exit code 1 when a budget
            breaks, 0 when all hold, 2 for bad input (a scenario without budgets included).

            Both runs of every scenario are appended to the run history in one transaction
            (reports/history.sqlite unless --history PATH or --no-history), a broken budget
            included; a check that exits 2 records nothing.

            Example (in CI):
              hindsight check scenarios/demo.yaml --baseline git:origin/main:scenarios/policies/hpa.yaml \\
                  --candidate scenarios/policies/hpa.yaml --out reports/check
            """
    )

    @Argument(help: "Scenario files whose traces the policies are replayed over.")
    var scenarios: [String]

    @Option(help: "The policy as it is (a file, or git:REF:PATH).")
    var baseline: String

    @Option(help: "The policy as proposed (a file, or git:REF:PATH).")
    var candidate: String

    @Option(help: "Output folder.")
    var out: String = "reports/check"

    @OptionGroup var series: TimeseriesFlag

    @OptionGroup(title: "Run history")
    var history: HistoryFlags

    @OptionGroup var export: ExportFlag

    @Option(help: ArgumentHelp("Guardrail rules (repeatable): lint the candidate as `hindsight lint` does, write lint.sarif, and count each error-level finding as a broken check.", valueName: "FILE|DIR"))
    var rules: [String] = []

    @Flag(help: "Let external agents start, the candidate's included. Never in CI for pull requests from forks; without it only spec.agents.allow commands the baseline also runs do.")
    var allowExec = false

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var suites: [JUnitReport.TestSuite] = []
        var markdown: [String] = []
        var broken = 0
        let startedAt = HistoryOptions.now()
        var recorded: [RecordedRun] = []
        var staging: AtomicFolder? = nil  // --out is replaced whole when everything is written
        do {
            let folder = FileManager.default.currentDirectoryPath
            let base = try PolicyLoader.load(reference: baseline, in: folder)
            let cand = try PolicyLoader.load(reference: candidate, in: folder)
            guard let b = base.first, let c = cand.first else {
                throw InputMessage("\(base.isEmpty ? baseline : candidate): no policy document; expected one policy (\(PolicyKinds.namesText))")
            }
            let pair = [Self.renamed(b, "baseline"), Self.renamed(c, "candidate")]
            // Every scenario is read and every agent's permission checked before anything runs,
            // so a refusal leaves no report of an earlier scenario behind.
            var loaded: [(scenario: Scenario, budgets: BudgetsSpec, exec: ExecPermission)] = []
            for path in scenarios {
                let scenario = try ScenarioLoader.load(path: path)
                guard let budgets = scenario.budgets else {
                    throw InputMessage("\(path): spec.budgets is missing; expected budgets such as sloViolationFraction: {maxIncrease: 0.0005} for `hindsight check`")
                }
                let exec = ExecPermission.check(scenario, baseline: b, allowExec: allowExec)
                try Simulation.requirePermission(pair, in: scenario, exec: exec)
                loaded.append((scenario, budgets, exec))
            }
            // Guardrails on the candidate (a file in the working tree; a git: reference is read
            // from git, so it is linted from a temporary copy of its bytes).
            let guardrails = try rules.isEmpty ? nil : lintCandidate(folder: folder)
            let staged = try AtomicFolder.begin(replacing: out, markers: ["summary.md", "junit.xml"])
            staging = staged
            for (scenario, budgets, exec) in loaded {
                let safeName = PolicySpec(name: scenario.name, kind: .observed).fileName
                // Both runs stream their rows into the staged folder as they advance.
                let (result, _) = try ReportWriter.run(PreparedScenario(scenario: scenario), policies: pair, jobs: 2, exec: exec,
                                                       timeseries: series.timeseries, focus: export.focus,
                                                       to: staged.path + "/" + safeName)
                recorded += RecordedRun.runs(of: result, policies: pair)
                let checks = BudgetCheck.evaluate(budgets, baseline: result.runs[0].summary, candidate: result.runs[1].summary)
                broken += checks.filter { !$0.passed }.count
                suites.append(JUnitReport.TestSuite(name: scenario.name, cases: checks.map {
                    JUnitReport.TestCase(name: $0.name, className: "hindsight.check.\(safeName)",
                                         failure: $0.passed ? nil : $0.message, details: $0.message)
                }))
                markdown.append(MarkdownSummary.render(result) + "\n" + checks.map { "- \($0.passed ? "✅" : "❌") \($0.message)" }.joined(separator: "\n"))
                for check in checks { print("\(check.passed ? "ok  " : "FAIL") \(scenario.name): \(check.message)") }
            }
            if let guardrails {
                try AtomicFile.write(guardrails.sarif, to: staged.path + "/lint.sarif")
                print(guardrails.text, terminator: "")
                broken += guardrails.errors
                markdown.append(Self.markdown(guardrails))
                suites.append(JUnitReport.TestSuite(name: "guardrails", cases: guardrails.findings.map {
                    JUnitReport.TestCase(name: "\($0.ruleId) \($0.location)", className: "hindsight.lint",
                                         failure: $0.level == .error ? $0.message : nil, details: $0.message)
                }))
            }
            try JUnitReport.write(suites, to: staged.path + "/junit.xml")
            try AtomicFile.write(markdown.joined(separator: "\n\n") + "\n", to: staged.path + "/summary.md")
            try staged.commit()
            staging = nil
            // Every scenario ran and every file is written: a broken budget is a finding, recorded like a pass.
            history.record("check", runs: recorded, startedAt: startedAt)
        } catch {
            staging?.discard()
            throw failureExit(for: error)
        }
        if broken > 0 {
            throw failureExit(for: CLIFailure.checkFailed("\(broken) budget\(broken == 1 ? "" : "s") broken; see \(out)/summary.md"))
        }
    }

    /// The linter's outcome on the candidate; a `git:REF:PATH` candidate is linted from its
    /// bytes in a temporary file named like PATH (so findings name PATH).
    func lintCandidate(folder: String) throws -> GuardrailOutcome {
        guard candidate.hasPrefix("git:") else { return try GuardrailOutcome.evaluate(paths: [candidate], rules: rules) }
        let (path, bytes) = try PolicyLoader.gitBytes(reference: candidate, in: folder)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hindsight-lint-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try AtomicFile.createDirectory(scratch + "/" + (path as NSString).deletingLastPathComponent)
        try AtomicFile.write(bytes, to: scratch + "/" + path)
        var outcome = try GuardrailOutcome.evaluate(paths: [scratch + "/" + path], rules: rules)
        for i in outcome.findings.indices { outcome.findings[i].location.file = path }
        return outcome
    }

    /// The guardrail section of summary.md.
    static func markdown(_ g: GuardrailOutcome) -> String {
        var lines = ["### Guardrails", ""]
        if g.findings.isEmpty { lines.append("- ✅ no finding (\(g.rules.count) rules)") }
        for f in g.findings {
            lines.append("- \(f.level == .error ? "❌" : f.level == .warning ? "⚠️" : "ℹ️") `\(f.location)` \(f.message) [\(f.ruleId)]")
        }
        return lines.joined(separator: "\n")
    }

    /// The policy under a role name (`baseline: <name>`), so both runs have their own files.
    static func renamed(_ policy: PolicySpec, _ role: String) -> PolicySpec {
        var p = policy
        p.name = "\(role) \(policy.name)"
        return p
    }
}
