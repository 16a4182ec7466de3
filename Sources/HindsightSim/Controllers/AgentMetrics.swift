import HindsightTrace
import HindsightScenario

/// The metrics an AIOptimizationPolicy or an external agent sees at a tick, through the
/// pipeline (SEMANTICS.md §3): load from the trace's `rps`/`cpu` series, utilization from
/// the CPU served per ready pod, latency as the worst modelled p99 since the last tick.
struct AgentMetrics {
    var rps: Double?
    var cpuCores: Double?
    var cpuUtilization: Double?
    var latencyP99: Double?
    var ready: Int

    /// Reads the context. `cpuRequest` in cores; `hasLatency` false for `latency.model: none`.
    init(_ context: ControllerContext, cpuRequest: Double, hasLatency: Bool) {
        func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
        ready = context.pods.reduce(0) { $0 + ($1.isReady ? 1 : 0) }
        rps = finite(context.seriesTotals["rps"])
        cpuCores = finite(context.seriesTotals["cpu"])
        let perPod = finite(context.cpuPerPodCores)
        if cpuCores == nil, let perPod { cpuCores = perPod * Double(ready) }
        cpuUtilization = perPod.map { $0 / cpuRequest * 100 }
        latencyP99 = hasLatency ? finite(context.latencySinceLastTick) : nil
    }

    /// The request line of the agent protocol (SEMANTICS.md §6): time in unix seconds,
    /// latency in seconds, absent keys for what the trace lacks. Key order is fixed.
    func requestLine(now t: SimInstant, replicas: Int32) -> String {
        var fields: [String] = []
        if let rps { fields.append("\"rps\": \(Self.number(rps))") }
        if let cpuCores { fields.append("\"cpu\": \(Self.number(cpuCores))") }
        if let cpuUtilization { fields.append("\"cpu_utilization\": \(Self.number(cpuUtilization))") }
        if let latencyP99 { fields.append("\"latency_p99\": \(Self.number(latencyP99))") }
        let seconds = t.isWholeSecond ? String(t.wholeUnixSeconds) : Self.number(t.unixSeconds)
        return "{\"time\": \(seconds), \"replicas\": \(replicas), \"ready\": \(ready), \"metrics\": {\(fields.joined(separator: ", "))}}"
    }

    /// A JSON number, rounded to 6 decimals so the line stays short and stable.
    static func number(_ x: Double) -> String {
        let r = (x * 1e6).rounded() / 1e6
        return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)
    }
}
