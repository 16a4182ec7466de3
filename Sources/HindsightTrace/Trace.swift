/// A trace resampled onto a regular time grid: the input every simulation reads.
///
/// Step `i` covers `[start + i·step, start + (i+1)·step)` (see ``TraceGrid``). Every series has exactly `count` values. A value of `.nan` means *missing*:
/// the recorded series had no sample within `maxGap` of that step (SEMANTICS.md §1).
///
/// Series are named by their scenario field (`rps`, `cpu`, `cpuUtilization`,
/// `replicas`, `latencyP99`, `memory`) or by an extra key of `spec.trace.columns`.
/// Units: `rps` requests/s, `cpu` cores, `cpuUtilization` percent of request,
/// `replicas` pods, `latencyP99` **milliseconds**, `memory` bytes; named series as recorded.
public struct Trace: Sendable, Equatable {
    /// The grid every series is sampled on (start, step, count).
    public var grid: TraceGrid
    /// Series by name; each has `grid.count` values, `.nan` where missing.
    public var series: [String: [Double]]
    /// Where the trace came from (a file path or `dataset:NAME`), for messages.
    public var source: String

    /// A trace on `grid`. Every series must have `grid.count` values (programmer error).
    public init(grid: TraceGrid, series: [String: [Double]], source: String) {
        for (name, values) in series {
            precondition(values.count == grid.count, "series \(name) has \(values.count) values, expected \(grid.count)")
        }
        self.grid = grid
        self.series = series
        self.source = source
    }

    /// First grid instant (`grid.start`).
    @inlinable public var start: SimInstant { grid.start }
    /// Grid spacing (`grid.step`, > 0).
    @inlinable public var step: SimDuration { grid.step }
    /// Number of grid steps (`grid.count`).
    @inlinable public var count: Int { grid.count }

    /// The instant at which step `i` begins.
    @inlinable public func time(at i: Int) -> SimInstant { grid.time(at: i) }

    /// The end of the run: `start + count·step` (exclusive).
    @inlinable public var end: SimInstant { grid.end }

    /// Names of every series, sorted (for messages listing what is available).
    public var seriesNames: [String] { series.keys.sorted() }
}
