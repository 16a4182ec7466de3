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
        _ = fcntl(process.input, F_SETFL, fcntl(process.input, F_GETFL) | O_NONBLOCK)
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
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeout, 0)) * 1_000_000
        try refuseUnaskedOutput()
        var line = Array(requestLine.utf8)
        line.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < line.count {
            // The input is non-blocking: an agent that stops reading cannot hold us past the deadline.
            let n = line[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                guard try wait(for: input, events: POLLOUT, until: deadline) else {
                    throw failure("did not read its input within \(timeout) ms")
                }
                continue
            }
            if n <= 0 { throw failure("exited before reading its input" + exitNote()) }
            offset += n
        }
        let answer = try readLine(until: deadline)
        return try parse(answer)
    }

    /// Output waiting before a request is sent means the agent answered one request with more
    /// than one line (or spoke unasked): every later answer would be off by one, so it is an error.
    private func refuseUnaskedOutput() throws {
        var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        if buffer.isEmpty && poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0 {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n > 0 { buffer.append(contentsOf: chunk[..<n]) }
        }
        guard buffer.isEmpty else {
            throw failure("sent output no request asked for (one answer line per request)" + quoted(buffer, prefix: ": "))
        }
    }

    /// Waits until `fd` is ready for `events` or `deadline` (uptime, ns) passes.
    /// - Returns: false when the deadline passed first.
    private func wait(for fd: Int32, events: Int32, until deadline: UInt64) throws -> Bool {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return false }
            var descriptor = pollfd(fd: fd, events: Int16(events), revents: 0)
            let waitMs = Int32(min((deadline - now) / 1_000_000 + 1, UInt64(Int32.max)))
            let ready = poll(&descriptor, 1, waitMs)
            if ready < 0 {
                if errno == EINTR { continue }
                throw failure("could not be reached (errno \(errno))")
            }
            if ready > 0 { return true }
        }
    }

    /// - Complexity: O(bytes received): each byte is searched for the newline once.
    private func readLine(until deadline: UInt64) throws -> [UInt8] {
        var searched = 0
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return line
            }
            searched = buffer.count
            guard try wait(for: output, events: POLLIN, until: deadline) else {
                throw failure("sent no complete answer within \(timeout) ms" + quoted(buffer, prefix: "; received so far: "))
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
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
        try Self.answer(line, command: command.joined(separator: " "))
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
