import Foundation
import HindsightTestSupport
import XCTest

/// The GitHub Action's script (scripts/github-action.sh) run locally with the environment
/// GitHub sets for a `pull_request` event, in a temporary git repository (no network):
/// which policies it checks, against which base, what it writes and how it exits.
final class GitHubActionTests: XCTestCase {
    /// A repository holding the package's scenarios, demo trace and example guardrails on
    /// `main`, with the working tree on a branch `pr` (the pull request's head).
    final class Repo {
        let work: PackageCopy
        var root: String { work.dir.path }
        let baseSHA: String

        init() throws {
            work = try PackageCopy()
            try FileManager.default.removeItem(atPath: work.dir.path("scripts"))  // the action runs its own copy
            for args in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "base"], ["checkout", "-q", "-b", "pr"]] {
                XCTAssertEqual(Subprocess.git(args, in: work.dir.path), 0, "git \(args)")
            }
            baseSHA = try Self.output(["rev-parse", "HEAD"], in: work.dir.path)
        }

        func commit(_ files: [String: String], message: String) throws {
            for (path, text) in files { _ = try work.dir.write(path, text) }
            XCTAssertEqual(Subprocess.git(["add", "-A"], in: root), 0)
            XCTAssertEqual(Subprocess.git(["commit", "-q", "-m", message], in: root), 0)
        }

        static func output(_ args: [String], in dir: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: dir)
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Runs the action's script with GitHub's variables; `event` false leaves out
        /// GITHUB_EVENT_PATH (the script then falls back to origin/$GITHUB_BASE_REF).
        func runAction(event: Bool = true, extra: [String: String] = [:]) throws -> (CLIResult, outputs: [String: String], stepSummary: String) {
            let github = try TempDir()
            let eventPath = try github.write("event.json", #"{"action":"opened","number":7,"pull_request":{"number":7,"base":{"ref":"main","sha":"\#(baseSHA)"}}}"#)
            let outputPath = try github.write("output", "")
            let summaryPath = try github.write("step-summary", "")
            guard let binary = CLI.binary else { throw FixtureError("no hindsight binary") }
            var env = [
                "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_BASE_REF": "main", "GITHUB_HEAD_REF": "pr",
                "GITHUB_WORKSPACE": root, "GITHUB_OUTPUT": outputPath, "GITHUB_STEP_SUMMARY": summaryPath,
                "RUNNER_TEMP": github.path, "HINDSIGHT_BIN": binary.path,
                "HINDSIGHT_SCENARIOS": "scenarios/demo.yaml", "HINDSIGHT_RULES": "examples/guardrails",
                "GITHUB_EVENT_PATH": event ? eventPath : "",
            ]
            env.merge(extra) { $1 }
            let script = CLI.packagePath("scripts/github-action.sh")
            let r = try CLI.run(shell: "\"\(script)\"", in: URL(fileURLWithPath: github.path), environment: env)
            var outputs: [String: String] = [:]
            for line in try String(contentsOfFile: outputPath, encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                outputs[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            return (r, outputs, try String(contentsOfFile: summaryPath, encoding: .utf8))
        }
    }

    func testAChangedPolicyIsCheckedAgainstItsBaseVersion() throws {
        let repo = try Repo()
        // The README's CI-gate example: the CPU target raised from 60 % to 80 % breaks the SLO budget.
        let hpa = try String(contentsOfFile: repo.work.dir.path("scenarios/policies/hpa.yaml"), encoding: .utf8)
        let raised = hpa.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: 80")
        XCTAssertNotEqual(raised, hpa)
        try repo.commit(["scenarios/policies/hpa.yaml": raised, "notes.txt": "unrelated\n"], message: "raise target")
        let (r, outputs, stepSummary) = try repo.runAction()
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(outputs["exit-code"], "1")
        XCTAssertEqual(outputs["changed"], "scenarios/policies/hpa.yaml")
        XCTAssertEqual(outputs["pr-number"], "7")
        XCTAssertTrue(r.stdout.contains("--baseline git:\(repo.baseSHA):scenarios/policies/hpa.yaml --candidate scenarios/policies/hpa.yaml"), r.stdout)
        XCTAssertFalse(r.stdout.contains("--allow-exec"), r.stdout)
        XCTAssertTrue(r.stdout.contains("FAIL demo: sloViolationFraction"), r.stdout)
        // summary.md is the comment and the job summary; the guardrails hold (80 % is in the band).
        let summaryPath = try XCTUnwrap(outputs["summary"])
        let summary = try String(contentsOfFile: repo.root + "/" + summaryPath, encoding: .utf8)
        XCTAssertEqual(stepSummary, summary)
        XCTAssertTrue(summary.contains("❌ a budget or guardrail broke"), summary)
        XCTAssertTrue(summary.contains("0 errors, 0 warnings"), summary)
        let sarif = try XCTUnwrap(outputs["sarif"])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo.root + "/" + sarif))) as? [String: Any])
        XCTAssertEqual(try SARIFSchema.validate(log).count, 0)
    }

    func testANewPolicyBreakingAGuardrailFails() throws {
        let repo = try Repo()
        try repo.commit(["deploy/hpa-new.yaml": LintCommandTests.badHPA], message: "new hpa")
        let (r, outputs, _) = try repo.runAction()
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(outputs["changed"], "deploy/hpa-new.yaml")
        // No base version: compared with itself, so only the guardrails can fail it.
        XCTAssertTrue(r.stdout.contains("--baseline deploy/hpa-new.yaml --candidate deploy/hpa-new.yaml"), r.stdout)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repo.root + "/" + (outputs["sarif"] ?? "")))) as? [String: Any])
        let results = try SARIFSchema.validate(log)
        XCTAssertEqual(results.count, 5)
        XCTAssertTrue(results.allSatisfy { $0["level"] as? String == "error" })
    }

    func testNoPolicyChangedAndTheBaseRefFallback() throws {
        let repo = try Repo()
        try repo.commit(["notes.txt": "docs only\n"], message: "docs")
        // Without the event file the base is origin/$GITHUB_BASE_REF, as actions/checkout
        // with fetch-depth 0 leaves it.
        let missing = try repo.runAction(event: false)
        XCTAssertEqual(missing.0.status, 2)
        XCTAssertTrue(missing.0.stderr.contains("fetch-depth: 0"), missing.0.stderr)
        XCTAssertEqual(Subprocess.git(["update-ref", "refs/remotes/origin/main", repo.baseSHA], in: repo.root), 0)
        let (r, outputs, summary) = try repo.runAction(event: false)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertEqual(outputs["exit-code"], "0")
        XCTAssertEqual(outputs["changed"], "")
        XCTAssertEqual(outputs["sarif"], "")
        XCTAssertTrue(summary.contains("No autoscaling policy changed."), summary)
    }

    func testTheActionFollowsTheSecurityRules() throws {
        let action = try String(contentsOfFile: CLI.packagePath("action.yml"), encoding: .utf8)
        XCTAssertTrue(action.contains("using: composite"))
        XCTAssertTrue(action.contains("scripts/github-action.sh"))
        XCTAssertTrue(action.contains("github/codeql-action/upload-sarif@"))
        XCTAssertTrue(action.contains("gh pr comment"))
        XCTAssertTrue(action.contains("allow-exec:\n    description: Pass --allow-exec (lets external agents run). Keep false for pull requests from forks.\n    default: \"false\""))
        // The documented trigger is pull_request; pull_request_target appears only as a warning.
        for line in action.split(separator: "\n") where line.contains("pull_request_target") {
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), String(line))
        }
        XCTAssertTrue(action.contains("#   on: pull_request\n"))
        let gitlab = try String(contentsOfFile: CLI.packagePath("examples/gitlab/hindsight.gitlab-ci.yml"), encoding: .utf8)
        XCTAssertTrue(gitlab.contains("merge_request_event"))
        XCTAssertTrue(gitlab.contains("HINDSIGHT_ALLOW_EXEC: \"false\""))
        XCTAssertTrue(gitlab.contains("scripts/github-action.sh"))
    }
}
