import HindsightTrace

/// An `AIOptimizationPolicy` (gitops.example.com/v1alpha1), defaulted (SEMANTICS.md §5).
public struct AIOptimizationSpec: Sendable, Equatable {
    public enum GoalType: String, Sendable, Equatable { case costEfficiency, performance, carbonEfficiency }
    public enum GoalMetric: String, Sendable, Equatable {
        case cpuUtilizationAvg = "cpu_utilization_avg", latencyP99 = "latency_p99", rps
        case cpuCores = "cpu_cores", cpuUtilization = "cpu_utilization", carbonIntensity = "carbon_intensity"
    }
    public struct Goal: Sendable, Equatable {
        public var type: GoalType
        public var metric: GoalMetric
        /// In the metric's unit: percent, seconds (latency), rps, cores, gCO2e/kWh.
        public var threshold: Double
        /// Averaging window (costEfficiency default 1 h).
        public var window: SimDuration
        public init(type: GoalType, metric: GoalMetric, threshold: Double, window: SimDuration) {
            self.type = type; self.metric = metric; self.threshold = threshold; self.window = window
        }
    }
    public enum Direction: String, Sendable, Equatable { case up, down }
    public enum Step: Sendable, Equatable { case replicas(Int), percent(Double) }
    public struct Action: Sendable, Equatable {
        public var direction: Direction
        public var ifCondition: GoalType
        public var step: Step
        /// Default 5 min down, 1 min up.
        public var cooldown: SimDuration
        public init(direction: Direction, ifCondition: GoalType, step: Step, cooldown: SimDuration) {
            self.direction = direction; self.ifCondition = ifCondition; self.step = step; self.cooldown = cooldown
        }
    }
    public enum Model: Sendable, Equatable {
        case none, ewma, linear, holtWinters, seasonalNaive
        /// A hosted model that cannot run offline (runs as `none` with a warning).
        case hosted(String)
        /// `exec:<command line>` — an external agent replaces the goals' decision.
        case exec([String])
    }

    public var name: String
    public var targetWorkload: String?
    public var goals: [Goal]
    public var agentName: String?
    public var model: Model
    /// The `modelRef` text as written, for messages.
    public var modelRef: String
    /// Where `aiAgent.modelRef` is written (nil when absent).
    public var modelRefLocation: SourceLocation? = nil
    public var actions: [Action]
    public var dryRun: Bool = false
    public var minReplicas: Int = 1
    public var maxReplicas: Int = 100
    public var evaluationInterval: SimDuration = .minutes(1)
    /// nil = the workload's startupDelay.
    public var horizon: SimDuration? = nil

    public init(name: String, targetWorkload: String?, goals: [Goal], agentName: String?,
                model: Model, modelRef: String, actions: [Action]) {
        self.name = name; self.targetWorkload = targetWorkload; self.goals = goals
        self.agentName = agentName; self.model = model; self.modelRef = modelRef; self.actions = actions
    }
}
