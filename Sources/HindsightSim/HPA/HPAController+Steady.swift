import HindsightTrace

/// What ``HPAController/steadyResult(now:specReplicas:cpu:cpuRequestMilli:sampleTime:sampleWindow:podSummary:)``
/// decided: keep spec (with the raw proposal recorded), or change it. The common answer
/// carries no text, so a sync that keeps spec builds and frees no string.
enum HPASteadyResult {
    /// `pending`: kept by a proposal equal to spec, its push to the windows left pending
    /// (``HPAController/leaveKeepPending(_:now:)``), rather than held by the windows.
    case keep(raw: Int32, pending: Bool)
    /// The normalization moved spec: ``HPAController/steadyChange(raw:normalized:now:specReplicas:statusReplicas:pods:readings:podSummary:)``
    /// completes the sync.
    case change(raw: Int32, normalized: (replicas: Int32, text: String))
}

/// The HPA's cpu utilization of a uniform reading, known in advance (a sweep's steady
/// steps, ``SteadyStepTable``): every one of `pods` ready pods reports the reading in
/// millicores (``HPAReadingsBuilder/milliViaNano(_:)``), and `percent` is
/// `HPAReplicaCalculator.percent` of their saturating total against `requestMilli` each.
struct SteadyUtilization: Sendable, Equatable {
    let pods: Int
    let requestMilli: Int64
    let percent: Int32

