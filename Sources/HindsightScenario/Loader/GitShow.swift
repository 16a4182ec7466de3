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
        GitProcess.output(["show", "\(ref):\(path)"], in: folder)
    }
}

/// Why `git show` failed.
struct GitShowFailure: Error {
    var message: String
}
