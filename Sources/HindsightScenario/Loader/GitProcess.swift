import Foundation

/// Runs `git` with fixed arguments in a folder — never through a shell, standard input
/// closed, both outputs captured — for `git show` (policies at a revision) and
/// `git rev-parse HEAD` (the run history's commit).
enum GitProcess {
    /// The standard output of `git arguments…` run in `folder`.
    /// - Returns: the bytes git wrote, or the failure message (git's standard error, first
    ///   line; "cannot run git (…)" when it could not start).
    static func output(_ arguments: [String], in folder: String) -> Result<[UInt8], GitShowFailure> {
        let process = Process()
        // `env` looks git up on PATH; the arguments are passed as they are, never to a shell.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(GitShowFailure(message: "cannot run git (\(error.localizedDescription))"))
        }
        // Read both pipes concurrently-enough: stderr is small; read it on a background queue.
        let errData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let text = String(decoding: errData.get(), as: UTF8.self)
            let first = text.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            return .failure(GitShowFailure(message: first))
        }
        return .success([UInt8](data))
    }
}

/// A `Data` guarded by a lock, filled from another thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