    /// The utilization of `cores` per pod on `pods` pods with `request` cores each; nil
    /// without a sample (NaN) or a positive request.
    init?(cores: Double, pods: Int, request: Double) {
        guard pods > 0, let sample = HPAReadingsBuilder.milliViaNano(cores), let milli = HPAQuantity.milli(fromReal: request),
              milli > 0 else { return nil }
        self.pods = pods
        requestMilli = milli
        percent = HPAReplicaCalculator.percent(total: HPAPodSummary.uniformTotal(sample: sample, count: pods), count: pods,
                                               request: milli)
    }
}

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
        let result = steadyResult(now: now, specReplicas: specReplicas, cpu: readings.cpu, cpuRequestMilli: readings.cpuRequestMilli,
                                  sampleTime: readings.sampleTime, sampleWindow: readings.sampleWindow, podSummary: podSummary)
        switch result {
        case nil: return nil
        case .keep(let raw, _): return HPASyncOutcome(desired: specReplicas, rawProposal: raw, reason: "", error: nil)
        case .change(let raw, let normalized):
            return steadyChange(raw: raw, normalized: normalized, now: now, specReplicas: specReplicas,
                                statusReplicas: statusReplicas, pods: pods, readings: readings, podSummary: podSummary)
        }
    }

    /// The first part of ``syncSteady(now:specReplicas:statusReplicas:pods:readings:podSummary:)``,
    /// given the readings it looks at one by one (so a caller need not copy them whole):
    /// the metric, the stabilization and the rate limits. On `.change`, the caller must
    /// finish with ``steadyChange(raw:normalized:now:specReplicas:statusReplicas:pods:readings:podSummary:)``.
    /// - Complexity: amortized O(1) when nothing changes.
    @inline(__always)
    mutating func steadyResult(now: SimInstant, specReplicas: Int32, cpu: HPAPodValues?, cpuRequestMilli: Int64?,
                               sampleTime: SimInstant, sampleWindow: SimDuration,
                               podSummary: HPAPodSummary?) -> HPASteadyResult? {
        guard let pct = cpuUtilizationOnly, pct > 0, let summary = podSummary,
              specReplicas != 0 || spec.minReplicas == 0,
              specReplicas <= spec.maxReplicas, specReplicas >= spec.minReplicas,
              let request = cpuRequestMilli, request > 0,
              let tally = summary.uniformTally(values: cpu, isCPU: true, now: now, sampleTime: sampleTime,
                                               sampleWindow: sampleWindow,
                                               cpuInitializationPeriod: kubernetes.cpuInitializationPeriod)
        else { return nil }
        // `resourceUtilization` then `simpleOrRebalanced` with no unready and no missing pod.
        let util = HPAReplicaCalculator.percent(total: tally.total, count: tally.readyCount, request: request)
        return steadyResult(utilization: util, readyCount: tally.readyCount, target: pct, now: now, specReplicas: specReplicas)
    }

    /// ``steadyResult(now:specReplicas:cpu:cpuRequestMilli:sampleTime:sampleWindow:podSummary:)``
    /// for a uniform cpu reading whose utilization is known (``SteadyUtilization``: the
    /// percent that call computes for the same reading and as many pods): the same
    /// conditions on the controller and the pods, without the per-pod sample.
    /// - Complexity: amortized O(1) when nothing changes.
    @inline(__always)
    mutating func steadyResult(now: SimInstant, specReplicas: Int32, known: SteadyUtilization, cpuRequestMilli: Int64?,
                               sampleTime: SimInstant, sampleWindow: SimDuration,
                               podSummary: HPAPodSummary?) -> HPASteadyResult? {
        guard let pct = cpuUtilizationOnly, pct > 0, let summary = podSummary, summary.count == known.pods,
              specReplicas != 0 || spec.minReplicas == 0,
              specReplicas <= spec.maxReplicas, specReplicas >= spec.minReplicas,
              let request = cpuRequestMilli, request == known.requestMilli,
              summary.allReady(isCPU: true, now: now, sampleTime: sampleTime, sampleWindow: sampleWindow,
                               cpuInitializationPeriod: kubernetes.cpuInitializationPeriod)
        else { return nil }
        return steadyResult(utilization: known.percent, readyCount: known.pods, target: pct, now: now,
                            specReplicas: specReplicas)
    }

    /// The rest of a steady sync once the cpu utilization of `readyCount` ready pods is
    /// known: the usage ratio, the tolerance band, the proposal and its normalization.
    @inline(__always)
    mutating func steadyResult(utilization util: Int32, readyCount: Int, target pct: Int32, now: SimInstant,
                               specReplicas: Int32) -> HPASteadyResult {
        let ratio = util >= 0 && Int(util) < ratioOfPercent.count ? ratioOfPercent[Int(util)] : Double(util) / Double(pct)
        let proposal = tolerances.isWithin(ratio) ? specReplicas : HPAQuantity.ceilInt32(ratio * Double(readyCount))
        let raw = max(0, proposal)
        // The `behavior` path keeps spec when the recommendation equals it, whatever the
        // windows hold (the stabilized value lies between their extremes and the
        // recommendation): only the recommendation's push remains, left pending.
        if hasBehavior, raw == specReplicas, steadyKeeps {
            leaveKeepPending(raw, now: now)
            return .keep(raw: raw, pending: true)
        }
        let normalized = hasBehavior
            ? normalizeWithBehaviors(now: now, specReplicas: specReplicas, raw: raw, explain: false)
            : normalizeLegacy(now: now, specReplicas: specReplicas, raw: raw, explain: false)
        guard normalized.replicas != specReplicas else { return .keep(raw: raw, pending: false) }
        return .change(raw: raw, normalized: normalized)
    }

    /// A steady sync at `now` that keeps spec (`raw` equals it) on the `behavior` path: its
    /// push to the windows is left pending (``pendingKeep``).
    @inline(__always)
    mutating func leaveKeepPending(_ raw: Int32, now: SimInstant) {
        pendingKeep = HPATimedRecommendation(replicas: raw, time: now)
        keepsLeftPending += 1
    }

    /// The rest of a steady sync that changes spec: the scale event and the outcome with
    /// the full sync's text (the metric described from the same readings).
    mutating func steadyChange(raw: Int32, normalized: (replicas: Int32, text: String), now: SimInstant,
                               specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod], readings: HPAReadings,
                               podSummary: HPAPodSummary?) -> HPASyncOutcome {
        storeScaleEvent(from: specReplicas, to: normalized.replicas, now: now)
        let m = computeReplicasForMetrics(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas, pods: pods,
                                          readings: readings, external: Self.noExternal, podSummary: podSummary, explain: true)
        return Self.outcome(m, raw: raw, normalized: normalized)
    }
}
