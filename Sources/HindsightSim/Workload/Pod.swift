import HindsightTrace

/// One pod of the simulated workload.
public struct Pod: Sendable, Equatable {
    /// Unique within a run, increasing with creation.
    public var id: Int
    /// When the pod was created (its `status.startTime` for the HPA).
    public var created: SimInstant
    /// `created + startupDelay`: from then on the pod serves and counts as ready. Its
    /// container starts `readinessDelay` earlier (phase Running, not yet Ready).
    public var readyAt: SimInstant
    /// Set at creation and moved on by the pod-running and pod-ready events.
    public var phase: PodPhase

    /// Running and Ready: serves traffic.
    @inlinable
    public var isReady: Bool { phase == .ready }
}
