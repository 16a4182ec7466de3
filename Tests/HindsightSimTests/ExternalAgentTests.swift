import Foundation
@testable import HindsightSim
import XCTest

/// The agent protocol of SEMANTICS.md §6, against small real programs.
final class ExternalAgentTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "hindsight-agent-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw XCTSkip("python3 is needed to run the example agents")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func agent(_ source: String, timeout: Int64 = 2_000) throws -> ExternalAgent {
        try source.write(toFile: directory + "/agent.py", atomically: true, encoding: .utf8)
        return try ExternalAgent(command: ["python3", "-u", "agent.py"], directory: directory, timeout: timeout)
    }

    func testAnswersAreReadLineByLineAndRunInTheScenarioFolder() throws {
        let a = try agent("""
            import json, os, sys
            for line in sys.stdin:
                req = json.loads(line)
                n = max(1, round(req["metrics"]["rps"] / 100))
                print(json.dumps({"replicas": n, "reason": os.path.basename(os.getcwd())}))
            """)
        defer { a.close() }
        let first = try a.ask(#"{"time": 1, "replicas": 4, "ready": 4, "metrics": {"rps": 120.5}}"#)
        XCTAssertEqual(first.replicas, 1)
        XCTAssertEqual(first.reason, (directory as NSString).lastPathComponent)
        XCTAssertEqual(try a.ask(#"{"time": 2, "replicas": 1, "ready": 1, "metrics": {"rps": 640}}"#).replicas, 6)
    }

    func testGarbageIsQuoted() throws {
        let a = try agent("""
            import sys
            for line in sys.stdin:
                print("scale to six please")
            """)
        defer { a.close() }
        XCTAssertThrowsError(try a.ask("{}")) { error in
            XCTAssertTrue("\(error)".contains("\"scale to six please\""), "\(error)")
        }
    }

    func testMissingReplicasIsAnError() throws {
        let a = try agent("""
            import sys
            for line in sys.stdin:
                print('{"replica": 3}')
            """)
        defer { a.close() }
        XCTAssertThrowsError(try a.ask("{}")) { error in
            XCTAssertTrue("\(error)".contains("without an integer \"replicas\""), "\(error)")
        }
    }

    func testSilenceTimesOut() throws {
        let a = try agent("""
            import sys, time
            sys.stdout.write('{"replicas": ')
            sys.stdout.flush()
            time.sleep(30)
            """, timeout: 300)
        defer { a.close() }
        XCTAssertThrowsError(try a.ask("{}")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("within 300 ms"), text)
            XCTAssertTrue(text.contains("{\"replicas\": "), text)
        }
    }

    func testEarlyExitIsReported() throws {
        let a = try agent("""
            import sys
            sys.stdin.readline()
            print("bye", end="")
            sys.exit(3)
            """)
        defer { a.close() }
        XCTAssertThrowsError(try a.ask("{}")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("exited before answering"), text)
            XCTAssertTrue(text.contains("\"bye\""), text)
        }
    }
}
