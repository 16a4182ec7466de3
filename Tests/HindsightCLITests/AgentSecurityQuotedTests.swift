import Foundation
import HindsightTestSupport
import XCTest

/// The configurations issue 14 quotes, exactly as written, through the binary:
/// `aiAgent.modelRef: "exec:touch /tmp/x"` in a candidate, and
/// `spec.agents.allow: [[python3, agents/forecast.py]]` in a scenario.
final class AgentSecurityQuotedTests: XCTestCase {
    func testCandidateWithExecTouchTmpXIsRefusedAndRunsNothing() throws {
        let f = try RunFixture()
        let seed = try String(contentsOfFile: CLI.packagePath("scenarios/policies/ai-optimization.yaml"), encoding: .utf8)
        let evil = seed.replacingOccurrences(of: "modelRef: \"openai-gpt-4o\"", with: "modelRef: \"exec:touch /tmp/x\"")
        XCTAssertNotEqual(evil, seed)
        try f.dir.write("evil.yaml", evil)
        let scenario = try f.dir.write("check.yaml", RunFixture.scenario(policies: ["- observed"])
                                       + "  budgets: {sloViolationFraction: {maxIncrease: 1}}\n")
        try? FileManager.default.removeItem(atPath: "/tmp/x")
        defer { try? FileManager.default.removeItem(atPath: "/tmp/x") }
        let check = try CLI.run(["check", scenario, "--baseline", f.dir.path("hpa.yaml"), "--candidate", f.dir.path("evil.yaml"),
                                 "--out", f.dir.path("out"), "--no-history"])
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertTrue(check.stderr.contains("[touch, /tmp/x]") && check.stderr.contains("--allow-exec"), check.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/x"), "the candidate's command ran")
    }

    func testAllowlistAsQuotedRunsTheShippedAgentWithoutTheFlag() throws {
        let f = try RunFixture()
        try FileManager.default.createDirectory(atPath: f.dir.path("agents"), withIntermediateDirectories: true)
        try f.dir.write("agents/forecast.py",
                        try String(contentsOfFile: CLI.packagePath("scenarios/agents/forecast.py"), encoding: .utf8))
        var text = RunFixture.scenario(policies: ["- exec: {command: [python3, agents/forecast.py], interval: 60s, minReplicas: 2, maxReplicas: 30}"])
        text += "  agents:\n    allow: [[python3, agents/forecast.py]]\n"
        let scenario = try f.dir.write("agent.yaml", text)
        let run = try CLI.run(["run", scenario, "--out", f.dir.path("out"), "--quiet", "--no-history"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let name = try XCTUnwrap(try f.dir.list("out").first { $0.hasPrefix("decisions-exec") }, "no exec decisions file")
        let decisions = try String(contentsOfFile: f.dir.path("out/" + name), encoding: .utf8)
        XCTAssertGreaterThan(decisions.split(separator: "\n").count, 1, decisions)
        // One word more is another command: not allowed without the flag.
        let other = text.replacingOccurrences(of: "command: [python3, agents/forecast.py]", with: "command: [python3, agents/forecast.py, \"90\"]")
        let refused = try CLI.run(["run", try f.dir.write("other.yaml", other), "--out", f.dir.path("out2"), "--no-history"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
    }
}
