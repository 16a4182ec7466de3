import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of outputs replaced as a whole (`run`, `check`, `sweep`): every file is written
/// into a hidden temporary sibling, `.<name>.tmp-XXXXXX` (created exclusively, as
/// `mkdtemp(3)` does), and `commit()` puts it in place of the target in one step. Until
/// then the previous folder, if any, stays as it was; a reader never sees two runs mixed.
///
/// The swap: on Linux, `renameat2(RENAME_EXCHANGE)` exchanges the two folders atomically
/// (looked up with `dlsym`, as not every C library declares it). Where it is missing or
/// the file system refuses it (`ENOSYS`, `EINVAL`), and on other systems, the old folder is
/// renamed aside and the new one renamed in: between those two renames the target is
/// briefly absent, never mixed. The old folder is then removed.
///
/// A process killed before `commit()` leaves its hidden `.<name>.tmp-…` sibling behind,
/// never a partial target; `begin` removes such siblings older than an hour.
///
/// Only a folder that is absent, empty or holds one of `markers` (the files the command
/// writes, e.g. `summary.json`) is replaced, so that `--out ~` cannot erase a home folder.
///
/// ```swift
/// let folder = try AtomicFolder.begin(replacing: "reports/demo", markers: ["summary.json"])
/// do {
///     try AtomicFile.write("{}", to: folder.path + "/summary.json")
///     try folder.commit()
/// } catch {
///     folder.discard(); throw error
/// }
/// // or: try AtomicFolder.write(to: "reports/demo", markers: ["summary.json"]) { path in … }
/// ```
public struct AtomicFolder: Sendable {
    /// The folder being replaced, as the caller named it (trailing slashes removed).
    public let target: String
    /// The temporary folder to write into; it becomes `target` on `commit()`.
    public let path: String

    /// Seconds after which a leftover temporary sibling counts as stale.
    public static let staleAge: Double = 3600

    /// Checks that `target` may be replaced, creates its parent folders, removes stale
    /// temporary siblings and creates the empty temporary folder (mode 0755 less the umask).
    /// - Parameter markers: file names one of which an existing, non-empty target must hold.
    /// - Throws: `FileWriteError` when the target is a file, a non-empty folder without a
    ///   marker, or the temporary folder cannot be created.
    public static func begin(replacing target: String, markers: [String]) throws -> AtomicFolder {
        let trimmed = resolved(target)
        try requireReplaceable(trimmed, markers: markers)
        let (parent, name) = split(trimmed)
        try AtomicFile.createDirectory(parent)
        removeStale(in: parent, name: name)
        var template = Array(((parent.isEmpty ? "" : parent + "/") + ".\(name).tmp-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw error(trimmed) }
        let temporary = template.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let mask = umask(0)
        umask(mask)
        chmod(temporary, 0o755 & ~mask)
        return AtomicFolder(target: trimmed, path: temporary)
    }

    /// Writes a whole folder: `body` gets the temporary folder's path; when it returns,
    /// the folder replaces `target`; when it throws, the temporary folder is removed and
    /// `target` is left as it was.
    /// - Throws: what `body` throws, or `FileWriteError` from `begin` or `commit`.
    @discardableResult
    public static func write<T>(to target: String, markers: [String], _ body: (String) throws -> T) throws -> T {
        let folder = try begin(replacing: target, markers: markers)
        do {
            let value = try body(folder.path)
            try folder.commit()
            return value
        } catch {
            folder.discard()
            throw error
        }
    }

    /// Puts the temporary folder in place of the target and removes the previous one.
    /// - Throws: `FileWriteError` when the target changed into something that may not be
    ///   replaced, or a rename fails (the temporary folder is then left for `discard()`).
    public func commit() throws {
        try Self.requireReplaceable(target, markers: nil)
        if rename(path, target) == 0 { return }  // no target yet (or an empty one)
        guard errno == ENOTEMPTY || errno == EEXIST else { throw Self.error(target) }
        if Self.exchange(path, target) {
            Self.removeTree(path)  // now holds the previous folder
            return
        }
        let (parent, name) = Self.split(target)
        let aside = (parent.isEmpty ? "" : parent + "/") + ".\(name).tmp-old\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard rename(target, aside) == 0 else { throw Self.error(target) }
        guard rename(path, target) == 0 else {
            let failure = Self.error(target)
            _ = rename(aside, target)
            throw failure
        }
        Self.removeTree(aside)
    }

    /// Removes the temporary folder and everything in it (after a failure).
    public func discard() {
        Self.removeTree(path)
    }

    // MARK: - Helpers

    /// Exchanges two paths in one step where the system can; false when it cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentFolder: Int32 = -100  // AT_FDCWD
        let renameExchange: UInt32 = 2     // RENAME_EXCHANGE
        return renameat2(atCurrentFolder, a, atCurrentFolder, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Throws unless `target` is absent, an empty folder, or a folder holding one of
    /// `markers` (nil: any folder).
    private static func requireReplaceable(_ target: String, markers: [String]?) throws {
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FileWriteError(path: target, reason: "exists and is not a folder; the output must be a folder")
        }
        guard let markers else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if entries.isEmpty || entries.contains(where: markers.contains) { return }
        throw FileWriteError(path: target, reason: "holds files that are not an earlier output (no \(markers.joined(separator: " or "))), so it is not replaced; choose a new or empty folder")
    }

    /// Removes `.<name>.tmp-…` siblings older than `staleAge` (left by killed processes).
    private static func removeStale(in parent: String, name: String) {
        let folder = parent.isEmpty ? "." : parent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Date().timeIntervalSince1970
        for entry in entries where entry.hasPrefix(".\(name).tmp-") {
            let full = folder + "/" + entry
            let attributes = try? FileManager.default.attributesOfItem(atPath: full)
            guard let modified = attributes?[.modificationDate] as? Date else { continue }
            if now - modified.timeIntervalSince1970 > staleAge { removeTree(full) }
        }
    }

    private static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `path` without trailing slashes; a symbolic link is followed (its target folder is
    /// replaced, not the link), and `.`/`..` endings become absolute paths with a real name.
    private static func resolved(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        var info = stat()
        if lstat(p, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, let real = realpath(p, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let last = p.split(separator: "/").last.map(String.init) ?? p
        if last == "." || last == ".." {
            let absolute = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
            return URL(fileURLWithPath: absolute).standardizedFileURL.path
        }
        return p
    }

    /// Parent folder ("" for the current one) and last component of `path`.
    private static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    private static func error(_ path: String) -> FileWriteError {
        FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
