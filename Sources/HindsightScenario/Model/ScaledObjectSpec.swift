import HindsightTrace

/// A KEDA `ScaledObject` (keda.sh/v1alpha1), defaulted (HPA.md §10.1). Durations typed (``SimDuration``).
public struct ScaledObjectSpec: Sendable, Equatable {
    public var name: String
    public var target: String?
    public var pollingInterval: SimDuration = .seconds(30)
    public var cooldownPeriod: SimDuration = .minutes(5)
    public var initialCooldownPeriod: SimDuration = .zero
    public var minReplicaCount: Int32 = 0
    public var maxReplicaCount: Int32 = 100
    public var idleReplicaCount: Int32? = nil
    public var fallback: Fallback? = nil
    /// `advanced.horizontalPodAutoscalerConfig.behavior`; nil = the HPA's legacy path.
    public var behavior: HPABehavior? = nil
    public var triggers: [KEDATrigger]
    /// `advanced.scalingModifiers`: one composite metric computed by a formula over the
    /// named triggers' values replaces their External metrics; nil when absent.
    public var scalingModifiers: ScalingModifiers? = nil

    /// `advanced.scalingModifiers` (KEDA ≥ 2.12).
    public struct ScalingModifiers: Sendable, Equatable {
        public var formula: ScalingFormula
        /// Target of the composite metric (real units, > 0).
        public var target: Double
        /// The ScaledObject is active when the composite value is above this (default 0).
        public var activationTarget: Double = 0
        /// AverageValue (default) or Value.
        public var metricType: KEDATrigger.MetricType = .averageValue
        public init(formula: ScalingFormula, target: Double) { self.formula = formula; self.target = target }
    }

    public struct Fallback: Sendable, Equatable {
        public var failureThreshold: Int32
        public var replicas: Int32
        public init(failureThreshold: Int32, replicas: Int32) {
            self.failureThreshold = failureThreshold; self.replicas = replicas
        }
    }

    public init(name: String, target: String?, triggers: [KEDATrigger]) {
        self.name = name; self.target = target; self.triggers = triggers
    }
}

/// One KEDA trigger.
public struct KEDATrigger: Sendable, Equatable {
    public enum MetricType: String, Sendable, Equatable { case averageValue = "AverageValue", value = "Value", utilization = "Utilization" }
    public enum Kind: Sendable, Equatable {
        /// cpu/memory trigger: a Resource metric on the HPA.
        case resource(HPAResourceName, HPAMetricTarget)
        /// prometheus trigger (or any scaler of `KEDAScaler.table`, see `scaler`) bound to a
        /// named series; threshold and activation in the series' units.
        case prometheus(series: String, threshold: Double, activationThreshold: Double)
        /// cron trigger: desiredReplicas between start and end (cron expressions) in timezone.
        case cron(timezone: String, start: String, end: String, desiredReplicas: Int32)
    }
    public var name: String?
    public var metricType: MetricType = .averageValue
    public var kind: Kind
    /// prometheus: the `metadata.query` text, trimmed. The series of `.prometheus` is the
    /// trigger's `name` when given, else this query; when a name is given and matches
    /// no series, resolve this text instead (SEMANTICS.md §5). Other scalers of
    /// `KEDAScaler.table`: their `TYPE/IDENTITY` name, used the same way.
    public var query: String? = nil
    /// prometheus only: `metadata.ignoreNullValues` (default true). True: an empty result
    /// (a gap in the trace) reads as 0 and inactive; false: it is a scaler error that
    /// counts toward `fallback.failureThreshold` (HPA.md Corrections 4).
    public var ignoreNullValues: Bool = true
    /// The KEDA scaler type of a `.prometheus` trigger read through `KEDAScaler.table`
    /// (`rabbitmq`, `kafka`…); nil for a prometheus trigger.
    public var scaler: String? = nil
    public init(name: String?, metricType: MetricType = .averageValue, kind: Kind) {
        self.name = name; self.metricType = metricType; self.kind = kind
    }
}
