import Foundation
import HindsightTestSupport
@testable import HindsightSim
import XCTest

/// Agents that misbehave at scale (issue 12): floods, children left running, input closed
/// early, input never read. Each must end in an `AgentError` within the configured timeout
/// (plus the fixed grace of `AgentProcess.stop()`), and leave no process behind: the agent
/// reaped (no zombie), its children ended with its process group.
final class AgentMisbehaviourTests: XCTestCase {
    private var folder: TempDir?
    private var directory: String { folder?.path ?? "" }

    override func setUpWithError() throws {
        folder = try TempDir(prefix: "hindsight-misbehave")
    }

    override func tearDown() {
        folder = nil
    }

    /// Starts `script` with `sh`; the script may write pids into files of the folder.
    func agent(_ script: String, timeout: Int64) throws -> ExternalAgent {
        try script.write(toFile: directory + "/agent.sh", atomically: true, encoding: .utf8)
        return try ExternalAgent(command: ["sh", "agent.sh"], directory: directory, timeout: timeout)
    }

    /// Seconds `body` took.
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The pid an agent wrote into `name`, waiting up to 2 s for the file.
    func pid(in name: String) throws -> pid_t {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8),
               let value = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return value }
            usleep(10_000)
        }
        throw XCTSkip("the agent did not write \(name)")
    }

    /// True when `pid` runs (a zombie, dead but not yet reaped by its parent, does not count).
    func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)...].first
        return state != "Z" && state != "X"
    }

    /// The agent is reaped: it is no longer our child, and no longer exists at all.
    func assertReaped(_ pid: pid_t, file: StaticString = #filePath, line: UInt = #line) {
        var status: Int32 = 0
        XCTAssertEqual(waitpid(pid, &status, WNOHANG), -1, "the agent is still our child", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/proc/\(pid)"), "agent \(pid) left a zombie", file: file, line: line)
    }

    /// Asks `request` and expects an `AgentError` whose text contains `fragment` (any error
    /// when nil); the ask and `close()` together must end within `limit` seconds.
    func expectFailure(_ a: ExternalAgent, _ request: String = "{}", containing fragment: String?, within limit: Double,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let took = try seconds {
            XCTAssertThrowsError(try a.ask(request), file: file, line: line) { error in
                if let fragment { XCTAssertTrue("\(error)".contains(fragment), "\(error)", file: file, line: line) }
            }
            a.close()
        }
        XCTAssertLessThan(took, limit, file: file, line: line)
    }

    func testMegabytesWithoutNewlineFailWithinTheTimeout() throws {
        let a = try agent("echo $$ > agent.pid\nread -r line\nhead -c 5000000 /dev/zero | tr '\\000' x\nsleep 30\n", timeout: 3_000)
        let agentPid = try pid(in: "agent.pid")
        try expectFailure(a, containing: "more than 1 MiB without a newline", within: 3 + 1.5)
        assertReaped(agentPid)
    }

    func testManyLinesForOneRequestAreAnError() throws {
        // Answers each request with 1,000 lines.
        let a = try agent("""
            echo $$ > agent.pid
            while read -r line; do
              i=0; while [ $i -lt 1000 ]; do echo '{"replicas": 3}'; i=$((i+1)); done
            done
            """, timeout: 2_000)
        let agentPid = try pid(in: "agent.pid")
        XCTAssertEqual(try a.ask("{}").replicas, 3)
        usleep(200_000)  // let the other lines arrive
        XCTAssertThrowsError(try a.ask("{}")) { error in
            XCTAssertTrue("\(error)".contains("no request asked for"), "\(error)")
        }
        a.close()
        assertReaped(agentPid)
    }

    func testAnAgentThatNeverReadsCannotBlockTheWriteBeyondTheTimeout() throws {
        // 1 MiB of request (far more than a pipe holds) to an agent that never reads.
        let a = try agent("echo $$ > agent.pid\nexec sleep 30\n", timeout: 500)
        let agentPid = try pid(in: "agent.pid")
        let request = "{\"pad\": \"" + String(repeating: "p", count: 1 << 20) + "\"}"
        try expectFailure(a, request, containing: "did not read its input within 500 ms", within: 0.5 + 1.5)
        assertReaped(agentPid)
    }

    func testChildrenLeftRunningAreEndedWithTheAgent() throws {
        // The agent starts a long child, answers once, and keeps running.
        let a = try agent("""
            echo $$ > agent.pid
            sleep 60 &
            echo $! > child.pid
            read -r line
            echo '{"replicas": 2}'
            while read -r line; do :; done
            sleep 60
            """, timeout: 2_000)
        let agentPid = try pid(in: "agent.pid")
        let child = try pid(in: "child.pid")
        XCTAssertEqual(try a.ask("{}").replicas, 2)
        XCTAssertTrue(isRunning(child))
        let took = seconds { a.close() }
        XCTAssertLessThan(took, 1.5)
        assertReaped(agentPid)
        usleep(100_000)  // the orphaned child is reaped by init once killed
        XCTAssertFalse(isRunning(child), "the agent's child \(child) outlived it")
    }

    func testAnAgentWhoseChildHoldsTheOutputAfterItExitsTimesOut() throws {
        // The agent exits at once; its child keeps standard output open and says nothing.
        let a = try agent("echo $$ > agent.pid\nsleep 60 &\necho $! > child.pid\nexit 0\n", timeout: 700)
        let agentPid = try pid(in: "agent.pid")
        let child = try pid(in: "child.pid")
        // Either the write finds no reader (the agent is gone) or the answer times out.
        try expectFailure(a, containing: nil, within: 0.7 + 1.5)
        assertReaped(agentPid)
        usleep(100_000)
        XCTAssertFalse(isRunning(child), "the agent's child \(child) outlived it")
    }

    func testInputClosedEarlyFailsWithinTheTimeout() throws {
        // Closes its standard input at once, then lingers without answering.
        let a = try agent("echo $$ > agent.pid\nexec 0<&-\nsleep 30\n", timeout: 700)
        let agentPid = try pid(in: "agent.pid")
        usleep(100_000)  // the close has happened
        let took = try seconds {
            for _ in 0..<3 { XCTAssertThrowsError(try a.ask("{}")) }
            a.close()
        }
        XCTAssertLessThan(took, 3 * 0.7 + 1.5)
        assertReaped(agentPid)
    }
}
