import HindsightScenario
import HindsightStats
import HindsightTrace

/// `empirical`: the latency at the SLO quantile as a monotone (non-decreasing) function
/// of the load on each ready pod, fitted on the recorded latency and read at the
/// counterfactual load (SEMANTICS.md §2).
///
/// *Feature.* With an `rps` series and recorded `replicas`: **requests/s per pod**,
/// `rate[i] / replicas[i]` when fitting (the rate the load model replays, so a missing
/// rps sample counts as 0 on both sides) and `arrivalRate / ready` when reading. Load per
/// pod is what a policy changes: utilization alone hides how many pods share the work.
/// Without requests: **utilization**, `cpuUtilization` if recorded, else
/// `cpu / (replicas × cpuRequest) × 100`, read at the modelled utilization.
///
/// *Fit.* Pairs sorted by the feature are cut into up to 20 bins of about equal count
/// (equal feature values stay in one bin); each bin
/// gives (median feature, **least-percentage-error latency**: the weighted median with
/// weights 1 / latency, ``WeightedMedian/leastPercentageError(_:)``), robust to the
/// outliers that single-request p95s are full of and the constant a MAPE judges best.
/// Pool-adjacent-violators then makes the latencies non-decreasing (more load per pod
/// never makes a request faster in this model). Reading interpolates linearly between
/// bin points and holds the end values outside them — so a counterfactual that loads
/// pods beyond anything recorded gets no extra queueing from the fit; only the backlog
/// term below adds it (README: when not to trust a counterfactual).
///
/// *Mix* (`spec.latency.mix`, opt-in): each step is labelled heavier or lighter than the
/// steps of similar recorded load by a feature of the recorded traffic, and each label has
/// its own curve (``EmpiricalMixFit``); the label is the same in every policy's replay.
///
/// Backlog adds `backlog / capacity` seconds as in `mmc`, capped at `queueTimeout`
/// (with no ready pod and work waiting: the highest fitted latency + queueTimeout).
struct LatencyModelEmpirical: LatencyModel {
    /// What the fitted curve is a function of.
    enum Feature: Sendable { case loadPerPod, utilization }
    let feature: Feature
    /// Feature value and latency (seconds), ascending in the feature.
    let points: [(u: Double, latency: Double)]
    /// Seconds: the longest a served request can have waited.
    let queueTimeout: Double
    /// The largest feature value among the fitted steps (the edge of what was recorded).
    let fittedMax: Double
    /// The fit split by the request mix (`spec.latency.mix`); nil: the one curve `points`.
    let mix: EmpiricalMixFit?

