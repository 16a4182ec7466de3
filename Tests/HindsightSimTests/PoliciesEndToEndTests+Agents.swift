import HindsightTestSupport
import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// exec agents and replayed decisions (SEMANTICS.md §6), end to end.
extension PoliciesEndToEndTests {

    func requirePython() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is needed to run the test agents")
        }
    }

    /// A scenario whose only policy is `python3 agent.py` in `dir`, with the given source.
    func execScenario(_ source: String, dir: String, timeout: SimDuration = .seconds(10)) throws -> Scenario {
        try source.write(toFile: dir + "/agent.py", atomically: true, encoding: .utf8)
        var e = ExecSpec(command: ["python3", "agent.py"], directory: dir)
        e.minReplicas = 2; e.maxReplicas = 6; e.timeout = timeout
        return Self.web([PolicySpec(name: "agent", kind: .exec(e))]) {
            $0.metrics = MetricsPipelineSpec(window: .zero, lag: .zero)
            $0.workload.initialReplicas = 3
        }
    }

    // (e) The fleet follows the agent's answers, clamped; the request carries unix seconds.
    func testExecAgentDrivesTheFleetClamped() throws {
        try requirePython()
        let dir = try temporaryFolder()
        let sc = try execScenario("""
            import json, sys
            for line in sys.stdin:
                req = json.loads(line)
                n = int(req["metrics"]["rps"] // 100)
                print(json.dumps({"replicas": n, "reason": "t=%d" % req["time"]}), flush=True)
            """, dir: dir)
        // Blocks of 4 minutes (16 steps of 15 s): 100, 450, 900, 250, 50 requests/s.
        let levels = [100.0, 450, 900, 250, 50]
        let rps = levels.flatMap { Array(repeating: $0, count: 16) }
        let trace = Self.webTrace(rps: rps)
        let run = try XCTUnwrap(SimFixture.run(sc, trace, exec: .allowAll).first)
        // Evaluations every 60 s (4 steps) see the current rps; answers ⌊rps/100⌋ clamped
        // to [2, 6]: 1→2, 4, 9→6, 2, 0→2.
        let expected = rps.map { Int32(min(max(Int($0 / 100), 2), 6)) }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
        XCTAssertEqual(run.decisions.map(\.to), [2, 4, 6, 2])
        XCTAssertEqual(run.decisions.map(\.time), [0, 16, 32, 48].map { trace.time(at: $0) })
        XCTAssertTrue(run.decisions[1].reason.contains("t=\(trace.time(at: 16).wholeUnixSeconds)"), run.decisions[1].reason)
    }

    // (e) A misbehaving agent stops the run with an input error that quotes what it sent.
    func testMisbehavingAgentsStopTheRunQuotingThem() throws {
        try requirePython()
        let dir = try temporaryFolder()
        let trace = Self.webTrace(rps: SimFixture.constant(300, 40))
        // Garbage, an early exit after half a line, silence past the timeout after a word
        // (the timeout leaves python time to start on a loaded machine).
        let cases: [(String, SimDuration, String)] = [
            ("import sys\nfor line in sys.stdin:\n    print('scale to six please', flush=True)\n", .seconds(10), "scale to six please"),
            ("import sys\nsys.stdin.readline()\nsys.stdout.write('{\"replicas\": 4')\nsys.stdout.flush()\n", .seconds(10), "{\"replicas\": 4"),
            ("import sys, time\nsys.stdin.readline()\nsys.stdout.write('thinking')\nsys.stdout.flush()\ntime.sleep(30)\n", .milliseconds(1_500), "thinking"),
        ]
        for (source, timeout, quoted) in cases {
            let sc = try execScenario(source, dir: dir, timeout: timeout)
            XCTAssertThrowsError(try Simulation.run(scenario: sc, trace: trace, environment: SimFixture.env(), exec: .allowAll)) { error in
                XCTAssertTrue(error is any InputError, "\(type(of: error))")
                XCTAssertTrue("\(error)".contains(quoted), "\(error)")
            }
        }
    }

    // (f) replay: from each logged timestamp on, at step resolution.
    func testReplayedDecisionsApplyFromTheirTimestamps() throws {
        let dir = try temporaryFolder()
        let t0 = SimFixture.start / 1000
        // 70 s falls inside step 4 ([60, 75) s): it applies at the next step, 75 s.
        try "timestamp,replicas,reason\n\(t0),3,start\n\(t0 + 70),5,ramp\n\(t0 + 300),2,quiet\n"
            .write(toFile: dir + "/decisions.csv", atomically: true, encoding: .utf8)
        let trace = Self.webTrace(rps: SimFixture.constant(100, 40))
        let sc = Self.web([PolicySpec(name: "replay", kind: .replay(ReplaySpec(file: dir + "/decisions.csv")))])
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        let expected = (0..<40).map { i -> Int32 in i < 5 ? 3 : (i < 20 ? 5 : 2) }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
        XCTAssertEqual(run.decisions.map(\.to), [5, 2])
        XCTAssertEqual(run.decisions.map(\.time), [trace.time(at: 5), trace.time(at: 20)])
    }
}
