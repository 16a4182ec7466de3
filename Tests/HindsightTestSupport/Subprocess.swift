import Foundation

/// Runs helper programs (git, python3, a browser) from tests, output discarded.
public enum Subprocess {
    /// Runs `executable arguments…` in `directory` (the current one when nil) with standard
    /// input, output and error on the null device, and waits for it.
    /// - Returns: the exit status; -1 when the program could not be started.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Runs `git` with a throwaway identity and no signing (for repositories tests create).
    /// - Returns: the exit status; -1 when git could not be started.
    @discardableResult
    public static func git(_ arguments: [String], in directory: String) -> Int32 {
        run("/usr/bin/git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"] + arguments,
            in: directory)
    }
}
