import HindsightTrace

extension HPAController {
    /// The reconcile of a cpu-Utilization-only HPA in its most common state, in a few
    /// steps: spec inside [minReplicas, maxReplicas] (not the scaling-disabled 0), and
    /// every pod in the ready group with the same sample (`podSummary` answers, see
    /// ``HPAPodSummary/uniformTally(values:isCPU:now:sampleTime:sampleWindow:cpuInitializationPeriod:)``).
    /// Then `computeReplicasForMetrics` reduces to the simple path of
    /// `GetResourceReplicas` — truncated percent, ratio, inside the band → spec, else
    /// ceil(ratio × ready) — which this computes with the same integer and floating-point
    /// operations, and the normalization is the very same call as in `reconcile`.
    ///
    /// Returns nil, with nothing changed, when any condition does not hold: the caller
    /// then runs ``sync(now:specReplicas:statusReplicas:pods:readings:podSummary:explain:)``.
    /// Otherwise the outcome and the state are those of that call with `explain: false`
    /// (a change is described with the same text, computed the same way).
    /// - Complexity: amortized O(1) when nothing changes.
    @inline(__always)
    mutating func syncSteady(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod],
                             readings: HPAReadings, podSummary: HPAPodSummary?) -> HPASyncOutcome? {
        guard let pct = cpuUtilizationOnly, pct > 0, let summary = podSummary,
              specReplicas != 0 || spec.minReplicas == 0,
              specReplicas <= spec.maxReplicas, specReplicas >= spec.minReplicas,
              let request = readings.cpuRequestMilli, request > 0,
              let tally = summary.uniformTally(values: readings.cpu, isCPU: true, now: now, sampleTime: readings.sampleTime,
                                               sampleWindow: readings.sampleWindow,
                                               cpuInitializationPeriod: kubernetes.cpuInitializationPeriod)
        else { return nil }
        // `resourceUtilization` then `simpleOrRebalanced` with no unready and no missing pod.
        let util = HPAReplicaCalculator.percent(total: tally.total, count: tally.readyCount, request: request)
        let ratio = Double(util) / Double(pct)
        let proposal = tolerances.isWithin(ratio) ? specReplicas : HPAQuantity.ceilInt32(ratio * Double(tally.readyCount))
        let raw = max(0, proposal)
        let normalized = hasBehavior
            ? normalizeWithBehaviors(now: now, specReplicas: specReplicas, raw: raw, explain: false)
            : normalizeLegacy(now: now, specReplicas: specReplicas, raw: raw, explain: false)
        guard normalized.replicas != specReplicas else {
            return HPASyncOutcome(desired: specReplicas, rawProposal: raw, reason: "", error: nil)
        }
        storeScaleEvent(from: specReplicas, to: normalized.replicas, now: now)
        let m = computeReplicasForMetrics(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas, pods: pods,
                                          readings: readings, external: Self.noExternal, podSummary: podSummary, explain: true)
        return Self.outcome(m, raw: raw, normalized: normalized)
    }
}
