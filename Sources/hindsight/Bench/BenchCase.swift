/// One benchmark of `hindsight bench` (its `name` is a contract: CLI.md).
struct BenchCase: Sendable {
    /// Operation name as CLI.md lists it, e.g. `rolling_mean_w60`.
    let name: String
    /// Default size when `--size` is not given (10 M points; 1 M rows for sqlite).
    let defaultSize: Int
    /// Resident memory one unit of size costs at the peak of the case, bytes: the growth of
    /// the maximum resident set (`/usr/bin/time -v`) from size n to 2n, divided by n, with
    /// headroom. Measured (Dec 2026): statistics 8–16, csv_parse 37, sqlite 40, so the default
    /// 64 covers them; hpa_replay 129 (160 set), sweep_100x30d 8,919 (11,000 set). `bench`
    /// refuses a size whose estimate does not fit in memory (`BenchMemory`).
    var bytesPerUnit: Double = 64
    /// Untimed setup for size `n`; returns the timed body.
    let prepare: @Sendable (_ n: Int) throws -> BenchBody
}

/// The timed part of a benchmark.
struct BenchBody: Sendable {
    /// Work done by one call of `run`, in the unit of the `throughput` column
    /// (million points, MB for csv_parse, rows for sqlite, ticks for replay).
    let units: Double
    /// Runs the operation once. Return a value derived from the result so the optimizer keeps it.
    let run: @Sendable () throws -> Double
    /// A second operation timed alternately with `run` in the same process (its own CSV
    /// line, then the ratio of the two), e.g. one `hindsight run` against a whole sweep.
    var reference: BenchReference? = nil
}

/// The reference operation of a benchmark (see ``BenchBody/reference``).
struct BenchReference: Sendable {
    /// Its line's `op` name.
    let name: String
    /// Work done by one call, in the case's unit.
    let units: Double
    /// Runs it once; returns a value derived from the result.
    let run: @Sendable () throws -> Double
}

/// Every benchmark, in the order `hindsight bench` prints them. Each area adds its own list.
enum BenchRegistry {
    static var all: [BenchCase] { statsCases + traceCases + storeCases + simCases + sweepCases }
}
