/// `spec.sweep`: which scalars of which policy file `hindsight sweep` and `tune` vary,
/// over which values, and how the best point is chosen.
public struct SweepSpec: Sendable, Equatable {
    /// The values one parameter takes, as written.
    public enum Values: Sendable, Equatable {
        /// A list: numbers (`[40, 50]`) or strings (`[Max, Min]`), in the order written.
        case list([YAMLPatch.Value])
        /// `{from, to, step}`: `from, from + step, …` up to `to` inclusive; `decimals` is
        /// the most digits after the point in how `from` and `step` were written.
        case range(from: Double, to: Double, step: Double, decimals: Int)
    }

    /// One swept scalar of the policy document.
    public struct Parameter: Sendable, Equatable {
        /// Dotted path with list indexes, e.g. `spec.behavior.scaleDown.stabilizationWindowSeconds`.
        public var path: String
        public var values: Values
        /// Where the parameter's key is written in the scenario.
        public var location: SourceLocation?

        public init(path: String, values: Values, location: SourceLocation? = nil) {
            self.path = path; self.values = values; self.location = location
        }
    }

    /// What `tune` makes as small as possible among the feasible points.
    public enum Objective: String, Sendable, Equatable, CaseIterable {
        /// `cost_usd`.
        case cost
        /// `emissions_kgco2e`.
        case emissions
        /// `replicas_mean` (pods).
        case replicas
    }

    /// Absolute path of the policy file the parameters edit.
    public var policyFile: String
    /// The policy file as the scenario names it (relative to the scenario), for messages and diffs.
    public var policyDisplay: String
    /// The parameters, in the order of the file.
    public var parameters: [Parameter]
    /// `constraints.sloViolationFraction.max` (fraction of judged time); nil = no constraint.
    public var maxViolationFraction: Double? = nil
    /// `minimize` (default cost).
    public var minimize: Objective = .cost
    /// Where `spec.sweep` is written.
    public var location: SourceLocation? = nil

    public init(policyFile: String, policyDisplay: String? = nil, parameters: [Parameter]) {
        self.policyFile = policyFile
        self.policyDisplay = policyDisplay ?? policyFile
        self.parameters = parameters
    }
}
