import HindsightTrace

/// What one sync's pod grouping needs to know about a pod list in which every pod may
/// already be Ready: the count, the latest Ready transition and the latest start.
/// Built once per pod list (the simulator rebuilds its HPA pods only when the fleet
/// changes), it lets a sync skip ``HPAPodTally/tally(pods:values:isCPU:now:sampleTime:sampleWindow:cpuInitializationPeriod:initialReadinessDelay:)``
/// when that loop provably puts every pod in the ready group with the same sample.
struct HPAPodSummary: Sendable, Equatable {
    /// Number of pods.
    let count: Int
    /// The latest `readyAt` of the pods; nil when some pod is not Ready or there is none.
    let latestReady: SimInstant?
    /// The latest `created` of the pods (the earliest instant when there is none).
    let latestCreated: SimInstant

    /// Summarizes `pods`.
    /// - Complexity: O(pods).
    init(_ pods: [HPAPod]) {
        count = pods.count
        let earliest = SimInstant(unixMilliseconds: .min)
        var ready: SimInstant? = pods.isEmpty ? nil : earliest
        var created = earliest
        for p in pods {
            if p.created > created { created = p.created }
            if let r = p.readyAt, let sofar = ready { ready = max(sofar, r) } else { ready = nil }
        }
        latestReady = ready
        latestCreated = created
    }

    /// The tally of `tally(pods:values:…)` for the summarized pods, without visiting
    /// them, when it is known to be "every pod ready with the same sample": every pod is
    /// Ready at `now`, `values` gives each Ready pod one value `v` (a compact form), and
    /// for cpu no pod is held back by the CPU readiness rule — either the latest start is
    /// past the initialization period (`now ≥ latestCreated + period`), or the latest
    /// Ready transition is a whole sample window before the samples
    /// (`sampleTime ≥ latestReady + window`); each implies the per-pod condition for
    /// every pod. The total is the saturating sum of `count` copies of `v` (one
    /// multiplication; the same value as adding them one by one with saturation).
    /// Returns nil whenever any of that does not hold (the caller then runs the loop).
    /// - Complexity: O(1).
    @inline(__always)
    func uniformTally(values: HPAPodValues?, isCPU: Bool, now: SimInstant, sampleTime: SimInstant,
                      sampleWindow: SimDuration, cpuInitializationPeriod: SimDuration) -> HPAPodTally? {
        guard let values else { return nil }
        let sample: Int64
        switch values {
        case .uniform(let v), .uniformNotReadyZero(let v), .uniformRunning(let v):
            guard let v else { return nil }
            sample = v
        case .perPod:
            return nil
        }
        guard allReady(isCPU: isCPU, now: now, sampleTime: sampleTime, sampleWindow: sampleWindow,
                       cpuInitializationPeriod: cpuInitializationPeriod) else { return nil }
        var t = HPAPodTally()
        t.readyCount = count
        t.total = Self.uniformTotal(sample: sample, count: count)
        return t
    }

    /// The conditions of ``uniformTally(values:isCPU:now:sampleTime:sampleWindow:cpuInitializationPeriod:)``
    /// on the pods alone: every pod Ready at `now`, and for cpu none held back by the CPU
    /// readiness rule.
    /// - Complexity: O(1).
    @inline(__always)
    func allReady(isCPU: Bool, now: SimInstant, sampleTime: SimInstant, sampleWindow: SimDuration,
                  cpuInitializationPeriod: SimDuration) -> Bool {
        guard let ready = latestReady, ready <= now else { return false }
        if isCPU, now < latestCreated.addingSaturating(cpuInitializationPeriod),
           sampleTime < ready.addingSaturating(sampleWindow) {
            return false
        }
        return true
    }

    /// The saturating sum of `count` copies of `sample` (one multiplication).
    @inline(__always)
    static func uniformTotal(sample: Int64, count: Int) -> Int64 {
        let (product, overflow) = sample.multipliedReportingOverflow(by: Int64(count))
        return overflow ? (sample > 0 ? Int64.max : Int64.min) : product
    }
}
