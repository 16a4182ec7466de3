import HindsightScenario
import HindsightStats
import HindsightTrace

/// The recorded load of a trace, turned into per-step work for the fluid queue
/// (SEMANTICS.md §2). Computed once per scenario and shared by every policy's run.
///
/// *Work units.* With an `rps` series the queue holds **requests**; without it, it
/// holds **core-seconds** of CPU work (the `cpu` series, or `cpuUtilization/100 ×
/// replicas × cpuRequest`).
///
/// *Per-pod capacity* in work units per second:
/// - requests: `min(podCapacity, cpuCapacity ÷ cpuPerRequest[i])`, where
///   `cpuPerRequest[i] = cpu[i] / rps[i]` when both are recorded and positive at step
///   `i`, else the median of those ratios over the trace, else `cpuCapacity ÷ podCapacity`.
/// - core-seconds: `cpuCapacity`.
///
/// *Default podCapacity* (when `workload.podCapacity` is nil, requests mode):
/// `cpuCapacity ÷ median(cpu[i] / rps[i])` over steps where both are finite and > 0.
/// Without a `cpu` signal there is no cost per request, and `podCapacity` is required.
public struct LoadModel: Sendable {
    /// True when work is counted in requests (`rps` recorded).
    public let hasRequests: Bool
    /// Work arriving per second at each step (requests/s or cores); 0 where missing.
    public let rate: [Double]
    /// CPU cores used per work unit per second at each step (cores per request/s, or 1).
    public let cpuPerWork: [Double]
    /// Most work units per second one ready pod can serve at each step.
    public let podCapacity: [Double]
    /// True where the load signal is missing (the step is not judged for the SLO).
    public let missing: [Bool]
    /// Requests/s per pod used as the M/M/c service rate (requests mode), or nil.
    public let nominalPodCapacity: Double?
    /// How the per-request CPU cost was chosen, for the summary's warnings.
    public let notes: [String]

    /// Derives the model from the trace and workload.
    /// - Throws: `InputMessage` naming the scenario when no load signal is present,
    ///   or when requests are recorded without any CPU signal and no `podCapacity`.
    /// - Complexity: O(n log n) for the median.
    public init(trace: Trace, workload: WorkloadSpec, scenarioFile: String) throws {
        let n = trace.count
        let rps = trace.series["rps"]
        var cpu = trace.series["cpu"]
        var notes: [String] = []
        if cpu == nil, let util = trace.series["cpuUtilization"], let reps = trace.series["replicas"] {
            cpu = (0..<n).map { util[$0] / 100 * reps[$0] * workload.cpuRequest }
            notes.append("cpu derived from cpuUtilization × replicas × cpuRequest")
        }
        let cpuCapacity = workload.cpuCapacity
        guard rps != nil || cpu != nil else {
            throw InputMessage("\(scenarioFile): spec.trace: the trace \(trace.source) has no load signal (series: \(trace.seriesNames.joined(separator: ", "))); expected an `rps` or `cpu` column, or `cpuUtilization` together with `replicas`")
        }
        var missing = [Bool](repeating: false, count: n)
        var rate = [Double](repeating: 0, count: n)
        var cpuPerWork = [Double](repeating: 1, count: n)
        var podCap = [Double](repeating: cpuCapacity, count: n)
        if let rps {
            var ratios: [Double] = []
            if let cpu {
                ratios.reserveCapacity(n)
                for i in 0..<n where rps[i].isFinite && cpu[i].isFinite && rps[i] > 0 && cpu[i] > 0 {
                    ratios.append(cpu[i] / rps[i])
                }
            }
            let median = Quantiles.middleMedian(&ratios)
            let capacity: Double
            if let given = workload.podCapacity {
                capacity = given
            } else if let median, median > 0 {
                capacity = cpuCapacity / median
                notes.append("podCapacity derived from the trace: cpuCapacity \(cpuCapacity) cores ÷ median CPU per request \(median) = \(capacity) requests/s")
            } else {
                throw InputMessage("\(scenarioFile): spec.workload.podCapacity: the trace records rps but no CPU (cpu, or cpuUtilization with replicas), so requests per pod cannot be derived; expected `podCapacity: <requests/s per pod>`")
            }
            guard capacity > 0, capacity.isFinite else {
                throw InputMessage("\(scenarioFile): spec.workload.podCapacity: \(capacity) requests/s; expected a positive number")
            }
            let fallbackCost = median ?? (cpuCapacity / capacity)
            for i in 0..<n {
                let r = rps[i]
                if !r.isFinite { missing[i] = true; rate[i] = 0 } else { rate[i] = max(0, r) }
                var cost = fallbackCost
                if let cpu, r.isFinite, cpu[i].isFinite, r > 0, cpu[i] > 0 { cost = cpu[i] / r }
                cpuPerWork[i] = cost
                podCap[i] = Swift.min(capacity, cpuCapacity / cost)
            }
            self.nominalPodCapacity = capacity
        } else if let cpu {
            for i in 0..<n {
                if !cpu[i].isFinite { missing[i] = true } else { rate[i] = max(0, cpu[i]) }
            }
            self.nominalPodCapacity = nil
        } else {
            self.nominalPodCapacity = nil
        }
        self.hasRequests = rps != nil
        self.rate = rate
        self.cpuPerWork = cpuPerWork
        self.podCapacity = podCap
        self.missing = missing
        self.notes = notes
    }
}
