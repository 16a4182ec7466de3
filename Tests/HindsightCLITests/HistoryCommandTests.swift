import Foundation
import HindsightTestSupport
import XCTest

/// The run history through the binary: what `run` and `check` record, what failures and
/// `--no-history` leave out, and what `hindsight history` lists and compares — each
/// checked against the run's own summary.json and against sha256sum / git output.
final class HistoryCommandTests: XCTestCase {
    /// `hindsight history --json` of `path` (with `extra` filters), its `runs` array.
    func listed(_ path: String, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try CLI.run(["history", "--history", path, "--json"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any], result.stdout)
        return try XCTUnwrap(object["runs"] as? [[String: Any]])
    }

    /// The `runs` of `folder/summary.json`.
    func summaries(_ folder: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(object["runs"] as? [[String: Any]])
    }

    /// The `"key": value` lines of pretty-printed JSON (hindsight writes one member per
    /// line), value text as written, grouped into one dictionary per object that starts
    /// with `startKey`. Numbers stay text, so they compare exactly (Foundation's JSON
    /// parser on Linux can be off in the last digit).
    func members(_ text: String, startKey: String) -> [[String: String]] {
        var groups: [[String: String]] = []
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("\""), let colon = t.range(of: "\": ") else { continue }
            let key = String(t[t.index(after: t.startIndex)..<colon.lowerBound])
            var value = String(t[colon.upperBound...])
            if value.hasSuffix(",") { value.removeLast() }
            if key == startKey { groups.append([:]) }
            if !groups.isEmpty { groups[groups.count - 1][key] = value }
        }
        return groups
    }

    /// Standard output of a helper program (sha256sum, git), trimmed.
    func output(_ executable: String, _ arguments: [String], in folder: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let folder { p.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sha256(_ file: String) throws -> String {
        String(try output("/usr/bin/env", ["sha256sum", file]).prefix(64))
    }

    /// Every number (or null) of the summary.json run of `policy` in `folder` is the
    /// recorded metric of `run` (same text: same Double), and every metric is such a key.
    func assertMetrics(_ run: [String: Any], history: String, equal policy: String, in folder: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let summaryText = try String(contentsOfFile: folder + "/summary.json", encoding: .utf8)
        let own = try XCTUnwrap(members(summaryText, startKey: "policy").first { $0["policy"] == "\"\(policy)\"" }, policy,
                                file: file, line: line)
        let listing = try CLI.run(["history", "--history", history, "--json", "--limit", "1000"])
        let id = try XCTUnwrap(run["id"] as? Int, file: file, line: line)
        let recorded = try XCTUnwrap(members(listing.stdout, startKey: "id").first { $0["id"] == "\(id)" }, file: file, line: line)
        let metrics = try XCTUnwrap(run["metrics"] as? [String: Any], file: file, line: line)
        let numeric = own.filter { $0.value == "null" || Double($0.value) != nil }
        XCTAssertEqual(Set(metrics.keys), Set(numeric.keys), file: file, line: line)
        XCTAssertTrue(metrics.count >= 15, "every summary metric: \(metrics.keys.sorted())", file: file, line: line)
        for (key, text) in numeric { XCTAssertEqual(recorded[key], text, key, file: file, line: line) }
    }

    func testRunRecordsEveryMetricHashesAndSpan() throws {
        let fixture = try RunFixture()
        let history = fixture.dir.path("h.sqlite")
        let (result, out) = try fixture.run("out", ["--history", history, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let runs = try listed(history)
        let summary = try summaries(out)
        XCTAssertEqual(runs.map { $0["policy"] as? String }, ["web-hpa", "static-4", "observed"], "newest (last written) first")
        XCTAssertEqual(Set(runs.map { $0["id"] as? Int }).count, 3)
        for run in runs {
            let policy = try XCTUnwrap(run["policy"] as? String)
            XCTAssertNotNil(summary.first { $0["policy"] as? String == policy })
            try assertMetrics(run, history: history, equal: policy, in: out)
            XCTAssertEqual(run["command"] as? String, "run")
            XCTAssertEqual(run["arguments"] as? [String], ["run", fixture.scenarioPath, "--out", out, "--history", history, "--quiet"])
            XCTAssertEqual(run["scenario"] as? String, "small")
            XCTAssertEqual(run["scenario_sha256"] as? String, try sha256(fixture.scenarioPath))
            // A quarter day of 15 s steps from the generator's first timestamp.
            XCTAssertEqual(run["trace_start"] as? String, "2026-01-01T00:00:00Z")
            XCTAssertEqual(run["trace_end"] as? String, "2026-01-01T06:00:00Z")
            XCTAssertEqual(run["step_ms"] as? Int, 15_000)
            XCTAssertTrue(run["git_commit"] is NSNull, "a temporary folder is outside any repository")
        }
        let hpa = try XCTUnwrap(runs.first { $0["policy"] as? String == "web-hpa" })
        XCTAssertEqual(hpa["policy_sha256"] as? String, try sha256(fixture.dir.path("hpa.yaml")))
        XCTAssertEqual(hpa["policy_kind"] as? String, "HorizontalPodAutoscaler")
        // Inline entries hash a canonical text: distinct entries, distinct hashes.
        let hashes = Set(runs.compactMap { $0["policy_sha256"] as? String })
        XCTAssertEqual(hashes.count, 3)
    }

    func testDefaultPathIsReportsHistoryInTheCurrentFolderAndNoHistoryWritesNothing() throws {
        let fixture = try RunFixture()
        let cwd = try TempDir()
        let first = try CLI.run(["run", fixture.scenarioPath, "--out", fixture.dir.path("a"), "--quiet"], in: cwd.url)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try cwd.list("reports").filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }, ["history.sqlite"])
        XCTAssertEqual(try listed(cwd.path("reports/history.sqlite")).count, 3)

        let other = try TempDir()
        let off = try CLI.run(["run", fixture.scenarioPath, "--out", fixture.dir.path("b"), "--quiet", "--no-history"], in: other.url)
        XCTAssertEqual(off.status, 0, off.stderr)
        XCTAssertEqual(try other.list(), [], "--no-history creates no file")
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.dir.path("b/summary.json")))

        let both = try CLI.run(["run", fixture.scenarioPath, "--no-history", "--history", "x.sqlite"], in: other.url)
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.contains("not both"), both.stderr)
    }

    func testAFailedRunRecordsNothing() throws {
        let fixture = try RunFixture()
        let history = fixture.dir.path("h.sqlite")
        XCTAssertEqual(try fixture.run("ok", ["--history", history, "--quiet"]).0.status, 0)
        let before = try listed(history)
        XCTAssertEqual(before.count, 3)
        let unknown = try fixture.run("bad", ["--history", history, "--policy", "no-such-policy"]).0
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        let broken = try fixture.dir.write("broken.yaml", fixture.scenarioText.replacingOccurrences(of: "cpuRequest: 500m", with: "cpuRequest: lots"))
        let invalid = try fixture.run("bad2", ["--history", history], scenario: broken).0
        XCTAssertEqual(invalid.status, 2, invalid.stderr)
        // Fails after every policy ran: the outputs cannot be written below a regular file.
        let unwritable = try CLI.run(["run", fixture.scenarioPath, "--out", fixture.tracePath + "/out", "--history", history])
        XCTAssertEqual(unwritable.status, 2, unwritable.stderr)
        let after = try listed(history)
        XCTAssertEqual(after.map { $0["id"] as? Int }, before.map { $0["id"] as? Int })
        // The invocations table has one row too: nothing of the failed commands.
        let all = try listed(history, ["--limit", "1000"])
        XCTAssertEqual(Set(all.compactMap { $0["started_at"] as? String }).count, 1)
    }

    func testAnUnwritableHistoryWarnsAndKeepsTheExitCode() throws {
        let fixture = try RunFixture()
        // A regular file where the history's folder should be: nothing can be created below it.
        let history = fixture.dir.path("trace.csv") + "/h.sqlite"
        let (result, out) = try fixture.run("out", ["--history", history, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: run history not written"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/summary.json"))
    }

    func testCheckRecordsBothRunsOfABrokenBudget() throws {
        let fixture = try RunFixture()
        // The budgets of CheckCommandTests, which this candidate breaks on this trace.
        let scenario = try fixture.dir.write("check.yaml", RunFixture.scenario(name: "check", policies: ["- observed"])
            + "\n  budgets:\n    sloViolationFraction: {maxIncrease: 0}\n    costUSD: {maxIncreasePercent: 2}\n")
        let candidate = try fixture.dir.write(
            "candidate.yaml", RunFixture.hpa.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: 90"))
        let history = fixture.dir.path("h.sqlite")
        let out = fixture.dir.path("check")
        let result = try CLI.run(["check", scenario, "--baseline", fixture.dir.path("hpa.yaml"), "--candidate", candidate,
                                  "--out", out, "--history", history])
        XCTAssertEqual(result.status, 1, "a broken budget: \(result.stderr)")
        let runs = try listed(history)
        XCTAssertEqual(runs.map { $0["policy"] as? String }, ["candidate web-hpa", "baseline web-hpa"])
        XCTAssertEqual(runs.map { $0["command"] as? String }, ["check", "check"])
        try assertMetrics(runs[0], history: history, equal: "candidate web-hpa", in: out + "/check")
        try assertMetrics(runs[1], history: history, equal: "baseline web-hpa", in: out + "/check")
        XCTAssertEqual(runs[0]["policy_sha256"] as? String, try sha256(candidate))
        XCTAssertEqual(runs[1]["policy_sha256"] as? String, try sha256(fixture.dir.path("hpa.yaml")))

        let bad = try CLI.run(["check", fixture.scenarioPath, "--baseline", candidate, "--candidate", candidate,
                               "--out", out, "--history", history])
        XCTAssertEqual(bad.status, 2, "no budgets: \(bad.stderr)")
        XCTAssertEqual(try listed(history).count, 2)
    }

    func testListFilters() throws {
        let fixture = try RunFixture()
        let history = fixture.dir.path("h.sqlite")
        XCTAssertEqual(try fixture.run("a", ["--history", history, "--quiet"]).0.status, 0)
        XCTAssertEqual(try fixture.run("b", ["--history", history, "--quiet", "--policy", "static-4"]).0.status, 0)
        XCTAssertEqual(try listed(history).count, 4)
        XCTAssertEqual(try listed(history, ["--policy", "static-4"]).compactMap { $0["id"] as? Int }.count, 2)
        XCTAssertEqual(try listed(history, ["--scenario", "small", "--policy", "observed"]).count, 1)
        XCTAssertEqual(try listed(history, ["--scenario", "other"]).count, 0)
        XCTAssertEqual(try listed(history, ["--limit", "1"]).map { $0["policy"] as? String }, ["static-4"])

        let text = try CLI.run(["history", "--history", history, "--policy", "static-4"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, text.stdout)
        XCTAssertTrue(lines[0].hasPrefix("id"), text.stdout)
        XCTAssertTrue(lines[0].contains("cost USD") && lines[0].contains("SLO viol.") && lines[0].contains("kgCO2e"), text.stdout)
        XCTAssertTrue(lines[1].contains(" run ") && lines[1].contains("small") && lines[1].contains("static-4"), text.stdout)
        let none = try CLI.run(["history", "--history", history, "--scenario", "other"])
        XCTAssertEqual(none.stdout, "no runs recorded\n")
    }

    func testCompareShowsBothValuesAndHandComputedChanges() throws {
        let fixture = try RunFixture()
        let history = fixture.dir.path("h.sqlite")
        let (run, out) = try fixture.run("a", ["--history", history, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let runs = try listed(history)
        let ids = Dictionary(uniqueKeysWithValues: runs.map { ($0["policy"] as? String ?? "", $0["id"] as? Int ?? -1) })
        let (a, b) = (try XCTUnwrap(ids["observed"]), try XCTUnwrap(ids["web-hpa"]))
        let summaryText = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        let summary = members(summaryText, startKey: "policy")
        /// The exact value summary.json holds (its text parsed by Swift, correctly rounded).
        func number(_ policy: String, _ key: String) -> Double? {
            summary.first { $0["policy"] == "\"\(policy)\"" }?[key].flatMap { Double($0) }
        }
        let result = try CLI.run(["history", "--history", history, "--compare", "\(a)", "\(b)"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for key in ["cost_usd", "emissions_kgco2e", "replicas_mean", "replica_hours", "energy_kwh"] {
            let cells = try XCTUnwrap(lines.first { $0.hasPrefix(key + " ") }, key).split(separator: " ").map(String.init)
            let first = try XCTUnwrap(number("observed", key)), second = try XCTUnwrap(number("web-hpa", key))
            XCTAssertEqual(Double(cells[1]), first, key)
            XCTAssertEqual(Double(cells[2]), second, key)
            // Hand-computed: the change and the change in % of the first run.
            let change = try XCTUnwrap(Double(cells[3].replacingOccurrences(of: "+", with: "")), cells.joined(separator: " "))
            XCTAssertEqual(change, second - first, accuracy: abs(second - first) * 1e-9 + 1e-12, key)
            XCTAssertEqual(cells.count, 6, cells.joined(separator: " "))
            XCTAssertEqual(cells.last, "%")
            let percent = try XCTUnwrap(Double(cells[4].replacingOccurrences(of: "+", with: "").replacingOccurrences(of: ",", with: "")))
            XCTAssertEqual(percent, (second - first) / abs(first) * 100, accuracy: 0.005 + 1e-9, key)
        }
        // Every metric has a line, and the facts name both runs.
        let keys = try XCTUnwrap(summary.first).filter { $0.value == "null" || Double($0.value) != nil }.keys
        for key in keys { XCTAssertTrue(lines.contains { $0.hasPrefix(key + " ") }, "\(key) missing:\n\(result.stdout)") }
        XCTAssertTrue(lines.contains { $0.hasPrefix("policy ") && $0.contains("observed") && $0.contains("web-hpa") }, result.stdout)

        // JSON: exact changes.
        let json = try CLI.run(["history", "--history", history, "--compare", "\(a)", "\(b)", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        XCTAssertEqual((object["metrics"] as? [Any])?.count, keys.count)
        let changes = members(json.stdout, startKey: "key")
        let cost = try XCTUnwrap(changes.first { $0["key"] == "\"cost_usd\"" })
        let (c1, c2) = (try XCTUnwrap(number("observed", "cost_usd")), try XCTUnwrap(number("web-hpa", "cost_usd")))
        XCTAssertEqual(cost["delta"].flatMap { Double($0) }, c2 - c1)
        XCTAssertEqual(cost["relative"].flatMap { Double($0) }, (c2 - c1) / abs(c1))
    }

    func testUnknownIdsAndForeignFilesAreBadInput() throws {
        let fixture = try RunFixture()
        let history = fixture.dir.path("h.sqlite")
        XCTAssertEqual(try fixture.run("a", ["--history", history, "--quiet"]).0.status, 0)
        let unknown = try CLI.run(["history", "--history", history, "--compare", "1", "999"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no run with id 999"), unknown.stderr)
        let foreign = try CLI.run(["history", "--history", fixture.tracePath])
        XCTAssertEqual(foreign.status, 2)
        XCTAssertTrue(foreign.stderr.contains("not a hindsight run history"), foreign.stderr)
        let one = try CLI.run(["history", "--history", history, "--compare", "1"])
        XCTAssertEqual(one.status, 2)
        let missing = try CLI.run(["history", "--history", fixture.dir.path("none.sqlite")])
        XCTAssertEqual(missing.status, 0, missing.stderr)
        XCTAssertTrue(missing.stdout.contains("no run history"), missing.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.dir.path("none.sqlite")), "listing creates nothing")
    }

    func testGitCommitInsideARepositoryAndNoneOutside() throws {
        let fixture = try RunFixture()
        let repo = try TempDir()
        for name in ["scenario.yaml", "trace.csv", "hpa.yaml"] {
            try FileManager.default.copyItem(atPath: fixture.dir.path(name), toPath: repo.path(name))
        }
        guard Subprocess.git(["init", "-q"], in: repo.path) == 0 else { throw XCTSkip("git is not available") }
        XCTAssertEqual(Subprocess.git(["add", "."], in: repo.path), 0)
        XCTAssertEqual(Subprocess.git(["commit", "-q", "-m", "fixture"], in: repo.path), 0)
        let head = try output("/usr/bin/git", ["rev-parse", "HEAD"], in: repo.path)
        XCTAssertEqual(head.count, 40, head)
        let history = fixture.dir.path("h.sqlite")
        let inside = try CLI.run(["run", repo.path("scenario.yaml"), "--out", repo.path("out"), "--history", history, "--quiet"])
        XCTAssertEqual(inside.status, 0, inside.stderr)
        let outside = try CLI.run(["run", fixture.scenarioPath, "--out", fixture.dir.path("out"), "--history", history, "--quiet",
                                   "--policy", "observed"])
        XCTAssertEqual(outside.status, 0, outside.stderr)
        let runs = try listed(history)
        XCTAssertEqual(runs.count, 4)
        XCTAssertTrue(runs[0]["git_commit"] is NSNull, "outside a repository")
        XCTAssertEqual(runs[1...].map { $0["git_commit"] as? String }, [head, head, head])
        let text = try CLI.run(["history", "--history", history])
        XCTAssertTrue(text.stdout.contains(String(head.prefix(7))), text.stdout)
    }
}
