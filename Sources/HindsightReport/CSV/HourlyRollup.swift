import HindsightSim

/// Reduces consecutive step rows to one row per UTC hour (`--timeseries hourly`), with
/// the columns of the full file:
///
/// - `timestamp`: the start of the hour (unix s, a multiple of 3600);
/// - `load_rps`, `load_cores`, `utilization_pct`: mean of the hour's finite values
///   (empty when none);
/// - `desired_replicas`, `ready_replicas`, `total_replicas`: the largest of the hour;
/// - `latency_p99_ms`: the worst (largest finite) step of the hour;
/// - `slo_violated`: 1 when any step violated the SLO, 0 when some step was judged and
///   none violated, empty when no step was judged;
/// - `cost_usd`, `energy_kwh`, `emissions_g`: sums over the hour (per hour, not cumulative);
/// - `carbon_intensity`: the value of the hour's first step.
///
/// Rows must arrive in time order; a step belongs to the hour its start falls in. A new
/// column of ``StepRow`` needs its rule here too.
struct HourlyRollup {
    static let hourMs: Int64 = 3_600_000
    /// The open hour (ms, start) and its reduction; nil before the first row.
    private var hour: Int64?
    private var row = StepRow(timestamp: 0, loadRPS: .nan, loadCores: .nan, desiredReplicas: 0, readyReplicas: 0,
                              totalReplicas: 0, utilizationPct: .nan, latencyP99Ms: .nan, slo: .notJudged,
                              costUSD: 0, energyKWh: 0, emissionsG: 0, carbonIntensity: .nan)
    private var rps = Mean(), cores = Mean(), utilization = Mean()

    /// Adds a row; returns the previous hour's row when `step` opens a new hour.
    /// - Complexity: O(1).
    mutating func add(_ step: StepRow) -> StepRow? {
        let h = Self.floorHour(step.timestamp)
        var closed: StepRow? = nil
        if let open = hour, open != h { closed = finished() }
        if hour != h {
            hour = h
            row = StepRow(timestamp: h, loadRPS: .nan, loadCores: .nan, desiredReplicas: step.desiredReplicas,
                          readyReplicas: step.readyReplicas, totalReplicas: step.totalReplicas, utilizationPct: .nan,
                          latencyP99Ms: .nan, slo: .notJudged, costUSD: 0, energyKWh: 0, emissionsG: 0,
                          carbonIntensity: step.carbonIntensity)
            rps = Mean(); cores = Mean(); utilization = Mean()
        }
        rps.add(step.loadRPS); cores.add(step.loadCores); utilization.add(step.utilizationPct)
        row.desiredReplicas = max(row.desiredReplicas, step.desiredReplicas)
        row.readyReplicas = max(row.readyReplicas, step.readyReplicas)
        row.totalReplicas = max(row.totalReplicas, step.totalReplicas)
        if step.latencyP99Ms.isFinite, !(step.latencyP99Ms <= row.latencyP99Ms) { row.latencyP99Ms = step.latencyP99Ms }
        switch (row.slo, step.slo) {
        case (_, .violated): row.slo = .violated
        case (.notJudged, .met): row.slo = .met
        default: break
        }
        if step.costUSD.isFinite { row.costUSD += step.costUSD }
        if step.energyKWh.isFinite { row.energyKWh += step.energyKWh }
        if step.emissionsG.isFinite { row.emissionsG += step.emissionsG }
        return closed
    }

    /// The open hour's row (nil before any row); call once after the last `add`.
    mutating func flush() -> StepRow? {
        guard hour != nil else { return nil }
        hour = nil
        return finished()
    }

    private func finished() -> StepRow {
        var out = row
        out.loadRPS = rps.value; out.loadCores = cores.value; out.utilizationPct = utilization.value
        return out
    }

    /// Start of the UTC hour holding `ms` (floor, also before 1970).
    static func floorHour(_ ms: Int64) -> Int64 {
        let r = ms % hourMs
        return r < 0 ? ms - r - hourMs : ms - r
    }

    /// Mean of the finite values added, in order; NaN when none.
    private struct Mean {
        var sum = 0.0, count = 0
        mutating func add(_ v: Double) { if v.isFinite { sum += v; count += 1 } }
        var value: Double { count > 0 ? sum / Double(count) : .nan }
    }
}
