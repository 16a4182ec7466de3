/// What the engine knows about a step when it closes: the input the output row
/// (``StepRow``) is made from.
struct StepRecord {
    /// Step index and its start, ms since epoch.
    let index: Int
    let time: Int64
    /// The step's offered rate (work units/s) and CPU per unit of work (core·s).
    let rate: Double
    let cpuPerWork: Double
    /// Idle burn of the ready pods at the step's end, cores (0 without a CPU fit).
    let idleCores: Double
    /// True when the trace has an `rps` series (work units are requests).
    let hasRequests: Bool
    /// True when the step's load sample is missing.
    let missing: Bool
    /// Desired, ready and existing pods at the step's end.
    let spec: Int32
    let ready: Int
    let total: Int
    /// Sums over the step's segments.
    let sums: StepAccumulator
    /// Served CPU ÷ (ready pod-time × request), percent; NaN without ready pod-time.
    let utilizationPct: Double
    /// The SLO judgement of the step.
    let slo: SLOState
    /// Grid intensity when the step began, gCO2e/kWh.
    let intensity: Double
}
