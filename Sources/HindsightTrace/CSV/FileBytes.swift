#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with POSIX calls (no Foundation copy).
enum FileBytes {
    /// The bytes of the file at `path`.
    /// - Throws: `TraceError` naming the file and the system's reason when it cannot be read.
    static func read(path: String, limit: Int = .max) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw TraceError(file: path, message: "is a directory", expected: "a CSV or JSON file")
        }
        var capacity = min(max(Int(info.st_size), 0) + 1, limit)
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
        var used = 0
        while true {
            if used == capacity {
                if capacity >= limit { break }
                capacity = min(capacity * 2, limit)
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemRead(fd, base + used, capacity - used)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            if got == 0 { break }
            used += got
        }
        bytes.removeLast(bytes.count - used)
        return bytes
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }

    private static func failure(_ path: String, _ code: Int32) -> TraceError {
        let reason = String(cString: strerror(code))
        return TraceError(file: path, message: "cannot read the file (\(reason))", expected: "a readable file")
    }
}
