#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole regular file: no copy and no zeroed pages, so large
/// traces parse straight from the page cache. Unmapped when the value is released.
final class MappedFile {
    let buffer: UnsafeBufferPointer<UInt8>
    private let address: UnsafeMutableRawPointer
    private let length: Int

    /// Maps `path`; `nil` when it is empty or not a regular file (the caller then reads it).
    /// - Throws: `TraceError` when it cannot be opened.
    init?(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw TraceError(file: path, message: "cannot read the file (\(String(cString: strerror(errno))))",
                             expected: "a readable file")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let map = mmap(nil, size, PROT_READ, flags, fd, 0), map != MAP_FAILED else { return nil }
        address = map
        length = size
        buffer = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// True when the last byte is `\n` (the scanner's sentinel).
    var endsWithNewline: Bool { buffer.last == 10 }

    deinit { munmap(address, length) }
}
