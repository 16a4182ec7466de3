import HindsightTrace
import HindsightScenario

extension HPAController {
    /// `computeReplicasForMetrics` (HPA.md §5): the maximum valid proposal; an error with
    /// no proposal when every metric is invalid, or when some are invalid and the maximum
    /// is below spec; otherwise a proposal and (if any failed) the error text too.
    /// Pure (reads no mutable state), so a sync can run it again with `explain` to
    /// describe a decision. With `explain` false the text is empty; the error is always built.
    func computeReplicasForMetrics(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod],
                                   readings: HPAReadings, external: [String: Int64], podSummary: HPAPodSummary? = nil,
                                   explain: Bool = true)
        -> (replicas: Int32?, text: String, error: String?) {
        if let pct = cpuUtilizationOnly {
            // One metric: the loop below reduces to exactly this. The summary, when it
            // applies, gives the loop's tally without visiting the pods.
            let tally = podSummary?.uniformTally(values: readings.cpu, isCPU: true, now: now, sampleTime: readings.sampleTime,
                                                 sampleWindow: readings.sampleWindow,
                                                 cpuInitializationPeriod: kubernetes.cpuInitializationPeriod)
                ?? HPAPodTally.tally(pods: pods, values: readings.cpu, isCPU: true, now: now,
                                     sampleTime: readings.sampleTime, sampleWindow: readings.sampleWindow,
                                     cpuInitializationPeriod: kubernetes.cpuInitializationPeriod,
                                     initialReadinessDelay: kubernetes.initialReadinessDelay)
            switch HPAReplicaCalculator.resourceUtilization(name: "cpu", groups: tally, requestMilli: readings.cpuRequestMilli,
                                                            targetPercent: pct, spec: specReplicas, tolerances: tolerances,
                                                            explain: explain) {
            case .proposal(let p, let text): return (p, text, nil)
            case .invalid(let e): return (nil, "", "invalid metrics (1 invalid out of 1): " + e)
            }
        }
        var best: Int32? = nil
        var texts: [String] = []
        var errors: [String] = []
        for metric in spec.metrics {
            let r = computeReplicasForMetric(metric, now: now, specReplicas: specReplicas, statusReplicas: statusReplicas,
                                             pods: pods, readings: readings, external: external, explain: explain)
            switch r {
            case .proposal(let p, let text):
                if explain { texts.append(text) }
                if best == nil || p > (best ?? 0) { best = p }
            case .invalid(let e):
                errors.append(e)
            }
        }
        let error: String? = errors.isEmpty ? nil
            : "invalid metrics (\(errors.count) invalid out of \(spec.metrics.count)): " + errors.joined(separator: "; ")
        let text = explain ? texts.joined(separator: "; ") : ""
        guard let b = best else { return (nil, text, error) }
        guard explain else { return (!errors.isEmpty && b < specReplicas ? nil : b, "", error) }
        if !errors.isEmpty && b < specReplicas {
            return (nil, text + (text.isEmpty ? "" : "; ") + "max \(b) below spec \(specReplicas) with invalid metrics", error)
        }
        return (b, texts.count > 1 ? "\(text); max \(b)" : text, error)
    }

    /// One metric's proposal (`computeReplicasForMetric`, HPA.md §2).
    func computeReplicasForMetric(_ metric: HPAMetricSpec, now: SimInstant, specReplicas: Int32, statusReplicas: Int32,
                                  pods: [HPAPod], readings: HPAReadings, external: [String: Int64],
                                  explain: Bool = true) -> HPAMetricResult {
        let k = kubernetes
        func groups(_ values: HPAPodValues?, isCPU: Bool) -> HPAPodTally {
            HPAPodTally.tally(pods: pods, values: values, isCPU: isCPU, now: now,
                              sampleTime: readings.sampleTime, sampleWindow: readings.sampleWindow,
                              cpuInitializationPeriod: k.cpuInitializationPeriod,
                              initialReadinessDelay: k.initialReadinessDelay)
        }
        switch metric {
        case .resource(let res, let target), .containerResource(let res, _, let target):
            let key = res.rawValue
            switch target {
            case .utilization(let pct):
                return HPAReplicaCalculator.resourceUtilization(
                    name: key, groups: groups(readings.values(res), isCPU: res == .cpu), requestMilli: readings.request(res),
                    targetPercent: pct, spec: specReplicas, tolerances: tolerances, explain: explain)
            case .averageValue(let milli):
                return HPAReplicaCalculator.plain(name: key, groups: groups(readings.values(res), isCPU: res == .cpu), targetMilli: milli,
                                                  spec: specReplicas, tolerances: tolerances, explain: explain)
            case .value:
                return .invalid("\(key): a Resource metric needs a Utilization or AverageValue target")
            }
        case .pods(let series, let target):
            guard case .averageValue(let milli) = target else {
                return .invalid("\(series): a Pods metric needs an AverageValue target")
            }
            return HPAReplicaCalculator.plain(name: series, groups: groups(readings.values(for: series), isCPU: false), targetMilli: milli,
                                              spec: specReplicas, tolerances: tolerances, explain: explain)
        case .object(let series, let target), .external(let series, let target):
            guard let usage = external[series] else {
                return .invalid("\(series): unable to get metric (no value this sync)")
            }
            switch target {
            case .value(let milli):
                guard milli > 0 else { return .invalid("\(series): target value must be > 0") }
                let ratio = Double(usage) / Double(milli)
                // The text also names an invalid result (no pods), so it is built then too.
                let seen = !explain && !pods.isEmpty ? "" : "\(series) \(HPAQuantity.fmtMilli(usage)) vs target \(HPAQuantity.fmtMilli(milli)) → ratio \(HPAQuantity.fmt3(ratio))"
                return HPAReplicaCalculator.usageRatioReplicaCount(seen, ratio: ratio, spec: specReplicas, pods: pods,
                                                                   now: now, tolerances: tolerances, explain: explain)
            case .averageValue(let milli):
                return HPAReplicaCalculator.perPod(name: series, usageMilli: usage, targetMilli: milli,
                                                   status: statusReplicas, tolerances: tolerances, explain: explain)
            case .utilization:
                return .invalid("\(series): Object/External metrics need a Value or AverageValue target")
            }
        }
    }
}
