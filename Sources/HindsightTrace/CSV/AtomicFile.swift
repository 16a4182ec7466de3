import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files all-or-nothing: a temporary name in the same folder, then `rename(2)`.
enum AtomicFile {
    /// Writes `bytes` to `path` atomically; readers see the old file or the whole new one.
    /// - Throws: `TraceError` naming the path and the system's reason.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(path, errno) }
        do {
            try writeAll(bytes, fd: fd, name: path)
        } catch {
            close(fd); unlink(temporary)
            throw error
        }
        guard close(fd) == 0 else { let code = errno; unlink(temporary); throw failure(path, code) }
        guard rename(temporary, path) == 0 else { let code = errno; unlink(temporary); throw failure(path, code) }
    }

    /// Writes every byte to `fd`, retrying short writes.
    static func writeAll(_ bytes: [UInt8], fd: Int32, name: String) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, base + done, raw.count - done)
                #else
                let n = Darwin.write(fd, base + done, raw.count - done)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(name, errno)
                }
                done += n
            }
        }
    }

    static func failure(_ path: String, _ code: Int32) -> TraceError {
        TraceError(file: path, message: "cannot write (\(String(cString: strerror(code))))",
                   expected: "a writable path in an existing folder")
    }
}
