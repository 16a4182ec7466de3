import Foundation

/// Reads a file as it is at a git revision: `git show REF:PATH`, run in a folder.
enum GitShow {
    /// Splits `git:REF:PATH` into (REF, PATH); nil when `text` is not of that form.
    static func split(_ text: String) -> (ref: String, path: String)? {
        guard text.hasPrefix("git:") else { return nil }
        let rest = text.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let ref = String(rest[..<colon]), path = String(rest[rest.index(after: colon)...])
        guard !ref.isEmpty, !path.isEmpty else { return nil }
        return (ref, path)
    }

    /// The bytes of `ref:path` (path relative to the repository root, as `git show` takes it).
    /// - Returns: the file's bytes, or the failure message (git's standard error, first line).
    static func read(ref: String, path: String, in folder: String) -> Result<[UInt8], GitShowFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "\(ref):\(path)"]
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

/// Why `git show` failed.
struct GitShowFailure: Error {
    var message: String
}

/// A `Data` guarded by a lock, filled from another thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
