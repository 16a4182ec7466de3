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
    let now: SimInstant
    /// Timestamp of the samples.
    let sampleTime: SimInstant
    /// Length of the window the samples average.
    let sampleWindow: SimDuration
    /// `--horizontal-pod-autoscaler-cpu-initialization-period`.
    let cpuInitializationPeriod: SimDuration
    /// `--horizontal-pod-autoscaler-initial-readiness-delay`.
    let initialReadinessDelay: SimDuration
    /// `sampleTime − sampleWindow` (saturating): a Running-not-Ready pod started by then
    /// has a sample in the compact forms of ``HPAPodValues``.
    let runningSince: SimInstant

    init(now: SimInstant, sampleTime: SimInstant, sampleWindow: SimDuration, cpuInitializationPeriod: SimDuration,
         initialReadinessDelay: SimDuration) {
        self.now = now; self.sampleTime = sampleTime; self.sampleWindow = sampleWindow
        self.cpuInitializationPeriod = cpuInitializationPeriod; self.initialReadinessDelay = initialReadinessDelay
        runningSince = sampleTime.addingSaturating(.milliseconds(-max(0, sampleWindow.milliseconds)))
    }

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
        if let readyAt = pod.readyAt, readyAt <= now {
            // Running and Ready (condition Ready=True since `readyAt`).
            guard let v = values.value(at: i, phase: .ready, runningAt: pod.runningAt, runningSince: runningSince) else {
                return .missing
            }
            if isCPU, now < pod.created.addingSaturating(cpuInitializationPeriod),
               sampleTime < readyAt.addingSaturating(sampleWindow) {
                return .unready
            }
            return .ready(v)
        }
        guard let runningAt = pod.runningAt, runningAt <= now else { return .unready }   // Pending
        // Running, not Ready (condition Ready=False since the pod's start).
        guard let v = values.value(at: i, phase: .running, runningAt: runningAt, runningSince: runningSince) else {
            return .missing
        }
        if isCPU {
            if now < pod.created.addingSaturating(cpuInitializationPeriod) { return .unready }
            if pod.created.addingSaturating(initialReadinessDelay) > pod.created { return .unready }
        }
        return .ready(v)
    }
}
