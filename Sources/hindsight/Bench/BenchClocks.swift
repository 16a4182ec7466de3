import Foundation

/// Wall time and the CPU time of every thread of the process, read together, so a
/// multi-threaded case and its single-threaded reference compare on both clocks.
struct BenchClocks {
    /// Seconds of the monotonic clock.
    var wall: Double
    /// Seconds of CPU used by all threads of the process.
    var cpu: Double

    /// Both clocks now.
    static func now() -> BenchClocks {
        BenchClocks(wall: read(CLOCK_MONOTONIC), cpu: read(CLOCK_PROCESS_CPUTIME_ID))
    }

    static func - (a: BenchClocks, b: BenchClocks) -> BenchClocks {
        BenchClocks(wall: a.wall - b.wall, cpu: a.cpu - b.cpu)
    }

    /// The median of `samples` on the wall clock (`wall`) or the process CPU clock.
    /// A single-threaded reference uses no more CPU than its thread, so its process CPU is
    /// its thread CPU (plus a little of the runtime's threads).
    /// - Complexity: O(n log n).
    static func median(_ samples: [BenchClocks], wall: Bool) -> Double {
        let sorted = samples.map { wall ? $0.wall : $0.cpu }.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// `# case ÷ reference: wall a s ÷ b s = r×; CPU (all threads) c s ÷ d s = q×` from the
    /// medians of the alternating runs.
    static func ratioLine(_ name: String, _ samples: [BenchClocks], _ reference: String, _ references: [BenchClocks]) -> String {
        func part(_ label: String, _ wall: Bool) -> String {
            let a = median(samples, wall: wall), b = median(references, wall: wall)
            return String(format: "%@ %.3f s ÷ %.3f s = %.1f×", label, a, b, b > 0 ? a / b : 0)
        }
        return "# \(name) ÷ \(reference): " + part("wall", true) + "; " + part("CPU (all threads)", false)
    }

    private static func read(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
