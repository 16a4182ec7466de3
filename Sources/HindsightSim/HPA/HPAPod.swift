/// One existing pod as the HPA sees it, for one sync (pass pods oldest first).
///
/// A pod with `readyAt == nil` (or `readyAt` later than the sync instant) is still
/// starting: the HPA treats it as phase `Pending`, i.e. **unready** for every metric
/// (HPA.md §3 step 2). A pod with `readyAt` set has condition Ready=True whose last
/// transition is `readyAt`; pods never turn unready again in this model.
public struct HPAPod: Sendable, Equatable {
    /// Pod start time, ms since epoch (`status.startTime`).
    public var created: Int64
    /// When the pod became Ready, ms since epoch; nil = still starting.
    public var readyAt: Int64?

    /// - Parameters:
    ///   - created: start time, ms.
    ///   - readyAt: Ready transition, ms; nil while starting.
    public init(created: Int64, readyAt: Int64?) {
        self.created = created; self.readyAt = readyAt
    }

    /// Running and Ready at `now` (`getReadyPodsCount`'s test).
    @inlinable
    public func isReady(at now: Int64) -> Bool {
        guard let r = readyAt else { return false }
        return r <= now
    }
}
