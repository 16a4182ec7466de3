/// What a latency model sees of one segment of serving.
struct LatencyInput {
    /// Ready pods.
    var ready: Int
    /// Arrival rate, requests/s (work units/s without rps).
    var arrivalRate: Double
    /// Most requests/s one ready pod serves.
    var podRate: Double
    /// Work still queued at the end of the segment (work units).
    var backlog: Double
    /// Utilization of the ready pods' CPU request over the segment, percent.
    var utilizationPct: Double
    /// The trace step the segment belongs to (-1: none); models with a per-step feature of
    /// the recorded traffic (`empirical` with `mix`) read it there.
    var step: Int = -1
}

/// A way to model latency at the SLO quantile (p99 unless `spec.slo.quantile` says
/// otherwise) from the serving state (SEMANTICS.md §2, `spec.latency`).
/// Implementations are `LatencyModel<Variant>`.
protocol LatencyModel: Sendable {
    /// p99 response time in seconds; `.nan` when it does not apply (no request to answer).
    func p99Seconds(_ input: LatencyInput) -> Double
}

/// `mmc`: every ready pod is one server of rate μ = podRate; with c ready pods and
/// λ = arrivalRate, p99 = serviceTime + ln(C(c, λ/μ) / 0.01) / (cμ − λ) while λ < cμ
/// (another quantile q: `tail` = 1 − q in place of 0.01);
/// while λ ≥ cμ or work is queued, the wait adds `backlog / (cμ)` seconds. A request
/// waits at most `queueTimeout` (older work is dropped), so the wait is capped there —
/// which also keeps the value finite when no pod is ready.
struct LatencyModelMMC: LatencyModel {
    /// Seconds added to every response (the time a request takes once served).
    var serviceTime: Double
    /// Seconds: the longest a served request can have waited.
    var queueTimeout: Double
    /// 1 − the SLO quantile (`spec.slo.quantile`): 0.01 for the p99, 0.05 for the p95.
    var tail = 0.01

    func p99Seconds(_ x: LatencyInput) -> Double { p99Seconds(x, table: nil) }

    /// `p99Seconds(_:)` with the M/M/c wait `ErlangC.waitP99(servers: x.ready, mu: x.podRate,
    /// lambda: x.arrivalRate)` read from `table` at step `x.step` when one is given (the same
    /// value), looked up only when the formula needs it.
    @inline(__always)
    func p99Seconds(_ x: LatencyInput, table: ErlangCTable?) -> Double {
        let capacity = Double(x.ready) * x.podRate
        if x.arrivalRate <= 0 && x.backlog <= 0 { return x.ready > 0 ? serviceTime : .nan }
        var wait = 0.0
        if x.ready > 0 && x.arrivalRate < capacity {
            if tail != 0.01 {
                wait = ErlangC.waitQuantile(servers: x.ready, mu: x.podRate, lambda: x.arrivalRate, tail: tail)
            } else if let table {
                wait = table.wait(step: x.step, servers: x.ready, mu: x.podRate, lambda: x.arrivalRate)
            } else {
                wait = ErlangC.waitP99(servers: x.ready, mu: x.podRate, lambda: x.arrivalRate)
            }
        }
        if x.arrivalRate >= capacity || x.backlog > 0 {
            wait += capacity > 0 ? x.backlog / capacity : .infinity
        }
        return serviceTime + min(wait, queueTimeout)
    }
}

/// `none`: no latency is modelled (the SLO is judged on utilization).
struct LatencyModelNone: LatencyModel {
    func p99Seconds(_ input: LatencyInput) -> Double { .nan }
}
