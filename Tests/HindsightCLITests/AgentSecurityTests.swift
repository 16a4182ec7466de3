import Foundation
import HindsightTestSupport
import XCTest

/// Issue 14 through the binary: external agents start only with permission, see a minimal
/// environment, and bad input files are never printed whole.
final class AgentSecurityTests: XCTestCase {
    // Agents run as /usr/bin/python3: a version manager's shim on PATH would add its own
    // variables to the environment the test inspects.

    /// An agent that records where it ran and what environment it saw in `argv[1]`, then
    /// answers 3 replicas to every request.
    static let agent = """
        import json, os, sys
        with open(sys.argv[1], "w") as f:
            json.dump({"cwd": os.getcwd(), "env": dict(os.environ)}, f)
        for line in sys.stdin:
            print(json.dumps({"replicas": 3}), flush=True)

        """

    /// An AIOptimizationPolicy whose model is `exec:/usr/bin/python3 agent.py MARKER`.
    static func aiPolicy(marker: String) -> String {
        """
        apiVersion: gitops.example.com/v1alpha1
        kind: AIOptimizationPolicy
        metadata:
          name: ai-exec
        spec:
          targetWorkload: deployment/web
          optimizationGoals:
            - type: costEfficiency
              metric: "cpu_utilization_avg"
              threshold: "60%"
          aiAgent:
            name: agent
            modelRef: "exec:/usr/bin/python3 agent.py \(marker)"
          actions:
            - type: scaleReplicas
              direction: "down"
              ifCondition: "costEfficiency"
          minReplicas: 2
          maxReplicas: 20

        """
    }

