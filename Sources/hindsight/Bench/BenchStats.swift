import HindsightStats

extension BenchRegistry {
    /// Benchmarks of the stats area (names are a contract: CLI.md). Data: normal(100, 15)
    /// from a fixed seed, generated once per case outside the timed part.
    static let statsCases: [BenchCase] = [
        stat("sum") { x in Summary.sum(x) },
        stat("mean") { x in Summary.mean(x) },
        stat("variance") { x in Summary.variance(x) },
        stat("min") { x in Summary.minimum(x) },
        stat("max") { x in Summary.maximum(x) },
        stat("percentiles_p50_p95_p99") { x in Quantiles.compute(x, [0.5, 0.95, 0.99]).reduce(0, +) },
        series("rolling_mean_w60") { x, o in Rolling.mean(x, window: 60, into: o) },
        series("rolling_std_w60") { x, o in Rolling.std(x, window: 60, into: o) },
        series("rolling_max_w60") { x, o in Rolling.max(x, window: 60, into: o) },
        series("rolling_quantile99_w60") { x, o in Rolling.quantile(x, window: 60, q: 0.99, into: o) },
        series("rolling_quantile99_w1440") { x, o in Rolling.quantile(x, window: 1440, q: 0.99, into: o) },
        series("ewma_alpha0.1") { x, o in Smoothing.ewma(x, alpha: 0.1, into: o) },
    ]

    /// The benchmark data: `n` normal(100, 15) values from seed 20261126.
    static func statsData(_ n: Int) -> [Double] {
        var rng = SeededGenerator(seed: 20_261_126)
        return rng.gaussians(count: n, mean: 100, std: 15)
    }

    /// A reduction over the whole buffer.
    static func stat(_ name: String, _ f: @escaping @Sendable (UnsafeBufferPointer<Double>) -> Double) -> BenchCase {
        BenchCase(name: name, defaultSize: 10_000_000) { n in
            let data = statsData(n)
            return BenchBody(units: Double(n) / 1e6) {
                data.withUnsafeBufferPointer { f($0) }
            }
        }
    }

    /// A series-to-series kernel writing into a preallocated output (allocated once, untimed).
    static func series(
        _ name: String,
        _ f: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> BenchCase {
        BenchCase(name: name, defaultSize: 10_000_000) { n in
            let data = statsData(n)
            let out = OutputBuffer(count: n)
            return BenchBody(units: Double(n) / 1e6) {
                data.withUnsafeBufferPointer { x in f(x, out.buffer) }
                return n > 0 ? out.buffer[n - 1] : 0
            }
        }
    }
}

/// A heap buffer owned by one benchmark (only its own timed body touches it, never concurrently).
final class OutputBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
    init(count: Int) {
        buffer = .allocate(capacity: Swift.max(count, 1))
        buffer.initialize(repeating: 0)
    }
    deinit { buffer.deallocate() }
}
