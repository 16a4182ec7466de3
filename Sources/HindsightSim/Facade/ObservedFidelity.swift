import Foundation

/// The model fidelity of a prepared scenario (the models' error under the observed
/// replicas), computed by the first `run` that needs it and kept for the others.
///
/// It depends on the trace and the models only, never on the policies run, so a sweep
/// pays for the extra observed runs at most once. Thread-safe.
final class ObservedFidelity: @unchecked Sendable {
    private let lock = NSLock()
    /// nil until the first `run` that needs it.
    private var cached: Fidelity?

    /// What `Simulation.observedFidelity` found: nothing to apply, or the numbers.
    enum Fidelity: Sendable, Equatable {
        case notApplicable
        case found(ModelFidelity)
    }

    /// The cached fidelity, or the one `compute` returns (then cached).
    /// - Returns: nil when nothing is to be set on the runs; else the fidelity.
    func value(computing compute: () -> Fidelity) -> ModelFidelity? {
        lock.lock(); defer { lock.unlock() }
        let found = cached ?? compute()
        cached = found
        switch found {
        case .notApplicable: return nil
        case .found(let f): return f
        }
    }
}
