import HindsightTrace

/// One metric's per-pod samples at one sync, milli-units (see ``HPAReadings``).
public enum HPAPodValues: Sendable, Equatable {
    /// One value per pod, aligned with the `pods` passed to `sync` (index i belongs to
    /// pod i); nil = no sample for that pod. A shorter array means the trailing pods
    /// have no sample.
    case perPod([Int64?])
    /// The compact form of the common case: every Ready pod reports this same value,
    /// pods still starting (Pending or Running-not-Ready) report nothing;
    /// nil = no pod reports. Equivalent to `.perPod` with the value at exactly those
    /// indices, without an array per sync.
    case uniform(Int64?)
    /// The compact form with Running-not-Ready pods that get no traffic (cpu, Pods
    /// series): every Ready pod reports this value (nil = none does); a Running-not-Ready
    /// pod whose container had been up for a whole sample window by the sample's time
    /// (started at or before `sampleTime − sampleWindow` of the ``HPAReadings``) reports 0;
    /// every other pod reports nothing.
    case uniformNotReadyZero(Int64?)
    /// The compact form for what a pod holds from its start (memory): every Ready pod and
    /// every Running-not-Ready pod up for a whole sample window (as above) reports this
    /// value; every other pod reports nothing; nil = none reports.
    case uniformRunning(Int64?)

    /// (The compact forms keep this enum as small as an `Int64?`: a sync copies it often.)
    ///
    /// The sample of pod `i`, in `phase` at the sync, whose container started at
    /// `runningAt`, or nil; `runningSince` is the readings' `sampleTime − sampleWindow`.
    /// - Complexity: O(1).
    @inlinable
    public func value(at i: Int, phase: PodPhase, runningAt: SimInstant?, runningSince: SimInstant) -> Int64? {
        switch self {
        case .perPod(let values): return i < values.count ? values[i] : nil
        case .uniform(let v): return phase == .ready ? v : nil
        case .uniformNotReadyZero(let v):
            if phase == .ready { return v }
            guard phase == .running, let r = runningAt, r <= runningSince else { return nil }
            return 0
        case .uniformRunning(let v):
            if phase == .ready { return v }
            guard phase == .running, let r = runningAt, r <= runningSince else { return nil }
            return v
        }
    }
}
