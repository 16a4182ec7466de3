import HindsightTrace

/// One existing pod as the HPA sees it, for one sync (pass pods oldest first).
///
/// A pod with `readyAt == nil` (or `readyAt` later than the sync instant) is still
/// starting: the HPA treats it as phase `Pending`, i.e. **unready** for every metric
/// (HPA.md §3 step 2). A pod with `readyAt` set has condition Ready=True whose last
/// transition is `readyAt`; pods never turn unready again in this model.
public struct HPAPod: Sendable, Equatable {
    /// Pod start time (`status.startTime`).
    public var created: SimInstant
    /// When the pod became Ready; nil = still starting.
    public var readyAt: SimInstant?

    /// - Parameters:
    ///   - created: start time.
    ///   - readyAt: Ready transition; nil while starting.
    public init(created: SimInstant, readyAt: SimInstant?) {
        self.created = created; self.readyAt = readyAt
    }

    /// Running and Ready at `now` (`getReadyPodsCount`'s test).
    @inlinable
    public func isReady(at now: SimInstant) -> Bool {
        guard let r = readyAt else { return false }
        return r <= now
    }
}
