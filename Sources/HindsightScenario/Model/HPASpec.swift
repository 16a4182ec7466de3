/// A `HorizontalPodAutoscaler` (autoscaling/v2, or v1 converted), as the API server
/// would hold it after defaulting — except `behavior`, which stays nil when absent
/// (HPA.md §6: the legacy path) and is filled field by field when present (§7).
public struct HPASpec: Sendable, Equatable {
    public var name: String
    /// `scaleTargetRef` as `kind/name` lower-cased kind, e.g. `deployment/checkout-api`.
    public var target: String?
    public var minReplicas: Int32 = 1
    public var maxReplicas: Int32
    /// `spec.metrics`, never empty: an HPA given no metrics (autoscaling/v2 without
    /// `spec.metrics`, or v1 without `targetCPUUtilizationPercentage`) holds
    /// `defaultMetrics`, as the API server defaults it. This is the only place that rule lives.
    public var metrics: [HPAMetricSpec] {
        @inlinable get { declaredMetrics }
        set { declaredMetrics = newValue.isEmpty ? Self.defaultMetrics : newValue }
    }
    public var behavior: HPABehavior?
    /// Storage of `metrics` (never empty once initialized).
    @usableFromInline var declaredMetrics: [HPAMetricSpec]

    /// What Kubernetes gives an HPA without metrics (`SetDefaults_HorizontalPodAutoscaler`,
    /// HPA.md): Resource cpu at averageUtilization 80 %.
    public static let defaultMetrics: [HPAMetricSpec] = [.resource(.cpu, .utilization(80))]

    /// - Parameter metrics: `spec.metrics`; empty means `defaultMetrics`.
    public init(name: String, target: String?, minReplicas: Int32 = 1, maxReplicas: Int32,
                metrics: [HPAMetricSpec], behavior: HPABehavior?) {
        self.name = name; self.target = target; self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas; self.behavior = behavior
        self.declaredMetrics = metrics.isEmpty ? Self.defaultMetrics : metrics
    }
}

/// What a metric is compared against. Values are Kubernetes milli-units (`Quantity.MilliValue()`).
public enum HPAMetricTarget: Sendable, Equatable {
    /// Percent of request (Resource/ContainerResource only).
    case utilization(Int32)
    /// Per-pod average, milli-units (cpu: millicores; memory: milli-bytes).
    case averageValue(milli: Int64)
    /// Total value, milli-units (Object/External).
    case value(milli: Int64)
}

public enum HPAResourceName: String, Sendable, Equatable { case cpu, memory }

/// One entry of `spec.metrics`.
public enum HPAMetricSpec: Sendable, Equatable {
    case resource(HPAResourceName, HPAMetricTarget)
    case containerResource(HPAResourceName, container: String, HPAMetricTarget)
    /// A per-pod metric: reads the named series (the workload's total) divided over reporting pods.
    case pods(series: String, HPAMetricTarget)
    case object(series: String, HPAMetricTarget)
    case external(series: String, HPAMetricTarget)
}

/// `spec.behavior`, with every nil field of the user's document replaced by the default
/// (`copyHPAScalingRules`). `scaleDown.stabilizationWindowSeconds == nil` means
/// "use the controller's downscale-stabilization flag".
public struct HPABehavior: Sendable, Equatable {
    public var scaleUp: HPAScalingRules
    public var scaleDown: HPAScalingRules

    public init(scaleUp: HPAScalingRules = .defaultScaleUp, scaleDown: HPAScalingRules = .defaultScaleDown) {
        self.scaleUp = scaleUp; self.scaleDown = scaleDown
    }
}

public struct HPAScalingRules: Sendable, Equatable {
    public enum SelectPolicy: String, Sendable, Equatable { case max = "Max", min = "Min", disabled = "Disabled" }
    public struct Policy: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable { case pods = "Pods", percent = "Percent" }
        public var kind: Kind
        public var value: Int32
        public var periodSeconds: Int32
        public init(kind: Kind, value: Int32, periodSeconds: Int32) {
            self.kind = kind; self.value = value; self.periodSeconds = periodSeconds
        }
    }
    /// nil only for scaleDown: filled from the controller flag.
    public var stabilizationWindowSeconds: Int32?
    public var selectPolicy: SelectPolicy
    public var policies: [Policy]
    /// Per-direction tolerance (KEP-4951); nil = the cluster value.
    public var tolerance: Double?

    public init(stabilizationWindowSeconds: Int32?, selectPolicy: SelectPolicy = .max,
                policies: [Policy], tolerance: Double? = nil) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy; self.policies = policies; self.tolerance = tolerance
    }

    /// scaleUp defaults: window 0, Max, [Pods 4 / 15 s, Percent 100 / 15 s].
    public static let defaultScaleUp = HPAScalingRules(
        stabilizationWindowSeconds: 0, selectPolicy: .max,
        policies: [.init(kind: .pods, value: 4, periodSeconds: 15), .init(kind: .percent, value: 100, periodSeconds: 15)])
    /// scaleDown defaults: window from the flag, Max, [Percent 100 / 15 s].
    public static let defaultScaleDown = HPAScalingRules(
        stabilizationWindowSeconds: nil, selectPolicy: .max,
        policies: [.init(kind: .percent, value: 100, periodSeconds: 15)])
}
