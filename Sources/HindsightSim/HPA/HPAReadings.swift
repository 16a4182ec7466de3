import HindsightTrace
import HindsightScenario

/// What the metrics APIs return to one HPA sync.
///
/// Units: per-pod values and requests in Kubernetes milli-units (millicores for cpu,
/// milli-bytes for memory, milli-units of the series for Pods metrics); `totals` in
/// the series' real units (the controller converts them with `Quantity.MilliValue()`
/// rounding, see `HPAQuantity.milli(fromReal:)`).
///
/// The per-pod samples are stored per metric as ``HPAPodValues`` (`cpu`, `memory`,
/// `series`), so a simulator can report "every ready pod uses v" without building an
/// array per sync; `podValuesMilli` and `requestMilli` are the general, keyed view.
public struct HPAReadings: Sendable {
    /// cpu samples (Resource/ContainerResource cpu metrics); nil = none reported.
    public var cpu: HPAPodValues?
    /// memory samples; nil = none reported.
    public var memory: HPAPodValues?
    /// Samples of each Pods metric, by series name.
    public var series: [String: HPAPodValues] = [:]
    /// Per-pod cpu request, millicores; nil (or ≤ 0) makes a cpu Utilization metric invalid.
    public var cpuRequestMilli: Int64?
    /// Per-pod memory request, milli-bytes; nil (or ≤ 0) makes a memory Utilization metric invalid.
    public var memoryRequestMilli: Int64?
    /// Totals of named series for Object/External metrics, real units. An absent key
    /// (or a NaN / infinite value) makes the metric invalid for this sync.
    public var totals: [String: Double]
    /// Timestamp of the metric samples (for the CPU readiness rule, HPA.md §3/§12).
    public var sampleTime: SimInstant
    /// Length of the window the samples average.
    public var sampleWindow: SimDuration

    /// Creates readings; every argument defaults to "nothing reported".
    /// - Parameters:
    ///   - podValuesMilli: per-pod values by key (`"cpu"`, `"memory"`, or a Pods
    ///     metric's series name), see ``HPAPodValues/perPod(_:)``.
    ///   - requestMilli: per-pod requests, keys `"cpu"` and `"memory"`.
    public init(podValuesMilli: [String: [Int64?]] = [:], requestMilli: [String: Int64] = [:],
                totals: [String: Double] = [:], sampleTime: SimInstant = .epoch, sampleWindow: SimDuration = .zero) {
        self.totals = totals; self.sampleTime = sampleTime; self.sampleWindow = sampleWindow
        self.podValuesMilli = podValuesMilli
        self.requestMilli = requestMilli
    }

    /// Per-pod values in milli-units by key: `"cpu"`, `"memory"` (Resource/ContainerResource
    /// metrics) and the series name of each Pods metric; nil = no sample for that pod.
    /// Reading lists only the `.perPod` entries; setting replaces every entry.
    public var podValuesMilli: [String: [Int64?]] {
        get {
            var d: [String: [Int64?]] = [:]
            if case .perPod(let v) = cpu { d["cpu"] = v }
            if case .perPod(let v) = memory { d["memory"] = v }
            for (k, s) in series { if case .perPod(let v) = s, k != "cpu", k != "memory" { d[k] = v } }
            return d
        }
        set {
            cpu = nil; memory = nil; series = [:]
            for (k, v) in newValue {
                switch k {
                case "cpu": cpu = .perPod(v)
                case "memory": memory = .perPod(v)
                default: series[k] = .perPod(v)
                }
            }
        }
    }

    /// Per-pod requests in milli-units, keys `"cpu"` and `"memory"` (other keys are ignored).
    public var requestMilli: [String: Int64] {
        get {
            var d: [String: Int64] = [:]
            if let c = cpuRequestMilli { d["cpu"] = c }
            if let m = memoryRequestMilli { d["memory"] = m }
            return d
        }
        set { cpuRequestMilli = newValue["cpu"]; memoryRequestMilli = newValue["memory"] }
    }

    /// The samples stored under `key` (`"cpu"`, `"memory"` or a Pods metric's series).
    public func values(for key: String) -> HPAPodValues? {
        switch key {
        case "cpu": return cpu
        case "memory": return memory
        default: return series[key]
        }
    }

    /// Stores the samples of `key` (`"cpu"`, `"memory"` or a Pods metric's series).
    public mutating func setValues(_ v: HPAPodValues?, for key: String) {
        switch key {
        case "cpu": cpu = v
        case "memory": memory = v
        default: series[key] = v
        }
    }

    /// The samples of a Resource metric.
    @inlinable
    public func values(_ resource: HPAResourceName) -> HPAPodValues? {
        resource == .cpu ? cpu : memory
    }

    /// The request of a Resource metric, milli-units.
    @inlinable
    public func request(_ resource: HPAResourceName) -> Int64? {
        resource == .cpu ? cpuRequestMilli : memoryRequestMilli
    }
}