    /// Fits on the steps `steps` of the trace (all by default; the hold-out check fits on
    /// the first 70 %), split by `mix` when given (``EmpiricalMixFit``).
    /// - Throws: `InputMessage` when the trace lacks recorded latency or a feature, or has
    ///   fewer than 2 steps with both; with `mix`, when the fit is not on load per pod or the
    ///   trace gives no CPU fit.
    /// - Complexity: O(n log n).
    init(trace: Trace, load: LoadModel, workload: WorkloadSpec, scenarioFile: String, steps: Range<Int>? = nil,
         mix: LatencyMix? = nil) throws {
        guard let latency = trace.series["latencyP99"] else {
            throw InputMessage("\(scenarioFile): spec.latency.model: empirical needs a recorded `latencyP99` series, and the trace has \(trace.seriesNames.joined(separator: ", ")); expected a latency_p99_ms column or `model: mmc`/`none`")
        }
        let replicas = trace.series["replicas"]
        var x: [Double]?
        if load.hasRequests, let replicas {
            feature = .loadPerPod
            x = (0..<trace.count).map { replicas[$0] > 0 ? load.rate[$0] / replicas[$0] : .nan }
        } else {
            feature = .utilization
            x = trace.series["cpuUtilization"]
            if x == nil, let cpu = trace.series["cpu"], let reps = replicas {
                x = (0..<trace.count).map { reps[$0] > 0 ? cpu[$0] / (reps[$0] * workload.cpuRequest) * 100 : .nan }
            }
        }
        guard let x else {
            throw InputMessage("\(scenarioFile): spec.latency.model: empirical needs recorded replicas with rps, or recorded utilization (cpuUtilization, or cpu with replicas); the trace has \(trace.seriesNames.joined(separator: ", "))")
        }
        let range = steps ?? 0..<trace.count
        var pairs: [(u: Double, latency: Double)] = []
        for i in range where x[i].isFinite && latency[i].isFinite && latency[i] > 0 {
            pairs.append((x[i], latency[i] / 1000))
        }
        guard pairs.count >= 2 else {
            throw InputMessage("\(scenarioFile): spec.latency.model: empirical found \(pairs.count) steps with both \(feature == .loadPerPod ? "load per pod" : "utilization") and latency recorded; expected at least 2")
        }
        pairs.sort { $0.u < $1.u || ($0.u == $1.u && $0.latency < $1.latency) }
        points = Self.fitPoints(pairs)
        fittedMax = pairs[pairs.count - 1].u
        queueTimeout = max(.zero, workload.queueTimeout).seconds
        if let mix {
            guard feature == .loadPerPod else {
                throw InputMessage("\(scenarioFile): spec.latency.mix: \(mix.rawValue) needs requests/s per pod as the fitted load (an `rps` series and recorded replicas); the trace has \(trace.seriesNames.joined(separator: ", "))")
            }
            let values = try Self.mixFeature(mix, load: load, replicas: replicas, scenarioFile: scenarioFile)
            self.mix = EmpiricalMixFit(load: x, latencyMs: latency, feature: values, steps: range)
        } else {
            self.mix = nil
        }
    }

    /// The curve of `pairs` (ascending in `u`, then in latency): up to 20 bins of about
    /// equal count (equal `u` never split), each (median `u`, least-percentage-error
    /// latency), made non-decreasing by ``isotonic(_:)``; empty without pairs.
    /// - Complexity: O(n log n).
    static func fitPoints(_ pairs: [(u: Double, latency: Double)]) -> [(u: Double, latency: Double)] {
        guard !pairs.isEmpty else { return [] }
        let raw = EqualCountBins.ranges(sorted: pairs.map(\.u), bins: 20).map { bin in
            var us = pairs[bin].map(\.u)
            let typical = WeightedMedian.leastPercentageError(pairs[bin].map(\.latency)) ?? 0
            return (u: Quantiles.middleMedian(&us) ?? 0, latency: typical, weight: Double(bin.count))
        }
        return isotonic(raw)
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

    /// The fitted latency (seconds) at feature value `u`, without the backlog term.
    /// - Complexity: O(bins).
    func base(at u: Double) -> Double { Self.read(points, at: u) }

    /// `points` read at `u`: linear between points, the end values held outside; NaN
    /// without points.
    /// - Complexity: O(points).
    static func read(_ points: [(u: Double, latency: Double)], at u: Double) -> Double {
        guard let first = points.first, let last = points.last else { return .nan }
        if u <= first.u { return first.latency }
        if u >= last.u { return last.latency }
        for j in 1..<points.count where points[j].u >= u {
            let a = points[j - 1], b = points[j]
            return b.u > a.u ? a.latency + (b.latency - a.latency) * (u - a.u) / (b.u - a.u) : b.latency
        }
        return last.latency
    }

    func p99Seconds(_ x: LatencyInput) -> Double {
        let u = feature == .loadPerPod ? (x.ready > 0 ? x.arrivalRate / Double(x.ready) : .nan) : x.utilizationPct
        guard x.ready > 0, !u.isNaN, !points.isEmpty else {
            return x.backlog > 0 || x.arrivalRate > 0 ? (points.last?.latency ?? 0) + queueTimeout : .nan
        }
        var latency = mix?.latency(step: x.step, loadPerPod: u) ?? base(at: u)
        let capacity = Double(x.ready) * x.podRate
        if x.backlog > 0, capacity > 0 { latency += min(x.backlog / capacity, queueTimeout) }
        return latency
    }
}
