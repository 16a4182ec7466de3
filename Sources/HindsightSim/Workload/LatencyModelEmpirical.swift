import HindsightScenario
import HindsightStats
import HindsightTrace

/// `empirical`: p99 latency as a monotone (non-decreasing) function of CPU
/// utilization, fitted on the recorded (utilization, latency) pairs and read at the
/// counterfactual utilization (SEMANTICS.md §2).
///
/// Fit: recorded utilization per step is `cpuUtilization` if recorded, else
/// `cpu / (replicas × cpuRequest) × 100`. Pairs are sorted by utilization and cut into
/// up to 20 bins of equal count; each bin gives (median utilization, median latency).
/// Pool-adjacent-violators then makes the latencies non-decreasing. Reading
/// interpolates linearly between bin points and holds the end values outside them.
/// Backlog adds `backlog / capacity` seconds as in `mmc`, capped at `queueTimeout`
/// (with no ready pod and work waiting: the highest fitted latency + queueTimeout).
struct LatencyModelEmpirical: LatencyModel {
    /// Utilization (percent) and latency (seconds), ascending in utilization.
    let points: [(u: Double, latency: Double)]
    /// Seconds: the longest a served request can have waited.
    let queueTimeout: Double

    /// - Throws: `InputMessage` when the trace lacks recorded latency or utilization.
    init(trace: Trace, workload: WorkloadSpec, scenarioFile: String) throws {
        guard let latency = trace.series["latencyP99"] else {
            throw InputMessage("\(scenarioFile): spec.latency.model: empirical needs a recorded `latencyP99` series, and the trace has \(trace.seriesNames.joined(separator: ", ")); expected a latency_p99_ms column or `model: mmc`/`none`")
        }
        var util = trace.series["cpuUtilization"]
        if util == nil, let cpu = trace.series["cpu"], let reps = trace.series["replicas"] {
            util = (0..<trace.count).map { reps[$0] > 0 ? cpu[$0] / (reps[$0] * workload.cpuRequest) * 100 : .nan }
        }
        guard let util else {
            throw InputMessage("\(scenarioFile): spec.latency.model: empirical needs recorded utilization (cpuUtilization, or cpu with replicas); the trace has \(trace.seriesNames.joined(separator: ", "))")
        }
        var pairs: [(u: Double, latency: Double)] = []
        for i in 0..<trace.count where util[i].isFinite && latency[i].isFinite && latency[i] > 0 {
            pairs.append((util[i], latency[i] / 1000))
        }
        guard pairs.count >= 2 else {
            throw InputMessage("\(scenarioFile): spec.latency.model: empirical found \(pairs.count) steps with both utilization and latency recorded; expected at least 2")
        }
        pairs.sort { $0.u < $1.u || ($0.u == $1.u && $0.latency < $1.latency) }
        let bins = min(20, pairs.count)
        var raw: [(u: Double, latency: Double, weight: Double)] = []
        for b in 0..<bins {
            let lo = b * pairs.count / bins, hi = (b + 1) * pairs.count / bins
            guard hi > lo else { continue }
            var us = pairs[lo..<hi].map(\.u), ls = pairs[lo..<hi].map(\.latency)
            raw.append((Quantiles.middleMedian(&us) ?? 0, Quantiles.middleMedian(&ls) ?? 0, Double(hi - lo)))
        }
        points = Self.isotonic(raw)
        queueTimeout = max(.zero, workload.queueTimeout).seconds
    }

    /// Pool-adjacent-violators: the weighted least-squares non-decreasing fit.
    /// - Complexity: O(n).
    static func isotonic(_ raw: [(u: Double, latency: Double, weight: Double)]) -> [(u: Double, latency: Double)] {
        var blocks: [(sum: Double, weight: Double, count: Int)] = []
        for r in raw {
            blocks.append((r.latency * r.weight, r.weight, 1))
            while blocks.count >= 2 {
                let a = blocks[blocks.count - 2], b = blocks[blocks.count - 1]
                guard a.sum / a.weight > b.sum / b.weight else { break }
                blocks.removeLast(2)
                blocks.append((a.sum + b.sum, a.weight + b.weight, a.count + b.count))
            }
        }
        var out: [(u: Double, latency: Double)] = []
        var k = 0
        for blk in blocks {
            for _ in 0..<blk.count { out.append((raw[k].u, blk.sum / blk.weight)); k += 1 }
        }
        return out
    }

    func p99Seconds(_ x: LatencyInput) -> Double {
        guard x.ready > 0, !x.utilizationPct.isNaN, let first = points.first, let last = points.last else {
            return x.backlog > 0 || x.arrivalRate > 0 ? (points.last?.latency ?? 0) + queueTimeout : .nan
        }
        let u = x.utilizationPct
        var base: Double
        if u <= first.u { base = first.latency } else if u >= last.u { base = last.latency } else {
            base = last.latency
            for j in 1..<points.count where points[j].u >= u {
                let a = points[j - 1], b = points[j]
                base = b.u > a.u ? a.latency + (b.latency - a.latency) * (u - a.u) / (b.u - a.u) : b.latency
                break
            }
        }
        let capacity = Double(x.ready) * x.podRate
        if x.backlog > 0, capacity > 0 { base += min(x.backlog / capacity, queueTimeout) }
        return base
    }
}
