import HindsightTrace

/// One row of `timeseries-<policy>.csv`: the values of one trace step (CLI.md), in the
/// units of their columns. `.nan` means "does not apply" and is written as an empty cell.
///
/// Fields are stored wide first (see the note above `desiredReplicas`); the file's column
/// order is that of ``TimeseriesColumn/all``, not of this declaration.
///
/// To add an output column: add its field here and set it in `init(_:)` from the
/// step's record, then list it in ``TimeseriesColumn/all``.
public struct StepRow: Sendable, Equatable {
    /// ms since epoch: the start of the step.
    public var timestamp: Int64
    /// Offered requests per second (NaN without an `rps` series or when the sample is missing).
    public var loadRPS: Double
    /// Offered CPU, cores: the requests' CPU plus the ready pods' idle burn (NaN when the
    /// sample is missing).
    public var loadCores: Double
    /// Served CPU ÷ (ready pod-time × CPU request) over the step, percent.
    public var utilizationPct: Double
    /// Worst modelled p99 latency of the step's segments, ms.
    public var latencyP99Ms: Double
    /// Per step (not cumulative): USD, kWh, gCO2e.
    public var costUSD: Double
    public var energyKWh: Double
    public var emissionsG: Double
    /// Grid intensity when the step began, gCO2e/kWh.
    public var carbonIntensity: Double
    /// Billed pods (starting, ready, terminating) × time over the step, pod-hours; NaN
    /// when not recorded. Not a `timeseries-*.csv` column: the FOCUS export reads it.
    public var billedPodHours: Double
    /// The step's cost at price multiplier 1 (list prices, before a spot/price series),
    /// USD; NaN when not recorded. Not a CSV column: the FOCUS export's `ListCost`.
    public var listCostUSD: Double
    // The narrow fields last, so a row is 101 bytes with no padding inside (stride 104).
    /// `scale.spec.replicas`, ready pods and existing pods (not terminating) at the step's end.
    public var desiredReplicas: Int32
    public var readyReplicas: Int32
    public var totalReplicas: Int32
    /// The step against the SLO.
    public var slo: SLOState

    public init(timestamp: Int64, loadRPS: Double, loadCores: Double, desiredReplicas: Int32, readyReplicas: Int32,
                totalReplicas: Int32, utilizationPct: Double, latencyP99Ms: Double, slo: SLOState, costUSD: Double,
                energyKWh: Double, emissionsG: Double, carbonIntensity: Double,
                billedPodHours: Double = .nan, listCostUSD: Double = .nan) {
        self.timestamp = timestamp; self.loadRPS = loadRPS; self.loadCores = loadCores
        self.desiredReplicas = desiredReplicas; self.readyReplicas = readyReplicas; self.totalReplicas = totalReplicas
        self.utilizationPct = utilizationPct; self.latencyP99Ms = latencyP99Ms; self.slo = slo
        self.costUSD = costUSD; self.energyKWh = energyKWh; self.emissionsG = emissionsG
        self.carbonIntensity = carbonIntensity
        self.billedPodHours = billedPodHours; self.listCostUSD = listCostUSD
    }

    /// The row of a finished step, from what the engine recorded over it.
    @inline(__always)
    init(_ r: StepRecord) {
        self.init(timestamp: r.time, loadRPS: r.hasRequests && !r.missing ? r.rate : .nan,
                  loadCores: r.missing ? .nan : r.rate * r.cpuPerWork + r.idleCores, desiredReplicas: r.spec,
                  readyReplicas: Int32(clamping: r.ready), totalReplicas: Int32(clamping: r.total),
                  utilizationPct: r.utilizationPct, latencyP99Ms: r.sums.latencyMax * 1000, slo: r.slo,
                  costUSD: r.sums.flows.cost, energyKWh: r.sums.flows.kWh, emissionsG: r.sums.grams, carbonIntensity: r.intensity,
                  billedPodHours: r.sums.billedPodMs / Double(SimDuration.hours(1).milliseconds), listCostUSD: r.sums.listCost)
    }
}
