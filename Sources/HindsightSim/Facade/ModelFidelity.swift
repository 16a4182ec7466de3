/// How well the workload models reproduce what the trace recorded, measured by replaying
/// the **observed** replicas (SEMANTICS.md §2, "Fidelity"). One value per prepared
/// scenario; every run's summary carries its numbers.
///
/// All errors are mean absolute percentage errors in percent, over the steps where both
/// the record (finite, > 0) and the model (finite) have a value.
public struct ModelFidelity: Sendable, Equatable {
    /// One step of the observed replay: recorded and modelled latency, ms.
    public struct LatencyPair: Sendable, Equatable {
        /// Step start, ms since epoch.
        public var time: Int64
        public var recordedMs: Double
        public var modelledMs: Double
        /// True for steps of the held-out part (the last 30 %).
        public var heldOut: Bool
        public init(time: Int64, recordedMs: Double, modelledMs: Double, heldOut: Bool) {
            self.time = time; self.recordedMs = recordedMs; self.modelledMs = modelledMs; self.heldOut = heldOut
        }
    }

    /// Per-step latency error under observed replicas (`latency_mape`); nil without
    /// recorded latency or a latency model.
    public var latencyMAPE: Double?
    /// Per-step CPU error (`cpu_mape`): the step's mean modelled CPU against the recorded.
    public var cpuMAPE: Double?
    /// Error of the hourly medians (`latency_hourly_mape`): per UTC clock hour, the median
    /// modelled against the median recorded latency over the steps that have both.
    public var latencyHourlyMAPE: Double?
    /// Per-step error on the held-out last 30 % of the steps, the model fitted on the
    /// first 70 % only (`empirical`; the other models fit nothing on latency).
    public var latencyHoldoutMAPE: Double?
    /// The same for the best constant fitted on the first 70 %: the least-MAPE constant
    /// (the 1/latency-weighted median of the recorded latency).
    public var latencyHoldoutConstantMAPE: Double?
    /// `1 − latencyHoldoutMAPE / latencyHoldoutConstantMAPE`: above 0 the model beats the
    /// constant on steps it never saw; 1 is perfect.
    public var latencySkill: Double?
    /// The first held-out step.
    public var holdoutStart: Int
    /// Recorded and modelled latency of every compared step (the calibration chart).
    public var latencyPairs: [LatencyPair]

    public init(latencyMAPE: Double? = nil, cpuMAPE: Double? = nil, latencyHourlyMAPE: Double? = nil,
                latencyHoldoutMAPE: Double? = nil, latencyHoldoutConstantMAPE: Double? = nil,
                latencySkill: Double? = nil, holdoutStart: Int = 0, latencyPairs: [LatencyPair] = []) {
        self.latencyMAPE = latencyMAPE; self.cpuMAPE = cpuMAPE; self.latencyHourlyMAPE = latencyHourlyMAPE
        self.latencyHoldoutMAPE = latencyHoldoutMAPE; self.latencyHoldoutConstantMAPE = latencyHoldoutConstantMAPE
        self.latencySkill = latencySkill; self.holdoutStart = holdoutStart; self.latencyPairs = latencyPairs
    }

    /// Share of the steps held out at the end of the trace.
    public static let holdoutFraction = 0.3

    /// Sets the numbers on a run's summary.
    func apply(to summary: inout RunSummary) {
        summary.latencyMAPE = latencyMAPE
        summary.cpuMAPE = cpuMAPE
        summary.latencyHourlyMAPE = latencyHourlyMAPE
        summary.latencyHoldoutMAPE = latencyHoldoutMAPE
        summary.latencyHoldoutConstantMAPE = latencyHoldoutConstantMAPE
        summary.latencySkill = latencySkill
    }
}
