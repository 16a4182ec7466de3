import HindsightTrace

/// Sums over the whole run; the ``RunSummary`` is made from them.
struct RunAccumulator {
    /// Work arrived, served and dropped; USD; facility kWh.
    var flows = SegmentFlows()
    /// Operational and embodied gCO2e.
    var operationalGrams = 0.0
    var embodiedGrams = 0.0
    /// Existing pods × time, pod·ms.
    var podMs = 0.0
    /// Most and fewest existing pods over the segments (`.min`/`.max` before the first).
    var replicasMax = Int.min
    var replicasMin = Int.max
    /// Violated, judged and missing step time, ms.
    var violation = SimDuration.zero
    var judged = SimDuration.zero
    var missing = SimDuration.zero
    /// Changes of desired replicas, and those that reverse the previous one within
    /// ``reversalWindow`` (inclusive).
    var scalingActions = 0
    var reversals = 0
    /// Time and direction (+1 up, −1 down, 0 none yet) of the last scaling action.
    var lastActionTime = SimInstant(unixMilliseconds: .min)
    var lastDirection = 0
    /// How soon an opposite change counts as a reversal.
    static var reversalWindow: SimDuration { .minutes(5) }
    /// Sum and count of |modelled − recorded| ÷ recorded × 100 over steps with both latencies.
    var mapeSum = 0.0
    var mapeCount = 0
    /// The same for the step's mean modelled CPU against the recorded CPU (`cpu_mape`).
    var cpuMapeSum = 0.0
    var cpuMapeCount = 0
}
