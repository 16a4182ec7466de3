import HindsightTrace

/// `groupPods` (HPA.md §3, Corrections 8) for one pod at one sync: the inputs that are the
/// same for every pod of the sync, and the per-pod test.
struct HPAReadinessRules: Sendable {
    /// Which group a pod falls in.
    enum Group: Equatable {
        /// Pending, or not to be trusted for cpu (the CPU readiness rules).
        case unready
        /// Running (and not unready) but without a sample.
        case missing
        /// Counted in `readyPodCount` with its sample, milli-units.
        case ready(Int64)
    }

    /// The sync instant.
    var now: SimInstant
    /// Timestamp of the samples.
    var sampleTime: SimInstant
    /// Length of the window the samples average.
    var sampleWindow: SimDuration
    /// `--horizontal-pod-autoscaler-cpu-initialization-period`.
    var cpuInitializationPeriod: SimDuration
    /// `--horizontal-pod-autoscaler-initial-readiness-delay`.
    var initialReadinessDelay: SimDuration

    /// The checks of `groupPods`, in its order:
    /// 1. phase Pending → unready;
    /// 2. no sample → missing;
    /// 3. cpu only: inside the CPU-initialization period (`now < created + period`) the pod
    ///    is unready if it is not Ready, or if its sample's timestamp is earlier than
    ///    `readyAt + sampleWindow`; after the period it is unready if it is not Ready and
    ///    has never been Ready — its Ready=False condition dates from its start, so that
    ///    is `created + initialReadinessDelay > created`, true for any positive delay;
    /// 4. otherwise ready. For metrics other than cpu a Running-not-Ready pod with a
    ///    sample counts like a Ready one.
    /// Deleted and Failed pods (ignored upstream) do not exist in this model.
    /// - Complexity: O(1).
    @inline(__always)
    func group(_ pod: HPAPod, index i: Int, values: HPAPodValues, isCPU: Bool) -> Group {
        let phase = pod.phase(at: now)
        if phase == .pending { return .unready }
        guard let v = values.value(at: i, phase: phase, runningAt: pod.runningAt) else { return .missing }
        if isCPU {
            if now < pod.created.addingSaturating(cpuInitializationPeriod) {
                if phase != .ready { return .unready }
                if let r = pod.readyAt, sampleTime < r.addingSaturating(sampleWindow) { return .unready }
            } else if phase != .ready, pod.created.addingSaturating(initialReadinessDelay) > pod.created {
                return .unready
            }
        }
        return .ready(v)
    }
}
