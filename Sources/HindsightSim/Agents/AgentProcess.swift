import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An agent's operating-system process: started with `posix_spawn` in a process group of
/// its own, with an explicit environment, a working folder, and only standard input,
/// output and error open. `stop()` ends the whole group and reaps the agent, so neither
/// the agent nor anything it started outlives the run.
final class AgentProcess {
    let pid: pid_t
    /// Write end of the agent's standard input.
    let input: Int32
    /// Read end of the agent's standard output.
    let output: Int32
    private var inputOpen = true
    private var stopped = false

    /// How long `stop()` waits after closing standard input, then after SIGTERM, ms.
    static let closeGrace: Int64 = 200
    static let termGrace: Int64 = 300

    /// Starts `command` (program looked up on `PATH`) in `directory`.
    /// - Parameters:
    ///   - environment: the agent's whole environment, as `NAME=value` entries.
    /// - Throws: `AgentError` when pipes cannot be made or the program cannot be started.
    init(command: [String], directory: String, environment: [String]) throws {
        precondition(!command.isEmpty, "AgentProcess needs a program")
        let shown = command.joined(separator: " ")
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard Self.makePipe(&toChild) else {
            throw AgentError(command: shown, problem: "could not be started: no pipe (errno \(errno))")
        }
        guard Self.makePipe(&fromChild) else {
            Glibc.close(toChild[0]); Glibc.close(toChild[1])
            throw AgentError(command: shown, problem: "could not be started: no pipe (errno \(errno))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        var argv = command
        if let addChdir = SpawnSupport.addChdir {
            _ = directory.withCString { addChdir(&actions, $0) }
        } else {
            // Without posix_spawn_file_actions_addchdir_np, env(1) changes folder first.
            argv = ["/usr/bin/env", "-C", directory, "--"] + command
        }
        if let closeFrom = SpawnSupport.addCloseFrom { _ = closeFrom(&actions, 3) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (pgid = pid); default SIGPIPE and an empty signal mask,
        // whatever this process has set for itself.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults); sigaddset(&defaults, SIGPIPE)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)

        var child: pid_t = 0
        let code = SpawnSupport.withCStrings(argv) { cArgv in
            SpawnSupport.withCStrings(environment) { cEnv in
                posix_spawnp(&child, argv[0], &actions, &attributes, cArgv, cEnv)
            }
        }
        Glibc.close(toChild[0]); Glibc.close(fromChild[1])
        guard code == 0 else {
            Glibc.close(toChild[1]); Glibc.close(fromChild[0])
            throw AgentError(command: shown, problem: "could not be started in \(directory): \(String(cString: strerror(code)))")
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
    }

    deinit { stop() }

    /// A pipe whose ends close on exec (the Glibc module has no `pipe2`; a descriptor
    /// another thread's spawn catches in between is closed by `closefrom` in that child).
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// The agent's exit, without reaping it: `nil` while it runs.
    /// - Returns: e.g. "exit status 1" or "killed by signal 9".
    func exitDescription() -> String? {
        guard !stopped else { return "stopped" }
        var info = siginfo_t()
        let r = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        guard r == 0, info._sifields._sigchld.si_pid == pid else { return nil }
        let status = info._sifields._sigchld.si_status
        return info.si_code == Int32(CLD_EXITED) ? "exit status \(status)" : "killed by signal \(status)"
    }

    /// Closes the agent's standard input (it sees end of file).
    func closeInput() {
        guard inputOpen else { return }
        inputOpen = false
        Glibc.close(input)
    }

    /// Ends the agent and its group: end of input, then SIGTERM to the group after
    /// `closeGrace` if the agent still runs, then SIGKILL to the group after `termGrace`
    /// (always, for children the agent left behind); reaps the agent. Idempotent.
    func stop() {
        guard !stopped else { return }
        closeInput()
        if !waitForExit(ms: Self.closeGrace) {
            kill(-pid, SIGTERM)
            _ = waitForExit(ms: Self.termGrace)
        }
        // The agent is at least a zombie until reaped, so its group id cannot be reused yet.
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        Glibc.close(output)
        stopped = true
    }

    /// Polls every 2 ms for up to `ms` for the agent to exit; true once it has.
    private func waitForExit(ms: Int64) -> Bool {
        var waited: Int64 = 0
        while exitDescription() == nil {
            if waited >= ms { return false }
            usleep(2_000)
            waited += 2
        }
        return true
    }
}
