/// What the metrics APIs return to one HPA sync.
///
/// Units: per-pod values and requests in Kubernetes milli-units (millicores for cpu,
/// milli-bytes for memory, milli-units of the series for Pods metrics); `totals` in
/// the series' real units (the controller converts them with `Quantity.MilliValue()`
/// rounding, see `HPAQuantity.milli(fromReal:)`).
public struct HPAReadings: Sendable {
    /// Per-pod values in milli-units, aligned with the `pods` passed to `sync`
    /// (index i belongs to pod i); nil = no sample for that pod. A shorter array means
    /// the trailing pods have no sample.
    /// Keys: `"cpu"`, `"memory"` (Resource/ContainerResource metrics) and the series
    /// name of each Pods metric.
    public var podValuesMilli: [String: [Int64?]]
    /// Per-pod request in milli-units, keys `"cpu"`, `"memory"`. Absent (or ≤ 0) makes a
    /// Utilization metric on that resource invalid for this sync.
    public var requestMilli: [String: Int64]
    /// Totals of named series for Object/External metrics, real units. An absent key
    /// (or a NaN / infinite value) makes the metric invalid for this sync.
    public var totals: [String: Double]
    /// Timestamp of the metric samples, ms (for the CPU readiness rule, HPA.md §3/§12).
    public var sampleTime: Int64
    /// Length of the window the samples average, ms.
    public var sampleWindow: Int64

    /// Creates readings; every argument defaults to "nothing reported".
    public init(podValuesMilli: [String: [Int64?]] = [:], requestMilli: [String: Int64] = [:],
                totals: [String: Double] = [:], sampleTime: Int64 = 0, sampleWindow: Int64 = 0) {
        self.podValuesMilli = podValuesMilli; self.requestMilli = requestMilli
        self.totals = totals; self.sampleTime = sampleTime; self.sampleWindow = sampleWindow
    }
}
