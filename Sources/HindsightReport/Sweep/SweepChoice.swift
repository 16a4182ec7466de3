import HindsightScenario
import HindsightStats

/// How a sweep's rows are judged: the Pareto front of (cost or emissions, SLO
/// violation) and the best feasible point for `tune`.
public struct SweepChoice: Sendable, Equatable {
    /// What is made small among the feasible points.
    public var objective: SweepSpec.Objective
    /// Largest `slo_violation_fraction` a point may have; nil = every point is feasible.
    public var maxViolation: Double?

    public init(objective: SweepSpec.Objective, maxViolation: Double?) {
        self.objective = objective; self.maxViolation = maxViolation
    }

    /// The summary key of the objective: `cost_usd`, `emissions_kgco2e` or `replicas_mean`.
    public var objectiveKey: String {
        switch objective {
        case .cost: "cost_usd"
        case .emissions: "emissions_kgco2e"
        case .replicas: "replicas_mean"
        }
    }

    /// The summary key of the front's first axis: emissions when minimising emissions, else cost.
    public var frontKey: String { objective == .emissions ? "emissions_kgco2e" : "cost_usd" }

    /// The summary key every constraint reads.
    public static let violationKey = "slo_violation_fraction"

    /// Positions in `rows` of the points on the Pareto front of (`frontKey`, violation), ascending.
    /// - Complexity: O(n log n).
    public func front(_ rows: [SweepRow]) -> [Int] {
        ParetoFront.indices(x: rows.map { $0.number(frontKey) ?? .nan },
                            y: rows.map { $0.number(Self.violationKey) ?? .nan })
    }

    /// Position in `rows` of the feasible point (violation ≤ `maxViolation`) with the
    /// smallest objective; ties go to the lower point index. nil when none is feasible.
    /// - Complexity: O(n).
    public func best(_ rows: [SweepRow]) -> Int? {
        var best: (value: Double, point: Int, at: Int)? = nil
        for (k, row) in rows.enumerated() {
            guard let v = row.number(objectiveKey), let violation = row.number(Self.violationKey) else { continue }
            if let max = maxViolation, !(violation <= max) { continue }
            if let b = best, (b.value, b.point) <= (v, row.point) { continue }
            best = (v, row.point, k)
        }
        return best?.at
    }

    /// Position in `rows` of the point with the smallest violation (ties: lower index),
    /// for the message when no point is feasible.
    public static func leastViolation(_ rows: [SweepRow]) -> Int? {
        rows.indices.filter { rows[$0].number(violationKey) != nil }
            .min { (rows[$0].number(violationKey) ?? 0, rows[$0].point) < (rows[$1].number(violationKey) ?? 0, rows[$1].point) }
    }
}
