#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HindsightStats

/// Seeded synthetic web-service traces for demos and tests (`hindsight generate`).
///
/// Columns:
/// - `rps` — requests/s: a diurnal curve peaking at 14:00 UTC (`peakRPS`, 800) with its nightly
///   trough at 02:00 at 15 % of the peak, times slow (AR(1), ±8 %) and fast (±4 %) noise;
///   rounded to 0.001.
/// - `cpu` — cores: `rps × 0.004` core-seconds per request × (1 ± 3 % noise) + 0.05 cores of
///   background; rounded to 0.0001.
/// - `replicas` — a recorded replica schedule such as a production autoscaler produced:
///   desired = ceil(rps ÷ (0.6 × 100 rps per pod)) clamped to [2, 30], seen 30 s late
///   (metrics lag), scaled up at once and down only after the desire stayed lower for 5 minutes.
///
/// Patterns: `.diurnal` as above; `.spiky` adds flash crowds (on average 2 a day, each 3–6 × the
/// load for 5–30 minutes, ramping up in a minute and decaying over the last third); `.weekly`
/// multiplies by a day-of-week factor (Mon–Fri 1.0, 1.0, 1.0, 0.95, 0.9; Sat 0.55, Sun 0.5).
/// Everything depends only on the arguments: the same seed gives the same values bit for bit.
public enum SyntheticLoad {
    /// The shape of the generated load.
    public enum Pattern: String, Sendable, CaseIterable {
        case diurnal, spiky, weekly
    }

    /// Requests/s at the daily peak (before noise and spikes).
    public static let peakRPS = 800.0
    /// CPU core-seconds each request costs.
    public static let cpuPerRequest = 0.004
    /// Requests/s one pod serves at full load, for the recorded replica schedule.
    public static let podCapacity = 100.0

    /// A trace of `days` days at `step` ms from `start` (ms since epoch; default 2026-01-01T00:00Z).
    /// - Precondition: `days > 0`, `step > 0`, fewer than 100 M rows.
    /// - Complexity: O(rows).
    public static func generate(pattern: Pattern, days: Double, step: Int64, seed: UInt64,
                                start: Int64 = 1_767_225_600_000) -> RawTrace {
        precondition(days > 0 && step > 0, "SyntheticLoad needs days > 0 and step > 0, got \(days), \(step)")
        let rows = Int((days * 86_400_000).rounded(.down) / Double(step))
        precondition(rows >= 1 && rows < 100_000_000, "SyntheticLoad: \(rows) rows for \(days) days at \(step) ms")
        var rng = SeededGenerator(seed: seed)
        var spikeRNG = SeededGenerator(seed: seed ^ 0x5DEE_CE66_D1CE_5EED)
        var times = [Int64](repeating: 0, count: rows)
        var rps = [Double](repeating: 0, count: rows)
        var cpu = [Double](repeating: 0, count: rows)
        let spikes = pattern == .spiky ? flashCrowds(start: start, end: start + Int64(rows) * step, rng: &spikeRNG) : []
        var slow = 0.0
        let stepSeconds = Double(step) / 1000
        let keep = exp(-stepSeconds / 1800)          // AR(1) with a 30-minute memory
        let innovation = 0.08 * (1 - keep * keep).squareRoot()
        var spikeIndex = 0
        for i in 0..<rows {
            let t = start + Int64(i) * step
            times[i] = t
            let dayMs = ((t % 86_400_000) + 86_400_000) % 86_400_000
            let hour = Double(dayMs) / 3_600_000
            let shape = 0.15 + 0.85 * (0.5 - 0.5 * cos(2 * Double.pi * (hour - 2) / 24))
            var level = peakRPS * shape
            if pattern == .weekly { level *= weekdayFactor(t) }
            slow = keep * slow + innovation * rng.nextGaussian()
            level *= max(0.2, 1 + slow + 0.04 * rng.nextGaussian())
            while spikeIndex < spikes.count && spikes[spikeIndex].end <= t { spikeIndex += 1 }
            var k = spikeIndex
            var boost = 1.0
            while k < spikes.count && spikes[k].start <= t {
                boost = max(boost, spikes[k].factor(at: t))
                k += 1
            }
            level *= boost
            let r = (max(level, 0) * 1000).rounded() / 1000
            rps[i] = r
            let c = r * cpuPerRequest * max(0.5, 1 + 0.03 * rng.nextGaussian()) + 0.05
            cpu[i] = (c * 10_000).rounded() / 10_000
        }
        let replicas = recordedReplicas(rps: rps, step: step)
        return RawTrace(times: times, columns: ["rps": rps, "cpu": cpu, "replicas": replicas],
                        source: "generate:\(pattern.rawValue):seed=\(seed)")
    }

    /// Day-of-week factor; day 0 of the epoch (1970-01-01) was a Thursday.
    static func weekdayFactor(_ t: Int64) -> Double {
        let day = t >= 0 ? t / 86_400_000 : (t - 86_399_999) / 86_400_000
        let weekday = Int(((day + 3) % 7 + 7) % 7)   // 0 = Monday
        switch weekday {
        case 3: return 0.95
        case 4: return 0.9
        case 5: return 0.55
        case 6: return 0.5
        default: return 1.0
        }
    }

    /// A flash crowd: `peak`× the load from `start` to `end` (ms).
    struct FlashCrowd {
        var start: Int64
        var end: Int64
        var peak: Double
        func factor(at t: Int64) -> Double {
            guard t >= start && t < end else { return 1 }
            let rise = min(Double(t - start) / 60_000, 1)              // one-minute ramp
            let length = Double(end - start)
            let decayStart = Double(start) + length * 2 / 3
            let fall = Double(t) <= decayStart ? 1 : max(0, (Double(end) - Double(t)) / (length / 3))
            return 1 + (peak - 1) * min(rise, fall)
        }
    }

    /// Poisson arrivals at 2 a day, sorted by start.
    static func flashCrowds(start: Int64, end: Int64, rng: inout SeededGenerator) -> [FlashCrowd] {
        var crowds: [FlashCrowd] = []
        var t = Double(start)
        let meanGap = 86_400_000.0 / 2
        while true {
            t += -log(1 - rng.nextUnit()) * meanGap
            guard t < Double(end) else { break }
            let duration = (5 + 25 * rng.nextUnit()) * 60_000
            let peak = 3 + 3 * rng.nextUnit()
            let s = Int64(t)
            crowds.append(FlashCrowd(start: s, end: s + Int64(duration), peak: peak))
        }
        return crowds
    }

    /// The replica schedule described in the type's comment.
    static func recordedReplicas(rps: [Double], step: Int64) -> [Double] {
        let n = rps.count
        let lagSteps = Int((30_000 + step - 1) / step)
        let windowSteps = max(Int(300_000 / step), 1)
        var desired = [Int](repeating: 2, count: n)
        for i in 0..<n {
            let seen = rps[max(i - lagSteps, 0)]
            desired[i] = min(max(Int((seen / (0.6 * podCapacity)).rounded(.up)), 2), 30)
        }
        // Max of desired over the last `windowSteps` steps (a monotone deque of indices).
        var out = [Double](repeating: 2, count: n)
        var deque = [Int](repeating: 0, count: n)
        var head = 0, tail = 0
        for i in 0..<n {
            while tail > head && desired[deque[tail - 1]] <= desired[i] { tail -= 1 }
            deque[tail] = i; tail += 1
            while deque[head] <= i - windowSteps { head += 1 }
            out[i] = Double(desired[deque[head]])
        }
        return out
    }
}
