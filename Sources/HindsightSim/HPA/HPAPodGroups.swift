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

    /// `groupPods`: checks, per pod and in this order, Pending (no `readyAt`, or ready in
    /// the future) → unready; no sample → missing; for cpu only, a pod still inside the
    /// CPU-initialization period (`now < created + cpuInitializationPeriod`) whose
    /// sample's timestamp is earlier than `readyAt + sampleWindow` → unready (HPA.md §12);
    /// otherwise ready.
    ///
    /// After the initialization period a pod is unready only if Ready=False and it never
    /// was ready (`initialReadinessDelay`); pods never turn Ready=False again in this
    /// model, so that branch never marks a pod and the delay has no effect.
    /// - Complexity: O(pods).
    static func group(pods: [HPAPod], values: [Int64?], isCPU: Bool, now: SimInstant,
                      sampleTime: SimInstant, sampleWindow: SimDuration, cpuInitializationPeriod: SimDuration) -> HPAPodGroups {
        var g = HPAPodGroups(samples: [], unready: [], missing: [])
        g.samples.reserveCapacity(pods.count)
        for (i, pod) in pods.enumerated() {
            guard let readyAt = pod.readyAt, readyAt <= now else {
                g.unready.append(i); continue
            }
            guard i < values.count, let v = values[i] else {
                g.missing.append(i); continue
            }
            if isCPU {
                let inInit = now < pod.created.addingSaturating(cpuInitializationPeriod)
                if inInit && sampleTime < readyAt.addingSaturating(sampleWindow) {
                    g.unready.append(i); continue
                }
            }
            g.samples.append((i, v))
        }
        return g
    }
}
