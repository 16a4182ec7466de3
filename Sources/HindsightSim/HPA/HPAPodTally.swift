import HindsightTrace

/// `groupPods` (HPA.md §3) reduced to what the replica arithmetic reads: the number of
/// pods with a usable sample (`readyPodCount`), the saturating sum of their samples, and
/// the sizes of the unready and missing groups. Same rules as ``HPAPodGroups/group``,
/// without building index lists, so one sync allocates nothing.
struct HPAPodTally: Sendable, Equatable {
    /// Pods with a usable sample (`readyPodCount`).
    var readyCount = 0
    /// Saturating sum of their samples, milli-units, added oldest first.
    var total: Int64 = 0
    /// Unready pods (Pending, or the CPU readiness rules).
    var unready = 0
    /// Pods that are not unready but have no sample.
    var missing = 0

    /// The counts of ``HPAPodGroups/group`` for the same arguments (same checks, same
    /// order, same saturating sum).
    /// - Complexity: O(pods), no allocation.
    static func tally(pods: [HPAPod], values: [Int64?], isCPU: Bool, now: SimInstant,
                      sampleTime: SimInstant, sampleWindow: SimDuration, cpuInitializationPeriod: SimDuration,
                      initialReadinessDelay: SimDuration) -> HPAPodTally {
        tally(pods: pods, values: .perPod(values), isCPU: isCPU, now: now, sampleTime: sampleTime,
              sampleWindow: sampleWindow, cpuInitializationPeriod: cpuInitializationPeriod,
              initialReadinessDelay: initialReadinessDelay)
    }

    /// As above, for samples in either form (nil = no pod reports).
    /// - Complexity: O(pods), no allocation.
    static func tally(pods: [HPAPod], values: HPAPodValues?, isCPU: Bool, now: SimInstant,
                      sampleTime: SimInstant, sampleWindow: SimDuration, cpuInitializationPeriod: SimDuration,
                      initialReadinessDelay: SimDuration) -> HPAPodTally {
        var t = HPAPodTally()
        let values = values ?? .uniform(nil)
        let rules = HPAReadinessRules(now: now, sampleTime: sampleTime, sampleWindow: sampleWindow,
                                      cpuInitializationPeriod: cpuInitializationPeriod,
                                      initialReadinessDelay: initialReadinessDelay)
        for i in pods.indices {
            switch rules.group(pods[i], index: i, values: values, isCPU: isCPU) {
            case .unready: t.unready += 1
            case .missing: t.missing += 1
            case .ready(let v):
                t.readyCount += 1
                t.total = HPAQuantity.add(t.total, v)
            }
        }
        return t
    }

    /// The counts of an explicit grouping.
    init(_ g: HPAPodGroups) {
        readyCount = g.samples.count
        for s in g.samples { total = HPAQuantity.add(total, s.value) }
        unready = g.unready.count
        missing = g.missing.count
    }

    init() {}
}
