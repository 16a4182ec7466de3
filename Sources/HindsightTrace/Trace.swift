/// A trace resampled onto a regular time grid: the input every simulation reads.
///
/// Step `i` covers `[start + i·step, start + (i+1)·step)` in milliseconds since the Unix
/// epoch. Every series has exactly `count` values. A value of `.nan` means *missing*:
/// the recorded series had no sample within `maxGap` of that step (SEMANTICS.md §1).
///
/// Series are named by their scenario field (`rps`, `cpu`, `cpuUtilization`,
/// `replicas`, `latencyP99`, `memory`) or by an extra key of `spec.trace.columns`.
/// Units: `rps` requests/s, `cpu` cores, `cpuUtilization` percent of request,
/// `replicas` pods, `latencyP99` **milliseconds**, `memory` bytes; named series as recorded.
public struct Trace: Sendable, Equatable {
    /// First grid instant, milliseconds since the Unix epoch.
    public var start: Int64
    /// Grid spacing in milliseconds (> 0).
    public var step: Int64
    /// Number of grid steps.
    public var count: Int
    /// Series by name; each has `count` values, `.nan` where missing.
    public var series: [String: [Double]]
    /// Where the trace came from (a file path or `dataset:NAME`), for messages.
    public var source: String

    public init(start: Int64, step: Int64, count: Int, series: [String: [Double]], source: String) {
        precondition(step > 0, "Trace step must be positive, got \(step)")
        for (name, values) in series {
            precondition(values.count == count, "series \(name) has \(values.count) values, expected \(count)")
        }
        self.start = start
        self.step = step
        self.count = count
        self.series = series
        self.source = source
    }

    /// The instant at which step `i` begins (ms since epoch).
    @inlinable public func time(at i: Int) -> Int64 { start + Int64(i) * step }

    /// The end of the run: `start + count·step` (exclusive).
    public var end: Int64 { start + Int64(count) * step }

    /// The grid the series are sampled on.
    @inlinable public var grid: TraceGrid {
        TraceGrid(start: SimInstant(unixMilliseconds: start), step: .milliseconds(step), count: count)
    }

    /// Names of every series, sorted (for messages listing what is available).
    public var seriesNames: [String] { series.keys.sorted() }
}
