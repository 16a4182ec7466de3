import HindsightScenario

/// The dead band around ratio 1.0 (HPA.md §4, `Tolerances.isWithin`, KEP-4951).
///
/// New form (Kubernetes ≥ 1.33): `(1 − down) ≤ r ≤ (1 + up)`.
/// Old form (≤ 1.32): `|1 − r| ≤ tolerance`; the two differ in float64 at exactly +10 %
/// (55/50 = 1.1000000000000000888 is inside the new band, outside the old one).
/// NaN is outside both.
public struct HPATolerances: Sendable, Equatable {
    /// Allowed relative deviation below 1 (fraction, 0.1 = 10 %).
    public var down: Double
    /// Allowed relative deviation above 1 (fraction).
    public var up: Double
    /// Use the pre-1.33 `|1 − r| ≤ tolerance` test (then `up == down`).
    public var legacyAbs: Bool

    /// Memberwise initializer.
    public init(down: Double, up: Double, legacyAbs: Bool) {
        self.down = down; self.up = up; self.legacyAbs = legacyAbs
    }

    /// `tolerancesForHpa`: the cluster tolerance in both directions; per-direction values
    /// from `behavior.scaleUp/scaleDown.tolerance` only when the `HPAConfigurableTolerance`
    /// gate is on, the version has it (≥ 1.33) and `behavior` is non-nil.
    public init(kubernetes: KubernetesSpec, behavior: HPABehavior?) {
        let tol = kubernetes.tolerance
        let legacy = kubernetes.minorVersion < 33
        var t = HPATolerances(down: tol, up: tol, legacyAbs: legacy)
        if !legacy, kubernetes.configurableTolerance, let b = behavior {
            if let d = b.scaleDown.tolerance { t.down = d }
            if let u = b.scaleUp.tolerance { t.up = u }
        }
        self = t
    }

    /// True when `ratio` is inside the band (no scaling on this metric).
    @inlinable
    public func isWithin(_ ratio: Double) -> Bool {
        if legacyAbs { return abs(1.0 - ratio) <= up }
        return (1.0 - down) <= ratio && ratio <= (1.0 + up)
    }
}
