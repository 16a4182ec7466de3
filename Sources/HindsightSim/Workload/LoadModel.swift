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
/// *CPU of the requests.* With `rps`, a CPU signal and recorded `replicas`, CPU is
/// modelled as `idle per pod × ready pods + cost per request × served requests/s`, the
/// two coefficients fitted robustly on the trace (``CPUFit``, Huber IRLS). Every policy's
/// run uses that model; a step whose recorded `rps` is 0 while its CPU is not keeps its
/// own idle per pod, `cpu[i] / replicas[i]`, so `observed` replays its recorded CPU (with
/// or without a fit). When the fit is unavailable (`workload.cpuModel: perRequest`, no
/// replicas, too few steps, a
/// coefficient out of range) the cost per request is per step: `cpu[i] / rps[i]` where
/// both are positive, else the median of those ratios, else `cpuCapacity ÷ podCapacity`;
/// idle is 0 elsewhere.
///
/// *Per-pod capacity* in work units per second:
/// - requests: `min(podCapacity, (cpuCapacity − idle[i]) ÷ cpuPerRequest[i])`.
/// - core-seconds: `cpuCapacity`.
///
/// *Default podCapacity* (when `workload.podCapacity` is nil, requests mode):
/// `(cpuCapacity − idle) ÷ cost` with the fit, else `cpuCapacity ÷ median(cpu[i] / rps[i])`
/// over steps where both are finite and > 0. Without a `cpu` signal there is no cost per
/// request, and `podCapacity` is required.
public struct LoadModel: Sendable {
    /// True when work is counted in requests (`rps` recorded).
    public let hasRequests: Bool
    /// Work arriving per second at each step (requests/s or cores); 0 where missing.
    public let rate: [Double]
    /// CPU cores used per work unit per second at each step (cores per request/s, or 1).
    public let cpuPerWork: [Double]
    /// Cores each ready pod burns at each step whatever it serves (0 without the fit).
    public let idlePerPod: [Double]
    /// The fitted CPU model, when the trace allowed one.
    public let cpuFit: CPUFit?
    /// The CPU the trace recorded (cores, workload total), `cpu` or derived from
    /// `cpuUtilization × replicas × cpuRequest`; nil without one. For `cpu_mape`.
    public let recordedCPU: [Double]?
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
        let replicas = trace.series["replicas"]
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
        var idle = [Double](repeating: 0, count: n)
        var fit: CPUFit? = nil
        if let rps {
            var ratios: [Double] = []
            if let cpu {
                ratios.reserveCapacity(n)
                for i in 0..<n where rps[i].isFinite && cpu[i].isFinite && rps[i] > 0 && cpu[i] > 0 {
                    ratios.append(cpu[i] / rps[i])
                }
            }
            let median = Quantiles.middleMedian(&ratios)
            if let cpu, let replicas, workload.cpuModel == .fitted {
                fit = CPUFit(rps: rps, cpu: cpu, replicas: replicas)
                if let f = fit, f.idlePerPod >= cpuCapacity {
                    throw InputMessage("\(scenarioFile): spec.workload.cpuRequest: the trace's CPU fit gives \(f.idlePerPod) idle cores per pod, at or above the \(cpuCapacity) cores a pod can use; expected cpuRequest (or cpuLimit) above the idle burn")
                }
            }
            let capacity: Double
            if let given = workload.podCapacity {
                capacity = given
            } else if let fit {
                capacity = (cpuCapacity - fit.idlePerPod) / fit.costPerRequest
                notes.append("podCapacity derived from the trace's CPU fit: (cpuCapacity \(cpuCapacity) − idle \(fit.idlePerPod)) cores ÷ \(fit.costPerRequest) cores per request/s = \(capacity) requests/s")
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
                if let fit {
                    cost = fit.costPerRequest
                } else if let cpu, r.isFinite, cpu[i].isFinite, r > 0, cpu[i] > 0 {
                    cost = cpu[i] / r
                }
                if let cpu, let replicas {
                    idle[i] = CPUFit.idlePerPod(step: i, fitted: fit?.idlePerPod ?? 0, rps: rps, cpu: cpu, replicas: replicas)
                }
                cpuPerWork[i] = cost
                // With idle 0 this is cpuCapacity ÷ cost, bit for bit (the model without idle burn).
                podCap[i] = Swift.min(capacity, Swift.max(0, cpuCapacity - idle[i]) / cost)
            }
            if let fit { notes.append(fit.description) }
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
        self.idlePerPod = idle
        self.cpuFit = fit
        self.recordedCPU = cpu
        self.podCapacity = podCap
        self.missing = missing
        self.notes = notes
    }
}
