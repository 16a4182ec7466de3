import Foundation
import HindsightTrace
#if canImport(Glibc)
import Glibc
#endif

/// An external program put in charge of a fleet (SEMANTICS.md §6): started once per run
/// in the scenario's folder; at each evaluation it gets one JSON line on standard input
/// and must answer one JSON line on standard output within `timeout`.
///
/// The agent runs with the least the protocol needs (`AgentProcess`): a minimal
/// environment, its own process group (ended with the agent), standard input and output
/// for the protocol; its standard error is passed through. A missing, late or malformed
/// answer, or an early exit, throws `AgentError` quoting a short excerpt of what was
/// received.
public final class ExternalAgent {
    public let command: [String]
    private let process: AgentProcess
    private var input: Int32 { process.input }
    private var output: Int32 { process.output }
    private let timeout: Int64
    private var buffer: [UInt8] = []

    /// Starts the agent.
    /// - Parameters:
    ///   - command: program and arguments, looked up on `PATH` as a shell would.
    ///   - directory: working directory (the scenario file's folder).
    ///   - timeout: longest wait for each answer, ms.
    ///   - environment: the agent's whole environment as `NAME=value` entries
    ///     (default: `minimalEnvironment()`).
    /// - Throws: `AgentError` when the program cannot be started.
    public init(command: [String], directory: String, timeout: Int64, environment: [String]? = nil) throws {
        self.command = command
        self.timeout = timeout
        signal(SIGPIPE, SIG_IGN)  // an agent that exits early must not kill us on write
        process = try AgentProcess(command: command, directory: directory,
                                   environment: environment ?? Self.minimalEnvironment())
    }

    /// `PATH`, `HOME`, `LANG`, `TZ` and the variables named in `passing`, with this
    /// process's values (those it has); `PATH` defaults to the system folders.
    public static func minimalEnvironment(passing: [String] = []) -> [String] {
        let own = ProcessInfo.processInfo.environment
        var names: [String] = []
        for name in ["PATH", "HOME", "LANG", "TZ"] + passing where !names.contains(name) { names.append(name) }
        var entries: [String] = []
        for name in names {
            if let value = own[name] {
                entries.append("\(name)=\(value)")
            } else if name == "PATH" {
                entries.append("PATH=/usr/local/bin:/usr/bin:/bin")
            }
        }
        return entries
    }

    deinit { close() }

    /// Sends one request line and reads the answer.
    /// - Returns: the replica count and the agent's reason (empty when it gave none).
    /// - Throws: `AgentError` on an early exit, a timeout, or an answer that is not
    ///   `{"replicas": <integer>, "reason": <string>?}`.
    public func ask(_ requestLine: String) throws -> (replicas: Int, reason: String) {
        var line = Array(requestLine.utf8)
        line.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < line.count {
            let n = line[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                throw failure("exited before reading its input" + exitNote())
            }
            offset += n
        }
        let answer = try readLine()
        return try parse(answer)
    }

    private func readLine() throws -> [UInt8] {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeout, 0)) * 1_000_000
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                throw failure("sent no complete answer within \(timeout) ms" + quoted(buffer, prefix: "; received so far: "))
            }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let waitMs = Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max)))
            let ready = poll(&descriptor, 1, waitMs)
            if ready < 0 {
                if errno == EINTR { continue }
                throw failure("could not be read (errno \(errno))")
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                throw failure("exited before answering" + exitNote() + quoted(buffer, prefix: "; it sent: "))
            }
            buffer.append(contentsOf: chunk[..<n])
            if buffer.count > 1 << 20 {
                throw failure("sent more than 1 MiB without a newline" + quoted(buffer, prefix: "; it began: "))
            }
        }
    }

    private func parse(_ line: [UInt8]) throws -> (replicas: Int, reason: String) {
        let object = try? JSONSerialization.jsonObject(with: Data(line))
        guard let dict = object as? [String: Any] else {
            throw failure("answered with something that is not a JSON object" + quoted(line, prefix: ": "))
        }
        guard let number = dict["replicas"] as? NSNumber,
              let value = Double(exactly: number.doubleValue), value == value.rounded(), abs(value) < 1e9
        else {
            throw failure("answered without an integer \"replicas\"" + quoted(line, prefix: ": "))
        }
        let reason = dict["reason"] as? String ?? ""
        return (Int(value), reason)
    }

    private func failure(_ problem: String) -> AgentError {
        AgentError(command: command.joined(separator: " "), problem: problem)
    }

    private func exitNote() -> String {
        usleep(20_000)
        return process.exitDescription().map { " (\($0))" } ?? ""
    }

    private func quoted(_ bytes: [UInt8], prefix: String) -> String {
        guard !bytes.isEmpty else { return "" }
        return prefix + "\"" + Excerpt.of(bytes: bytes) + "\""
    }

    /// Closes the agent's input and ends it and its process group (`AgentProcess.stop()`).
    public func close() {
        process.stop()
    }
}
