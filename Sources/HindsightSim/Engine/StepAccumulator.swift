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
