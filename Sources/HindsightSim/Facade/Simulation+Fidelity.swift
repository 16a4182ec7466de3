import HindsightScenario
import HindsightStats
import HindsightTrace

extension Simulation {
    /// The models' error under the observed replicas (``ModelFidelity``): from the
    /// observed run of `runs` when `policies` has one and its rows were kept, else from an
    /// extra observed run. Not applicable without recorded `replicas`, without anything
    /// to compare (recorded latency with a latency model, or recorded CPU), or when the
    /// observed run fails.
    /// - Complexity: one or two extra observed runs at most, plus O(steps log steps).
    static func observedFidelity(_ runs: [RunResult], policies: [PolicySpec], setup: RunSetup) -> ObservedFidelity.Fidelity {
        let trace = setup.trace
        guard trace.series["replicas"] != nil else { return .notApplicable }
        let recorded = setup.latencyKind == .none ? nil : setup.recordedLatency
        guard recorded != nil || setup.load.recordedCPU != nil else { return .notApplicable }
        var full = setup
        full.keepSeries = true
        let observed = PolicySpec(name: "observed", kind: .observed)
        let run: RunResult
        if setup.keepSeries, let k = policies.firstIndex(where: { if case .observed = $0.kind { true } else { false } }) {
            run = runs[k]
        } else if let r = try? PolicyRunner.run(observed, setup: full) {
            run = r
        } else {
            return .notApplicable
        }
        var f = ModelFidelity(latencyMAPE: run.summary.latencyMAPE, cpuMAPE: run.summary.cpuMAPE)
        guard let recorded else { return .found(f) }
        let cut = Int((Double(trace.count) * (1 - ModelFidelity.holdoutFraction)).rounded(.down))
        f.holdoutStart = cut
        let times = run.series[\.timestamp], modelled = run.series[\.latencyP99Ms]
        f.latencyPairs = pairs(times: times, recorded: recorded, modelled: modelled, holdoutStart: cut)
        f.latencyHourlyMAPE = hourlyMedianMAPE(f.latencyPairs)
        // Hold-out: the empirical model refitted on the first 70 %, replayed over the whole
        // trace (so the fleet's state carries over), judged on the last 30 % only.
        guard cut >= 2, cut < trace.count else { return .found(f) }
        var heldOut = f.latencyPairs.filter(\.heldOut)
        if setup.latencyKind == .empirical {
            guard let refit = try? LatencyModelEmpirical(trace: trace, load: setup.load, workload: setup.scenario.workload,
                                                         scenarioFile: setup.scenario.file, steps: 0..<cut,
                                                         mix: setup.scenario.latency.mix),
                  let r = try? PolicyRunner.run(observed, setup: { var s = full; s.latency = refit; return s }()) else {
                return .found(f)
            }
            heldOut = pairs(times: r.series[\.timestamp], recorded: recorded, modelled: r.series[\.latencyP99Ms], holdoutStart: cut)
                .filter(\.heldOut)
        }
        guard let constant = WeightedMedian.leastPercentageError(Array(recorded[0..<min(cut, recorded.count)])),
              !heldOut.isEmpty else { return .found(f) }
        let model = mape(heldOut.map { ($0.recordedMs, $0.modelledMs) })
        let baseline = mape(heldOut.map { ($0.recordedMs, constant) })
        f.latencyHoldoutMAPE = model
        f.latencyHoldoutConstantMAPE = baseline
        f.latencySkill = baseline > 0 ? 1 - model / baseline : nil
        return .found(f)
    }

    /// The steps where the record is finite and positive and the model finite.
    static func pairs(times: [Int64], recorded: [Double], modelled: [Double], holdoutStart: Int) -> [ModelFidelity.LatencyPair] {
        var out: [ModelFidelity.LatencyPair] = []
        for i in 0..<min(times.count, recorded.count, modelled.count)
        where recorded[i].isFinite && recorded[i] > 0 && modelled[i].isFinite {
            out.append(.init(time: times[i], recordedMs: recorded[i], modelledMs: modelled[i], heldOut: i >= holdoutStart))
        }
        return out
    }

    /// Mean of |model − record| / record × 100 over `(record, model)` pairs (records > 0).
    /// - Complexity: O(n).
    static func mape(_ pairs: [(Double, Double)]) -> Double {
        guard !pairs.isEmpty else { return .nan }
        var sum = CompensatedSum()
        for (r, m) in pairs { sum.add(abs(m - r) / r * 100) }
        return sum.value / Double(pairs.count)
    }

    /// MAPE of the hourly medians: the pairs grouped by UTC clock hour, each hour's median
    /// model against its median record; nil without pairs.
    /// - Complexity: O(n log n).
    static func hourlyMedianMAPE(_ pairs: [ModelFidelity.LatencyPair]) -> Double? {
        let hourMs: Int64 = 3_600_000
        var byHour: [Int64: (r: [Double], m: [Double])] = [:]
        for p in pairs {
            let h = p.time >= 0 ? p.time / hourMs : (p.time - hourMs + 1) / hourMs
            byHour[h, default: ([], [])].r.append(p.recordedMs)
            byHour[h, default: ([], [])].m.append(p.modelledMs)
        }
        guard !byHour.isEmpty else { return nil }
        let medians = byHour.keys.sorted().compactMap { h -> (Double, Double)? in
            guard let g = byHour[h] else { return nil }
            return (Quantiles.median(g.r), Quantiles.median(g.m))
        }
        return mape(medians)
    }
}