    func requirePython() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is needed to run the test agent")
        }
    }

    /// The fixture, agent.py next to its scenarios, the file the agent writes when it runs,
    /// and a scenario for `check` (budgets, and an allowlist naming the AI policy's command).
    func checkFixture() throws -> (RunFixture, scenario: String, marker: String) {
        try requirePython()
        let fixture = try RunFixture()
        try fixture.dir.write("agent.py", Self.agent)
        let marker = fixture.dir.path("ran.json")
        let extra = """

              budgets:
                costUSD: {maxIncreasePercent: 1000}
              agents:
                allow: [[/usr/bin/python3, agent.py, "\(marker)"]]

            """
        let scenario = try fixture.dir.write("check.yaml", RunFixture.scenario(name: "check", policies: ["- observed"]) + extra)
        return (fixture, scenario, marker)
    }

    func testCheckNeverStartsACandidateOnlyAgentWithoutAllowExec() throws {
        let (fixture, scenario, marker) = try checkFixture()
        let candidate = try fixture.dir.write("evil.yaml", Self.aiPolicy(marker: marker))
        let hpa = fixture.dir.path("hpa.yaml")
        // The scenario's allowlist names the command, but the baseline does not run it.
        let refused = try CLI.run(["check", scenario, "--baseline", hpa, "--candidate", candidate, "--out", fixture.dir.path("r")])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the candidate's agent ran")
        for part in ["candidate ai-exec", "[/usr/bin/python3, agent.py, \(marker)]", "--allow-exec"] {
            XCTAssertTrue(refused.stderr.contains(part), "missing \(part): \(refused.stderr)")
        }
        let allowed = try CLI.run(["check", scenario, "--baseline", hpa, "--candidate", candidate,
                                   "--out", fixture.dir.path("a"), "--allow-exec"])
        XCTAssertTrue([0, 1].contains(allowed.status), allowed.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker), "--allow-exec should start the agent")
    }

    func testCheckStartsAnAllowlistedAgentTheBaselineAlsoRuns() throws {
        let (fixture, scenario, marker) = try checkFixture()
        let policy = try fixture.dir.write("ai.yaml", Self.aiPolicy(marker: marker))
        let result = try CLI.run(["check", scenario, "--baseline", policy, "--candidate", policy, "--out", fixture.dir.path("c")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker))
    }

    func testRunStartsAllowlistedAgentsInAMinimalEnvironment() throws {
        try requirePython()
        let fixture = try RunFixture()
        try fixture.dir.write("agent.py", Self.agent)
        let marker = fixture.dir.path("seen.json")
        let policy = "- exec: {command: [/usr/bin/python3, agent.py, \"\(marker)\"], interval: 60s, minReplicas: 1, maxReplicas: 10}"
        let plain = try fixture.dir.write("plain.yaml", RunFixture.scenario(name: "plain", policies: [policy]))
        let variables = ["HINDSIGHT_TEST_SECRET": "s3cr3t-for-hindsight-only", "HINDSIGHT_TEST_PASSED": "passed-on"]

        // Not allowed: refused before anything runs; validate never runs agents either.
        let refused = try CLI.run(["run", plain, "--out", fixture.dir.path("r")], environment: variables)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-exec"), refused.stderr)
        XCTAssertEqual(try CLI.run(["validate", plain]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))

        let listed = plain.replacingOccurrences(of: "plain.yaml", with: "listed.yaml")
        let allow = "\n  agents:\n    allow: [[/usr/bin/python3, agent.py, \"\(marker)\"]]\n    env: [HINDSIGHT_TEST_PASSED]\n"
        try RunFixture.scenario(name: "listed", policies: [policy]).appending(allow).write(toFile: listed, atomically: true, encoding: .utf8)
        let ran = try CLI.run(["run", listed, "--out", fixture.dir.path("a")], environment: variables)
        XCTAssertEqual(ran.status, 0, ran.stderr)
        let seen = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: marker))) as? [String: Any])
        let env = try XCTUnwrap(seen["env"] as? [String: String])
        XCTAssertNil(env["HINDSIGHT_TEST_SECRET"], "a variable set for hindsight reached the agent")
        XCTAssertEqual(env["HINDSIGHT_TEST_PASSED"], "passed-on")
        // Python itself may add LC_CTYPE (PEP 538 locale coercion).
        let expected: Set<String> = ["PATH", "HOME", "LANG", "TZ", "HINDSIGHT_TEST_PASSED", "LC_CTYPE"]
        XCTAssertTrue(Set(env.keys).isSubset(of: expected), "\(env.keys.sorted())")
        XCTAssertEqual(seen["cwd"] as? String, fixture.dir.url.resolvingSymlinksInPath().path)
    }

    /// 5,000 characters that look like a token, from a fixed linear congruential sequence.
    static let token: String = {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var state: UInt64 = 0x5EC2E7
        var out = "ghp_"
        while out.count < 5_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        return out
    }()

    /// The longest run of consecutive characters of `token` that `text` contains.
    static func longestLeak(of token: String, in text: String) -> Int {
        let chars = Array(token)
        var best = 0
        var start = 0
        while start + best < chars.count {
            let piece = String(chars[start...(start + best)])
            if text.contains(piece) { best += 1 } else { start += 1 }
        }
        return best
    }

    func testATraceThatIsNotATraceIsQuotedOnlyAsAnExcerpt() throws {
        let dir = try TempDir()
        let cases = [
            "secret.txt": "API_TOKEN=" + Self.token + "\n",                         // a whole file that is no CSV
            "cell.csv": "timestamp,rps\n1767225600,1\n1767225615," + Self.token + "\n",  // a cell
            "time.csv": "timestamp,rps\n" + Self.token + ",1\n",                     // a time cell
        ]
        for (name, text) in cases.sorted(by: { $0.key < $1.key }) {
            try dir.write(name, text)
            let scenario = try dir.write("s-\(name).yaml", RunFixture.scenario(name: "leak", trace: "file: \(name)", policies: ["- observed"]))
            let result = try CLI.run(["run", scenario, "--out", dir.path("out")])
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(name), "\(name): \(result.stderr)")
            let leaked = Self.longestLeak(of: Self.token, in: result.stderr + result.stdout)
            XCTAssertLessThanOrEqual(leaked, 40, "\(name): \(result.stderr)")
        }
    }
}
