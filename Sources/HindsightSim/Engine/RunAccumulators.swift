/// Sums over the segments of the current step (reset at every step).
struct StepAccumulator {
    var offered = 0.0
    var served = 0.0
    var dropped = 0.0
    var servedCoreMs = 0.0
    var readyPodMs = 0.0
    var cost = 0.0
    var kWh = 0.0
    var grams = 0.0
    /// Worst modelled p99 over the step's segments (seconds); `.nan` if none applied.
    var latencyMax = Double.nan
}

/// Sums over the whole run.
struct RunAccumulator {
    var offered = 0.0
    var served = 0.0
    var dropped = 0.0
    var cost = 0.0
    var kWh = 0.0
    var operationalGrams = 0.0
    var embodiedGrams = 0.0
    var podMs = 0.0
    var replicasMax = Int.min
    var replicasMin = Int.max
    var violationMs: Int64 = 0
    var judgedMs: Int64 = 0
    var missingMs: Int64 = 0
    var scalingActions = 0
    var reversals = 0
    var lastActionTime: Int64 = .min
    var lastDirection = 0
    var mapeSum = 0.0
    var mapeCount = 0
}
