import HindsightTrace

/// One metric's per-pod samples at one sync, milli-units (see ``HPAReadings``).
public enum HPAPodValues: Sendable, Equatable {
    /// One value per pod, aligned with the `pods` passed to `sync` (index i belongs to
    /// pod i); nil = no sample for that pod. A shorter array means the trailing pods
    /// have no sample.
    case perPod([Int64?])
    /// The compact form of the common case: every pod with a Ready transition
    /// (`readyAt` set) reports this same value, pods still starting report nothing;
    /// nil = no pod reports. Equivalent to `.perPod` with the value at exactly those
    /// indices, without an array per sync.
    case uniform(Int64?)

    /// The sample of pod `i` (whose Ready transition is `readyAt`), or nil.
    /// - Complexity: O(1).
    @inlinable
    public func value(at i: Int, readyAt: SimInstant?) -> Int64? {
        switch self {
        case .perPod(let values): return i < values.count ? values[i] : nil
        case .uniform(let v): return readyAt == nil ? nil : v
        }
    }
}
