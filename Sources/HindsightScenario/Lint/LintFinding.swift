/// One guardrail finding: which rule, how serious, what, and where in which manifest.
public struct LintFinding: Sendable, Equatable {
    /// `<ClusterPolicy name>/<rule name>` or `<SimulationRule name>`.
    public var ruleId: String
    public var level: LintLevel
    public var message: String
    /// The manifest, its line and column (1-based), as the file was named on the command line.
    public var location: SourceLocation
    /// `Kind/name` of the manifest document.
    public var resource: String

    public init(ruleId: String, level: LintLevel, message: String, location: SourceLocation, resource: String) {
        self.ruleId = ruleId; self.level = level; self.message = message
        self.location = location; self.resource = resource
    }
}
