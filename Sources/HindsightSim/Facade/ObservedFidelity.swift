import Foundation

/// The latency fidelity of a prepared scenario (the model's error under the observed
/// replicas), computed by the first `run` that needs it and kept for the others.
///
/// It depends on the trace and the latency model only, never on the policies run, so a
/// sweep pays for the extra observed run at most once. Thread-safe.
final class ObservedFidelity: @unchecked Sendable {
    private let lock = NSLock()
    /// nil until the first `run` that needs it.
    private var cached: Fidelity?

    /// What `Simulation.observedFidelity` found: nothing to apply, or the MAPE (nil when
    /// the observed run served nothing to compare).
    enum Fidelity: Sendable, Equatable {
        case notApplicable
        case mape(Double?)
    }

    /// The cached fidelity, or the one `compute` returns (then cached).
    /// - Returns: nil when no MAPE is to be set on the runs; else the value to set.
    func value(computing compute: () -> Fidelity) -> Double?? {
        lock.lock(); defer { lock.unlock() }
        let found = cached ?? compute()
        cached = found
        switch found {
        case .notApplicable: return nil
        case .mape(let m): return .some(m)
        }
    }
}
