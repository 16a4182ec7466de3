import HindsightTrace
import HindsightScenario

/// A KEDA ScaledObject (keda.sh/v1alpha1): its own polling loop, which decides
/// activation (0 ↔ min, idle ↔ min), plus the HPA it creates (HPA.md §10).
///
/// The kernel calls `poll` every `pollingInterval` (first at start) and `sync` every HPA
/// sync period; at one instant, poll first.
///
/// ```swift
/// var keda = KEDAController(spec: so, kubernetes: .init(), initialReplicas: 0, start: t0)
/// if let change = keda.poll(now: t0, specReplicas: 0, totals: ["rps": 250]) { spec = change.replicas }
/// let out = keda.sync(now: t0, specReplicas: spec, statusReplicas: spec, pods: pods, readings: r)
/// ```
public struct KEDAController: Sendable {
    /// The ScaledObject, defaulted.
    public let spec: ScaledObjectSpec
    /// The HPA KEDA created (`hpaSpec(for:)`) and its controller state.
    public internal(set) var hpa: HPAController
    /// `status.lastActiveTime`: the last polling tick that saw a trigger active; nil
    /// until one did.
    public internal(set) var lastActiveTime: SimInstant?
    /// Creation time of the ScaledObject (= start).
    public let created: SimInstant
    /// How long after `created` the metrics pipeline may still be filling (its `lag +
    /// window`): a missing value then is warm-up, not a scaler error (HPA.md Corrections 3).
    public let metricsWarmUp: SimDuration
    /// Consecutive failed fetches per trigger (`status.health`), for the fallback.
    var failures: [Int32]
    var crons: [KEDACronTrigger?]

    /// - Parameters:
    ///   - spec: the ScaledObject.
    ///   - kubernetes: flags of the HPA controller.
    ///   - initialReplicas: spec replicas at start.
    ///   - start: creation time and first poll/sync instant.
    ///   - metricsWarmUp: the pipeline's `lag + window` (0 = values are there from `start`).
    public init(spec: ScaledObjectSpec, kubernetes: KubernetesSpec, initialReplicas: Int32, start: SimInstant,
                metricsWarmUp: SimDuration = .zero) {
        self.spec = spec
        self.hpa = HPAController(spec: Self.hpaSpec(for: spec), kubernetes: kubernetes,
                                 initialReplicas: initialReplicas, start: start)
        self.created = start
        self.metricsWarmUp = max(.zero, metricsWarmUp)
        self.failures = Array(repeating: 0, count: spec.triggers.count)
        self.crons = spec.triggers.map { t in
            if case .cron(let tz, let s, let e, let d) = t.kind {
                return KEDACronTrigger(timezone: tz, start: s, end: e, desiredReplicas: d)
            }
            return nil
        }
    }

    /// Time between polling ticks (`pollingInterval`, at least 1 s).
    public var pollingInterval: SimDuration { max(spec.pollingInterval, .seconds(1)) }

    /// The HPA KEDA creates (`newHPAForScaledObject`): min = max(minReplicaCount, 1),
    /// max = maxReplicaCount, behavior passed through (nil = legacy path), cpu/memory
    /// triggers as Resource metrics, every other trigger as an External metric named
    /// `s<index>-<series|cron>` with the trigger's metricType (AverageValue by default;
    /// Utilization is invalid there) and target `threshold` (`%.3f` milli); cron triggers
    /// target 1.
    public static func hpaSpec(for so: ScaledObjectSpec) -> HPASpec {
        var metrics: [HPAMetricSpec] = []
        if let m = so.scalingModifiers {
            // One composite metric replaces every External metric; cpu/memory stay.
            for t in so.triggers { if case .resource(let name, let target) = t.kind { metrics.append(.resource(name, target)) } }
            metrics.append(.external(series: compositeMetricName, target(m.metricType, milli: HPAQuantity.kedaMilli(m.target))))
            return HPASpec(name: so.name, target: so.target, minReplicas: max(so.minReplicaCount, 1),
                           maxReplicas: so.maxReplicaCount, metrics: metrics, behavior: so.behavior)
        }
        for (i, t) in so.triggers.enumerated() {
            let key = externalMetricName(index: i, trigger: t)
            switch t.kind {
            case .resource(let name, let target):
                metrics.append(.resource(name, target))
            case .prometheus(_, let threshold, _):
                metrics.append(.external(series: key, target(t.metricType, milli: HPAQuantity.kedaMilli(threshold))))
            case .cron:
                metrics.append(.external(series: key, target(t.metricType, milli: 1000)))
            }
        }
        return HPASpec(name: so.name, target: so.target, minReplicas: max(so.minReplicaCount, 1),
                       maxReplicas: so.maxReplicaCount, metrics: metrics, behavior: so.behavior)
    }

    /// The External metric name of trigger `index` (`s<i>-<series>` or `s<i>-cron`).
    public static func externalMetricName(index: Int, trigger: KEDATrigger) -> String {
        switch trigger.kind {
        case .resource(let name, _): return name.rawValue
        case .prometheus(let series, _, _): return "s\(index)-\(series)"
        case .cron: return "s\(index)-cron"
        }
    }

    private static func target(_ type: KEDATrigger.MetricType, milli: Int64) -> HPAMetricTarget {
        switch type {
        case .averageValue: return .averageValue(milli: milli)
        case .value: return .value(milli: milli)
        case .utilization: return .utilization(0)   // rejected: the HPA reports the metric invalid
        }
    }
}
