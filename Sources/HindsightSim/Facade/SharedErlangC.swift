import Foundation

/// The ``ErlangCTable`` of a prepared scenario, built by the first sweep that asks for it
/// and kept for the others. It depends on the load model only, never on the policies.
/// Thread-safe.
final class SharedErlangC: @unchecked Sendable {
    private let lock = NSLock()
    /// nil until built.
    private var table: ErlangCTable?

    /// Fewest points for which the table pays: it computes about a dozen waits per step,
    /// a run computes about one.
    static let minimumPoints = 16

    /// The table for `setup`'s load (built on `jobs` threads the first time), or nil when
    /// the latency model is not `mmc` at the p99 (another SLO quantile computes its waits).
    /// - Complexity: O(steps × entries per step) the first time, O(1) after.
    func table(for setup: RunSetup, jobs: Int) -> ErlangCTable? {
        guard let mmc = setup.latency as? LatencyModelMMC, mmc.tail == 0.01 else { return nil }
        lock.lock(); defer { lock.unlock() }
        if let table { return table }
        let built = ErlangCTable(rate: setup.load.rate, podRate: setup.load.podCapacity, jobs: jobs)
        table = built
        return built
    }
}
