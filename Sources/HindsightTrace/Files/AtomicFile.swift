#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's one file writer (traces, reports, summaries): a reader never sees half
/// a file. The bytes go to a temporary file created exclusively (`O_EXCL`) in the same folder (`.<name>.tmp-<pid>-<random>`), and the temporary file is renamed
/// over the target (atomic on POSIX file systems). On failure the temporary file is
/// removed and the old target, if any, is left as it was.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing an existing file. The folder must exist
    /// (see `createDirectory`). The file gets mode 0644 (less the umask).
    ///
    /// - Parameter durable: also `fsync` the file before the rename, so that after a
    ///   power loss the target holds either the old or the new content (costs about a
    ///   second per 100 MB on ordinary disks; off by default, since report files can
    ///   be written again).
    /// - Throws: `FileWriteError` naming the path and the system's reason.
    /// - Complexity: O(data.count).
    public static func write(_ data: [UInt8], to path: String, durable: Bool = false) throws {
        var temp = temporaryPath(for: path)
        var fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        var attempts = 1
        while fd < 0 && errno == EEXIST && attempts < 8 {
            temp = temporaryPath(for: path)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            attempts += 1
        }
        guard fd >= 0 else { throw error(path) }
        do {
            try writeAll(data, fd: fd, name: path)
        } catch {
            close(fd); unlink(temp)
            throw error
        }
        var failure: FileWriteError? = nil
        if durable && fsync(fd) != 0 { failure = error(path) }
        if close(fd) != 0 && failure == nil { failure = error(path) }
        if let failure {
            unlink(temp)
            throw failure
        }
        if rename(temp, path) != 0 {
            let failure = error(path)
            unlink(temp)
            throw failure
        }
    }

    /// Writes every byte of `data` to the open descriptor `fd`, retrying short and
    /// interrupted writes (also used for standard output, `fd` 1).
    /// - Throws: `FileWriteError` naming `name` and the system's reason.
    /// - Complexity: O(data.count).
    public static func writeAll(_ data: [UInt8], fd: Int32, name: String) throws {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return posixWrite(fd, base + offset, data.count - offset)
            }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                if written == 0 { errno = EIO }
                throw error(name)
            }
            offset += written
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically (see `write(_:to:)`).
    /// - Throws: `FileWriteError`.
    public static func write(_ text: String, to path: String, durable: Bool = false) throws {
        try write(Array(text.utf8), to: path, durable: durable)
    }

    /// Creates `path` and any missing parents (mode 0755). An existing folder is fine.
    /// - Throws: `FileWriteError` when a component exists and is not a folder, or
    ///   cannot be created.
    public static func createDirectory(_ path: String) throws {
        guard !path.isEmpty else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if !isDirectory(prefix) {
                if mkdir(prefix, 0o755) != 0 && !(errno == EEXIST && isDirectory(prefix)) {
                    throw error(prefix)
                }
            }
            prefix += "/"
        }
    }

    /// A temporary name for `path`: same folder, hidden, with the process id and a random
    /// suffix (`O_EXCL` guards against the unlikely clash).
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).tmp-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func error(_ path: String) -> FileWriteError {
        FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// `write(2)`, out of reach of `AtomicFile.write`'s name.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
