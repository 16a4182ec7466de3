import HindsightTrace

/// One pod of the simulated workload.
public struct Pod: Sendable, Equatable {
    /// Unique within a run, increasing with creation.
    public var id: Int
    /// When the pod was created.
    public var created: SimInstant
    /// `created + startupDelay`: from then on the pod serves and reports metrics.
    public var readyAt: SimInstant
    /// Set by the pod-ready event at `readyAt`.
    public var isReady: Bool
}
