/// Organisation rules for `hindsight lint`: Kyverno `validate.pattern` rules and
/// hindsight's simulated rules, read from rule files (``GuardrailRules/load(paths:)``).
public struct GuardrailRules: Sendable {
    /// One Kyverno rule with a `validate.pattern`.
    public struct PatternRule: Sendable {
        /// `<ClusterPolicy name>/<rule name>`.
        public var id: String
        public var message: String
        /// `Enforce` → error, `Audit` → warning (Kyverno's default is Audit).
        public var level: LintLevel
        public var match: ResourceFilter
        public var exclude: ResourceFilter
        public var pattern: YAMLNode
        /// Where the rule is written.
        public var location: SourceLocation
    }

    /// A `kind: SimulationRule` (apiVersion hindsight/v1): replay each matching policy
    /// over a scenario and bound what the run reports.
    public struct SimulationRule: Sendable {
        public var id: String
        public var message: String
        public var level: LintLevel
        public var match: ResourceFilter
        /// Absolute path of the scenario, resolved against the rule file's folder.
        public var scenario: String
        /// `summary.json` quantities and their maxima: `sloViolationFraction`, `costUSD`, `emissionsKg`.
        public var limits: [(metric: SimulationMetric, max: Double)]
        public var location: SourceLocation
    }

    /// What a simulated rule can bound.
    public enum SimulationMetric: String, Sendable, CaseIterable {
        case sloViolationFraction, costUSD, emissionsKg, errorBudgetUsed
    }

    public var patternRules: [PatternRule] = []
    public var simulationRules: [SimulationRule] = []
    public init() {}

    /// Rules in all.
    public var count: Int { patternRules.count + simulationRules.count }
}
