/// One pod of the simulated workload. Times in ms since the epoch.
public struct Pod: Sendable, Equatable {
    /// Unique within a run, increasing with creation.
    public var id: Int
    public var created: Int64
    /// `created + startupDelay`: from then on the pod serves and reports metrics.
    public var readyAt: Int64
    /// Set by the pod-ready event at `readyAt`.
    public var isReady: Bool
}
