#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HindsightSim
import HindsightTrace

/// The sink of one streamed run (`ReportWriter.run`): writes `timeseries-<policy>.csv`
/// as the simulation advances — every row (`full`), one row per UTC hour (`hourly`,
/// ``HourlyRollup``) or nothing (`none`) — through a 1 MB buffer, and reduces every row
/// into the run's ``RunChartDigest`` for `report.html`.
///
/// Memory is the buffer, the digest and one hour's reduction, whatever the run's length.
/// The file is written in place (not atomically): it is meant for the temporary folder of
/// an `AtomicFolder`. A write error is kept and thrown by ``finish()``.
public final class TimeseriesStream: StepSink, @unchecked Sendable {
    /// Bytes gathered before each write.
    static let bufferBytes = 1 << 20
    public let path: String
    public let mode: TimeseriesMode
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    private var writer = TimeseriesRowWriter()
    private var rollup = HourlyRollup()
    private var digest: RunChartDigest
    /// Reduce the rows into `digest` (a sweep point's file has no chart).
    private let digests: Bool
    private var failure: FileWriteError?
    private var finished = false

    /// Creates (or truncates) `path` and writes the header, unless `mode` is `.none`.
    /// - Parameters:
    ///   - start, end: the report's time range, ms (`HTMLReport.span`).
    ///   - digests: reduce the rows into the chart digest `finish` returns (off: it stays empty).
    /// - Throws: `FileWriteError` when the file cannot be created.
    public init(path: String, mode: TimeseriesMode, start: Int64, end: Int64, digests: Bool = true) throws {
        self.path = path
        self.mode = mode
        self.digests = digests
        digest = RunChartDigest(start: start, end: end)
        guard mode != .none else { return }
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.error(path) }
        buffer.reserveCapacity(Self.bufferBytes + 4096)
        TimeseriesRowWriter.appendHeader(to: &buffer)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Writes (or reduces) one step's row and adds it to the chart digest.
    /// - Complexity: O(columns) amortized.
    public func record(_ row: StepRow, index: Int) {
        precondition(!finished, "TimeseriesStream.record: \(path) was already finished")
        if digests { digest.add(row) }
        switch mode {
        case .none: return
        case .full: writer.append(row, to: &buffer)
        case .hourly: if let hour = rollup.add(row) { writer.append(hour, to: &buffer) }
        }
        if buffer.count >= Self.bufferBytes { drain() }
    }

    /// Writes what is buffered (the open hour too), closes the file and returns the
    /// chart digest. Call once, after the run.
    /// - Throws: the first `FileWriteError` of the stream.
    public func finish() throws -> RunChartDigest {
        precondition(!finished, "TimeseriesStream.finish: \(path) was already finished")
        finished = true
        if mode == .hourly, let hour = rollup.flush() { writer.append(hour, to: &buffer) }
        if fd >= 0 {
            drain()
            if close(fd) != 0 && failure == nil { failure = Self.error(path) }
            fd = -1
        }
        if let failure { throw failure }
        return digest
    }

    private func drain() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, fd >= 0 else { return }
        do { try AtomicFile.writeAll(buffer, fd: fd, name: path) } catch let e as FileWriteError { failure = e } catch {
            failure = FileWriteError(path: path, reason: "\(error)")
        }
    }

    private static func error(_ path: String) -> FileWriteError {
        FileWriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
