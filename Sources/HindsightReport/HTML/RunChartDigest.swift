import HindsightSim
import HindsightStats

/// What `report.html` draws of one run, reduced from its rows as they arrive: a
/// ``ChartTrack`` per drawn column, the SLO lane's marked pixel columns, running sums
/// for the cumulative charts, and bounded samples of latency and utilization for the
/// SLO axis. Memory is O(pixel columns + `quantileCapacity`) per run, whatever the steps,
/// and the charts drawn from it are those drawn from the whole series.
public struct RunChartDigest: Sendable {
    /// Values kept for the SLO axis' quantiles before they are sampled (``StrideSample``):
    /// 30 days at 15 s are exact.
    static let quantileCapacity = 1 << 18
    let start: Int64
    let end: Int64
    /// Load (requests/s and cores) and total replicas, drawn with a right axis.
    var loadRPS: ChartTrack, loadCores: ChartTrack, replicas: ChartTrack
    /// p99 latency (ms), utilization (%), cumulative cost (USD), cumulative emissions
    /// (kgCO2e), grid intensity (gCO2e/kWh).
    var latency: ChartTrack, utilization: ChartTrack
    var cumulativeCost: ChartTrack, cumulativeEmissions: ChartTrack, intensity: ChartTrack
    /// Pixel columns of the SLO chart holding a violated step.
    var violated: [Bool]
    var latencySample = StrideSample(capacity: quantileCapacity)
    var utilizationSample = StrideSample(capacity: quantileCapacity)
    private var cost = 0.0, grams = 0.0
    /// Rows added.
    public private(set) var count = 0

    /// An empty digest for charts over `[start, end)` (ms; `end` is raised to `start + 1`).
    /// - Complexity: O(pixel columns).
    public init(start: Int64, end: Int64) {
        let end = max(end, start &+ 1)
        self.start = start
        self.end = end
        let wide = TimeChart.columns(rightAxis: true), plain = TimeChart.columns(rightAxis: false)
        func track(_ columns: Int) -> ChartTrack { ChartTrack(start: start, end: end, columns: columns) }
        loadRPS = track(wide); loadCores = track(wide); replicas = track(wide)
        latency = track(plain); utilization = track(plain)
        cumulativeCost = track(plain); cumulativeEmissions = track(plain); intensity = track(plain)
        violated = [Bool](repeating: false, count: plain)
    }

    /// The digest of a whole series.
    /// - Complexity: O(rows + pixel columns).
    public init(_ series: RunSeries, start: Int64, end: Int64) {
        self.init(start: start, end: end)
        for row in series.rows { add(row) }
    }

    /// Adds the next row (rows in step order).
    /// - Complexity: O(1) amortized.
    public mutating func add(_ row: StepRow) {
        let t = row.timestamp
        loadRPS.add(time: t, value: row.loadRPS)
        loadCores.add(time: t, value: row.loadCores)
        replicas.add(time: t, value: Double(row.totalReplicas))
        latency.add(time: t, value: row.latencyP99Ms)
        utilization.add(time: t, value: row.utilizationPct)
        latencySample.add(row.latencyP99Ms)
        utilizationSample.add(row.utilizationPct)
        if row.costUSD.isFinite { cost += row.costUSD }
        if row.emissionsG.isFinite { grams += row.emissionsG }
        cumulativeCost.add(time: t, value: cost * 1)
        cumulativeEmissions.add(time: t, value: grams * 0.001)
        intensity.add(time: t, value: row.carbonIntensity)
        if row.slo == .violated && t >= start && t < end {
            let b = Int(Double(t &- start) / Double(end &- start) * Double(violated.count))
            violated[min(max(b, 0), violated.count - 1)] = true
        }
        count += 1
    }
}
