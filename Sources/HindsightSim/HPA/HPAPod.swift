import HindsightTrace

/// One existing pod as the HPA sees it, for one sync (pass pods oldest first).
///
/// Its phase at a sync instant `now` (HPA.md §3, Corrections 8):
/// - **Pending** while `runningAt` is nil or later than `now`: no container, no sample;
///   **unready** for every metric (`groupPods` step 2).
/// - **Running, not Ready** from `runningAt` until `readyAt` (nil or later than `now`):
///   condition Ready=False, dated from the pod's start (`created`); it may have a sample.
/// - **Running and Ready** from `readyAt` on: condition Ready=True whose last transition
///   is `readyAt`; pods never turn unready again in this model.
public struct HPAPod: Sendable, Equatable {
    /// Pod start time (`status.startTime`).
    public var created: SimInstant
    /// When the container started (phase Running); nil = still Pending.
    public var runningAt: SimInstant?
    /// When the pod became Ready; nil = not Ready.
    public var readyAt: SimInstant?

    /// A pod that goes from Pending straight to Ready at `readyAt` (no Running-not-Ready phase).
    /// - Parameters:
    ///   - created: start time.
    ///   - readyAt: Ready transition; nil while starting.
    public init(created: SimInstant, readyAt: SimInstant?) {
        self.created = created; self.runningAt = readyAt; self.readyAt = readyAt
    }

    /// A pod with all three phases.
    /// - Parameters:
    ///   - created: start time.
    ///   - runningAt: container start; nil while Pending.
    ///   - readyAt: Ready transition; nil while not Ready.
    public init(created: SimInstant, runningAt: SimInstant?, readyAt: SimInstant?) {
        self.created = created; self.runningAt = runningAt; self.readyAt = readyAt
    }

    /// Running and Ready at `now` (`getReadyPodsCount`'s test).
    @inlinable
    public func isReady(at now: SimInstant) -> Bool {
        guard let r = readyAt else { return false }
        return r <= now
    }

    /// The phase at `now`.
    @inlinable
    public func phase(at now: SimInstant) -> PodPhase {
        if let r = readyAt, r <= now { return .ready }
        if let r = runningAt, r <= now { return .running }
        return .pending
    }
}
