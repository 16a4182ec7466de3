import HindsightTestSupport
import XCTest

/// `--help`, `--version` and the exit codes of usage errors (CLI.md: usage → 2, with a usage
/// message on standard error; success → 0).
final class HelpAndUsageTests: XCTestCase {
    /// `hindsight <command> --help`; a command whose help is still a placeholder fails.
    private func help(_ command: String, file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try CLI.run([command, "--help"])
        XCTAssertFalse(result.stdout.contains("(not built yet)"), "'hindsight \(command)' is a placeholder",
                       file: file, line: line)
        return result
    }

    private func assertMentions(_ text: String, _ needles: [String], file: StaticString = #filePath, line: UInt = #line) {
        for needle in needles {
            XCTAssertTrue(text.contains(needle), "expected \"\(needle)\" in:\n\(text)", file: file, line: line)
        }
    }

    func testRootHelpListsEverySubcommandAndExitCodes() throws {
        let result = try CLI.run(["--help"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("USAGE: hindsight <subcommand>"), result.stdout)
        for sub in ["run", "validate", "import", "datasets", "generate", "stats", "bench"] {
            XCTAssertNotNil(result.stdout.range(of: "\n  \(sub) "), "subcommand \(sub) missing from:\n\(result.stdout)")
        }
        // The exit-code contract of CLI.md, stated where users look for it.
        assertMentions(result.stdout, ["0 success", "2 bad input or usage", "3 an"])
        XCTAssertEqual(result.stderr, "")
    }

    func testVersionPrintsASemanticVersion() throws {
        let result = try CLI.run(["--version"])
        XCTAssertEqual(result.status, 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = version.split(separator: ".")
        XCTAssertEqual(parts.count, 3, "version '\(version)'")
        XCTAssertTrue(parts.allSatisfy { Int($0) != nil }, "version '\(version)'")
    }

    func testRunHelp() throws {
        let result = try CLI.run(["run", "--help"])
        XCTAssertEqual(result.status, 0)
        // CLI.md: hindsight run SCENARIO [--out DIR] [--policy NAME]… [--strict] [--quiet]
        assertMentions(result.stdout, ["USAGE: hindsight run <scenario>", "[--out <out>]", "[--policy <policy> ...]",
                                       "[--strict]", "[--quiet]", "--jobs", "-h, --help"])
        // The files a run writes are listed in the help.
        assertMentions(result.stdout, ["summary.json", "summary.csv", "timeseries-<policy>.csv",
                                       "decisions-<policy>.csv", "report.html", "summary.md"])
    }

    func testHelpSubcommandEqualsHelpFlag() throws {
        let flag = try CLI.run(["run", "--help"])
        let sub = try CLI.run(["help", "run"])
        XCTAssertEqual(sub.status, 0)
        XCTAssertEqual(sub.stdout, flag.stdout)
    }

    func testValidateHelp() throws {
        let result = try CLI.run(["validate", "--help"])
        XCTAssertEqual(result.status, 0)
        assertMentions(result.stdout, ["USAGE: hindsight validate", "<file>", "file:line:col", ": ok"])
    }

    func testGenerateHelp() throws {
        let result = try CLI.run(["generate", "--help"])
        XCTAssertEqual(result.status, 0)
        assertMentions(result.stdout, ["USAGE: hindsight generate", "--pattern <pattern>", "--days <days>",
                                       "--step <step>", "--seed <seed>", "--out <out>",
                                       "diurnal", "spiky", "weekly", "timestamp,rps,cpu,replicas,latency_p99_ms"])
    }

    func testDatasetsHelp() throws {
        let result = try CLI.run(["datasets", "--help"])
        XCTAssertEqual(result.status, 0)
        assertMentions(result.stdout, ["USAGE: hindsight datasets", "--db <PATH>"])
    }

    func testImportHelp() throws {
        let result = try help("import")
        XCTAssertEqual(result.status, 0)
        // CLI.md: hindsight import FILE --name NAME [--format csv|prometheus] [--db PATH]
        assertMentions(result.stdout, ["USAGE: hindsight import", "--name", "--format", "--db"])
    }

    func testStatsHelp() throws {
        let result = try help("stats")
        XCTAssertEqual(result.status, 0)
        // CLI.md: hindsight stats FILE --column C [--time T] --op OP [--window W] [--q Q] [--alpha A] [--out FILE]
        assertMentions(result.stdout, ["USAGE: hindsight stats", "--column", "--time", "--op", "--window",
                                       "--q", "--alpha", "--out"])
    }

    func testBenchHelp() throws {
        let result = try help("bench")
        XCTAssertEqual(result.status, 0)
        assertMentions(result.stdout, ["USAGE: hindsight bench", "--size", "--only"])
    }

    /// The usage line of each command, as CLI.md's synopsis reads in ArgumentParser's notation
    /// (plus `--allow-exec`, issue 14, the run history's flags, issue 11, `--timeseries`, issue 12, and `--export`, issue 13).
    func testUsageLinesFollowTheContract() throws {
        let expected = [
            "run": "USAGE: hindsight run <scenario> [--out <out>] [--policy <policy> ...] [--jobs <jobs>] [--strict] [--allow-exec] [--timeseries <full|hourly|none>] [--quiet] [--history <path>] [--no-history] [--export <format> ...]",
            "history": "USAGE: hindsight history [--history <path>] [--scenario <scenario>] [--policy <policy>] [--limit <limit>] [--compare <id> ...] [--json]",
            "datasets": "USAGE: hindsight datasets [--db <PATH>]",
        ]
        for (command, usage) in expected {
            let result = try CLI.run([command, "--help"])
            XCTAssertEqual(result.status, 0)
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map(String.init)
            XCTAssertEqual(line, usage, command)
        }
    }

    // MARK: - Usage errors exit 2 (not ArgumentParser's 64)

    func testUnknownSubcommandIsUsageError() throws {
        let result = try CLI.run(["frobnicate"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("frobnicate"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Usage: hindsight"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testUnknownFlagIsUsageErrorWithSuggestion() throws {
        let result = try CLI.run(["run", "scenario.yaml", "--polcy", "x"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Unknown option '--polcy'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--policy"), "no suggestion in: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("Usage: hindsight run"), result.stderr)
    }

    func testMissingArgumentIsUsageError() throws {
        let result = try CLI.run(["run"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Missing expected argument '<scenario>'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Usage: hindsight run"), result.stderr)
    }

    func testMissingRequiredOptionIsUsageError() throws {
        let result = try CLI.run(["generate", "--pattern", "diurnal"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--days"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Usage: hindsight generate"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testBadEnumValueIsUsageError() throws {
        let result = try CLI.run(["generate", "--pattern", "hourly", "--days", "1"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("hourly"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testJobsZeroIsUsageError() throws {
        let result = try CLI.run(["run", "/nonexistent/scenario.yaml", "--jobs", "0"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--jobs"), result.stderr)
    }

    func testMissingScenarioFileIsBadInput() throws {
        let dir = try TempDir()
        let missing = dir.path("absent.yaml")
        let result = try CLI.run(["run", missing, "--out", dir.path("out")])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains(missing), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.path("out")))
    }
}
