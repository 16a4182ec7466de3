import HindsightTrace

/// The result of `groupPods` (HPA.md §3) for one metric at one sync.
///
/// Pods are referred to by their index in the `pods` array passed to `sync`.
struct HPAPodGroups: Sendable, Equatable {
    /// Pods with a usable sample: (index, value in milli-units). Oldest first.
    var samples: [(index: Int, value: Int64)]
    /// Indices of unready pods (Pending, or CPU readiness rule).
    var unready: [Int]
    /// Indices of pods that are not unready but have no sample.
    var missing: [Int]

    /// Pods counted as ready (`readyPodCount`): those with a usable sample.
    var readyCount: Int { samples.count }

    static func == (a: HPAPodGroups, b: HPAPodGroups) -> Bool {
        a.samples.map(\.index) == b.samples.map(\.index) && a.samples.map(\.value) == b.samples.map(\.value)
            && a.unready == b.unready && a.missing == b.missing
    }

    /// `groupPods`: the checks of ``HPAReadinessRules/group(_:index:values:isCPU:)``
    /// per pod, oldest first.
    /// - Complexity: O(pods).
    static func group(pods: [HPAPod], values: [Int64?], isCPU: Bool, now: SimInstant,
                      sampleTime: SimInstant, sampleWindow: SimDuration, cpuInitializationPeriod: SimDuration,
                      initialReadinessDelay: SimDuration) -> HPAPodGroups {
        var g = HPAPodGroups(samples: [], unready: [], missing: [])
        g.samples.reserveCapacity(pods.count)
        let rules = HPAReadinessRules(now: now, sampleTime: sampleTime, sampleWindow: sampleWindow,
                                      cpuInitializationPeriod: cpuInitializationPeriod,
                                      initialReadinessDelay: initialReadinessDelay)
        let perPod = HPAPodValues.perPod(values)
        for i in pods.indices {
            switch rules.group(pods[i], index: i, values: perPod, isCPU: isCPU) {
            case .unready: g.unready.append(i)
            case .missing: g.missing.append(i)
            case .ready(let v): g.samples.append((i, v))
            }
        }
        return g
    }
}
