import HindsightSim

/// `timeseries-<policy>.csv`: one row per step (CLI.md).
///
/// Columns: `timestamp` (unix seconds of the step's start; integer when whole),
/// `load_rps`, `load_cores`, `desired_replicas`, `ready_replicas`, `total_replicas`,
/// `utilization_pct`, `latency_p99_ms`, `slo_violated` (0/1; empty when not judged,
/// stored as 255), `cost_usd`, `energy_kwh`, `emissions_g` (per step, not cumulative),
/// `carbon_intensity` (gCO2e/kWh). NaN/∞ → empty cell, never `nan`. A column shorter
/// than `timestamp` (a simulator bug) yields empty cells rather than a crash.
/// Numbers follow `NumberText`; LF line endings.
public enum TimeseriesCSV {
    /// The header line's columns, in order.
    public static let columns: [String] = [
        "timestamp", "load_rps", "load_cores", "desired_replicas", "ready_replicas",
        "total_replicas", "utilization_pct", "latency_p99_ms", "slo_violated", "cost_usd",
        "energy_kwh", "emissions_g", "carbon_intensity",
    ]

    /// The file's bytes (UTF-8/ASCII).
    ///
    /// Built in one pre-sized byte buffer; whole numbers take an integer fast path, a
    /// value equal to the previous row's in the same column reuses its text.
    /// - Complexity: O(rows × columns).
    public static func render(_ series: RunSeries) -> [UInt8] {
        let n = series.count
        var out: [UInt8] = []
        out.reserveCapacity(64 + n * 96)
        out.append(contentsOf: columns.joined(separator: ",").utf8)
        out.append(0x0A)
        var cells = [RepeatCell](repeating: RepeatCell(), count: 8)
        for i in 0..<n {
            NumberText.appendUnixSeconds(ms: series.timestamp[i], to: &out)
            out.append(0x2C); cells[0].append(series.loadRPS, i, to: &out)
            out.append(0x2C); cells[1].append(series.loadCores, i, to: &out)
            out.append(0x2C); appendInt(series.desiredReplicas, i, to: &out)
            out.append(0x2C); appendInt(series.readyReplicas, i, to: &out)
            out.append(0x2C); appendInt(series.totalReplicas, i, to: &out)
            out.append(0x2C); cells[2].append(series.utilizationPct, i, to: &out)
            out.append(0x2C); cells[3].append(series.latencyP99Ms, i, to: &out)
            out.append(0x2C)
            if i < series.sloViolated.count {
                let v = series.sloViolated[i]
                if v == 0 { out.append(0x30) } else if v == 1 { out.append(0x31) }
            }
            out.append(0x2C); cells[4].append(series.costUSD, i, to: &out)
            out.append(0x2C); cells[5].append(series.energyKWh, i, to: &out)
            out.append(0x2C); cells[6].append(series.emissionsG, i, to: &out)
            out.append(0x2C); cells[7].append(series.carbonIntensity, i, to: &out)
            out.append(0x0A)
        }
        return out
    }

    @inline(__always)
    private static func appendInt(_ column: [Int32], _ i: Int, to out: inout [UInt8]) {
        guard i < column.count else { return }
        NumberText.append(Int64(column[i]), to: &out)
    }
}
