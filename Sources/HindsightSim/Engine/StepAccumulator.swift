/// Sums over the segments of the current step (reset at every step); the step's
/// ``StepRow`` is made from them.
struct StepAccumulator {
    /// Work arrived, served and dropped; USD; facility kWh.
    var flows = SegmentFlows()
    /// Served CPU × time (core·ms) and ready pods × time (pod·ms): utilization's numerator and denominator.
    var servedCoreMs = 0.0
    var readyPodMs = 0.0
    /// gCO2e (operational + embodied) of the step.
    var grams = 0.0
    /// Worst modelled p99 over the step's segments (seconds); `.nan` if none applied.
    var latencyMax = Double.nan
    /// Billed pods × time (pod·ms) and USD at price multiplier 1: the FOCUS export's
    /// consumed quantity and list cost.
    var billedPodMs = 0.0
    var listCost = 0.0
}

extension StepAccumulator {
    /// The step's utilization (served CPU ÷ (ready pod-time × request), percent; `.nan`
    /// without ready pod-time) and its verdict against the SLO (SEMANTICS.md §4): not
    /// judged when its load sample is missing; violated when work was dropped, or when
    /// the modelled p99 exceeds `spec.slo.latencyP99` (latency models) or utilization
    /// exceeds `maxUtilization` (no latency model).
    @inline(__always)
    func verdict(missing: Bool, setup: RunSetup) -> (utilizationPct: Double, slo: SLOState) {
        let utilization = readyPodMs > 0
            ? servedCoreMs / (readyPodMs * setup.scenario.workload.cpuRequest) * 100 : .nan
        if missing { return (utilization, .notJudged) }
        if flows.dropped > 1e-9 * max(1, flows.offered) { return (utilization, .violated) }
        let slo = setup.scenario.slo
        switch setup.latencyKind {
        case .none:
            if utilization > slo.maxUtilization { return (utilization, .violated) }
        case .mmc, .empirical:
            if let target = slo.latencyP99, latencyMax > target { return (utilization, .violated) }
        }
        return (utilization, .met)
    }
}
