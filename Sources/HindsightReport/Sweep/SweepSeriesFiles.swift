import HindsightSim
import HindsightTrace

/// The time series of each sweep point (`sweep --timeseries`), streamed as the point
/// runs to `<folder>/point-<grid index>.csv`: the bytes `hindsight run --timeseries MODE`
/// writes to `timeseries-<policy>.csv` for the policy file with the point's values. One
/// ``TimeseriesStream`` per running point (a 1 MB buffer each), closed when it ends, so
/// memory does not grow with the points or the steps.
public struct SweepSeriesFiles: PointSinks {
    /// The folder of the files (created by `init`).
    public let folder: String
    public let mode: TimeseriesMode
    /// The grid index of each point `runPoints` counts (its `k`).
    let points: [Int]
    /// The report's time range, ms (what `run` gives its streams).
    let start: Int64, end: Int64

    /// Files for `points` of `study` (grid indices, in the order they are run) in `folder`.
    /// - Precondition: `mode` is not `.none`.
    /// - Throws: `FileWriteError` when the folder cannot be created.
    public init(study: SweepStudy, points: [Int], folder: String, mode: TimeseriesMode) throws {
        precondition(mode != .none, "SweepSeriesFiles: mode none writes no files")
        try AtomicFile.createDirectory(folder)
        let grid = study.tuning.trace.grid
        let span = HTMLReport.span(grid) ?? (grid.start.unixMilliseconds, grid.start.unixMilliseconds &+ 1)
        self.folder = folder; self.mode = mode; self.points = points; start = span.start; end = span.end
    }

    /// The file of grid point `point`.
    public static func name(point: Int) -> String { "point-\(point).csv" }

    public func open(point k: Int) throws -> any StepSink {
        try TimeseriesStream(path: folder + "/" + Self.name(point: points[k]), mode: mode, start: start, end: end, digests: false)
    }

    public func close(_ sink: any StepSink, point k: Int) throws {
        if let stream = sink as? TimeseriesStream { _ = try stream.finish() }
    }
}
