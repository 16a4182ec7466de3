import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// Who may start an external agent, and what is left of it afterwards.
final class ExecPermissionTests: XCTestCase {
    let forecast = ["python3", "agents/forecast.py", "80", "2"]

    func testAllowsOnlyWhatItNames() {
        XCTAssertFalse(ExecPermission.deny.allows(forecast))
        XCTAssertTrue(ExecPermission.allowAll.allows(["anything", "at", "all"]))
        let list = ExecPermission.allowlist([forecast])
        XCTAssertTrue(list.allows(forecast))
        // Exact vectors: an extra, missing or joined argument is another command.
        XCTAssertFalse(list.allows(forecast + ["; touch x"]))
        XCTAssertFalse(list.allows(Array(forecast.dropLast())))
        XCTAssertFalse(list.allows(["python3", "agents/forecast.py 80 2"]))
    }

    func testCheckAllowsAScenarioCommandOnlyWhenTheBaselineRunsIt() {
        var scenario = SimFixture.scenario()
        scenario.agents.allow = [forecast, ["python3", "other.py"]]
        let baseline = PolicySpec(name: "b", kind: .exec(ExecSpec(command: forecast, directory: "/tmp")))
        let hpaBaseline = PolicySpec(name: "b", kind: .observed)
        XCTAssertEqual(ExecPermission.check(scenario, baseline: baseline, allowExec: false), .allowlist([forecast]))
        XCTAssertEqual(ExecPermission.check(scenario, baseline: hpaBaseline, allowExec: false), .allowlist([]))
        XCTAssertEqual(ExecPermission.check(scenario, baseline: hpaBaseline, allowExec: true), .allowAll)
        XCTAssertEqual(ExecPermission.run(scenario, allowExec: false), .allowlist(scenario.agents.allow))
    }

    /// A fresh folder, removed after the test.
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "hindsight-exec-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    // Refused up front: neither the allowed agent nor the refused one starts.
    func testADeniedAgentRefusesTheWholeRunBeforeAnyAgentStarts() throws {
        let dir = try folder()
        let first = ExecSpec(command: ["touch", dir + "/first"], directory: dir)
        let second = ExecSpec(command: ["touch", dir + "/second"], directory: dir)
        let scenario = SimFixture.scenario(policies: [
            PolicySpec(name: "allowed", kind: .exec(first)),
            PolicySpec(name: "refused", kind: .exec(second), location: SourceLocation(file: "s.yaml", line: 9, column: 7)),
        ]) { $0.workload.podCapacity = 10 }
        let trace = SimFixture.trace(count: 8, ["rps": SimFixture.constant(100, 8)])
        for permission in [ExecPermission.deny, .allowlist([first.command])] {
            XCTAssertThrowsError(try SimFixture.run(scenario, trace, exec: permission)) { error in
                XCTAssertTrue(error is any InputError)
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix(permission == .deny ? "" : "s.yaml:9:7:"), text)
                XCTAssertTrue(text.contains("--allow-exec"), text)
                XCTAssertTrue(text.contains("[touch, \(dir)/"), text)
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    // The agent's children die with it: its process group is killed and it is reaped.
    func testClosingAnAgentEndsTheChildrenItStarted() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is needed") }
        let dir = try folder()
        try """
            import json, os, subprocess, sys
            child = subprocess.Popen(["sleep", "60"])
            open("child.pid", "w").write(str(child.pid))
            for line in sys.stdin:
                print(json.dumps({"replicas": 2}), flush=True)
            """.write(toFile: dir + "/agent.py", atomically: true, encoding: .utf8)
        let agent = try ExternalAgent(command: ["python3", "agent.py"], directory: dir, timeout: 10_000)
        XCTAssertEqual(try agent.ask(#"{"time": 1}"#).replicas, 2)
        let text = try String(contentsOfFile: dir + "/child.pid", encoding: .utf8)
        let child = try XCTUnwrap(pid_t(text))
        XCTAssertEqual(kill(child, 0), 0, "the child runs while the agent does")
        agent.close()
        XCTAssertTrue(Self.gone(child), "pid \(child) outlived its agent")
    }

    /// True once `pid` no longer exists or is a zombie (dead, waiting for init to reap it), within 2 s.
    static func gone(_ pid: pid_t) -> Bool {
        for _ in 0..<200 {
            if kill(pid, 0) != 0 { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"),
               stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(10_000)
        }
        return false
    }
}
