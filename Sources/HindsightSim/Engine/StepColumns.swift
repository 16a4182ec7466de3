/// The output rows of one run while it runs: one preallocated column per field of
/// ``RunSeries``, written by index once per step (no uniqueness check or capacity test
/// per value), copied into a ``RunSeries`` at the end.
final class StepColumns {
    /// Rows the columns can hold (the trace's step count).
    let capacity: Int
    /// Rows written so far.
    private(set) var count = 0
    private let timestamp: UnsafeMutablePointer<Int64>
    private let loadRPS: UnsafeMutablePointer<Double>
    private let loadCores: UnsafeMutablePointer<Double>
    private let desired: UnsafeMutablePointer<Int32>
    private let ready: UnsafeMutablePointer<Int32>
    private let total: UnsafeMutablePointer<Int32>
    private let utilization: UnsafeMutablePointer<Double>
    private let latency: UnsafeMutablePointer<Double>
    private let slo: UnsafeMutablePointer<UInt8>
    private let cost: UnsafeMutablePointer<Double>
    private let energy: UnsafeMutablePointer<Double>
    private let emissions: UnsafeMutablePointer<Double>
    private let intensity: UnsafeMutablePointer<Double>

    /// - Parameter capacity: rows (≥ 0).
    init(capacity: Int) {
        let n = max(0, capacity)
        self.capacity = n
        timestamp = .allocate(capacity: n); loadRPS = .allocate(capacity: n); loadCores = .allocate(capacity: n)
        desired = .allocate(capacity: n); ready = .allocate(capacity: n); total = .allocate(capacity: n)
        utilization = .allocate(capacity: n); latency = .allocate(capacity: n); slo = .allocate(capacity: n)
        cost = .allocate(capacity: n); energy = .allocate(capacity: n); emissions = .allocate(capacity: n)
        intensity = .allocate(capacity: n)
    }

    deinit {
        timestamp.deallocate(); loadRPS.deallocate(); loadCores.deallocate()
        desired.deallocate(); ready.deallocate(); total.deallocate()
        utilization.deallocate(); latency.deallocate(); slo.deallocate()
        cost.deallocate(); energy.deallocate(); emissions.deallocate()
        intensity.deallocate()
    }

    /// Appends one row.
    /// - Precondition: fewer than `capacity` rows were appended.
    /// - Complexity: O(1).
    @inline(__always)
    func append(timestamp t: Int64, loadRPS rps: Double, loadCores cores: Double, desired d: Int32, ready r: Int32,
                total n: Int32, utilization u: Double, latencyMs l: Double, cost c: Double, kWh e: Double,
                grams g: Double, intensity ci: Double, slo s: UInt8) {
        let i = count
        precondition(i < capacity, "StepColumns: row \(i) beyond capacity \(capacity)")
        timestamp[i] = t; loadRPS[i] = rps; loadCores[i] = cores
        desired[i] = d; ready[i] = r; total[i] = n
        utilization[i] = u; latency[i] = l; slo[i] = s
        cost[i] = c; energy[i] = e; emissions[i] = g
        intensity[i] = ci
        count = i + 1
    }

    /// The rows written so far as a ``RunSeries``.
    /// - Complexity: O(rows).
    func series() -> RunSeries {
        let n = count
        var s = RunSeries()
        s.timestamp = Array(UnsafeBufferPointer(start: timestamp, count: n))
        s.loadRPS = Array(UnsafeBufferPointer(start: loadRPS, count: n))
        s.loadCores = Array(UnsafeBufferPointer(start: loadCores, count: n))
        s.desiredReplicas = Array(UnsafeBufferPointer(start: desired, count: n))
        s.readyReplicas = Array(UnsafeBufferPointer(start: ready, count: n))
        s.totalReplicas = Array(UnsafeBufferPointer(start: total, count: n))
        s.utilizationPct = Array(UnsafeBufferPointer(start: utilization, count: n))
        s.latencyP99Ms = Array(UnsafeBufferPointer(start: latency, count: n))
        s.sloViolated = Array(UnsafeBufferPointer(start: slo, count: n))
        s.costUSD = Array(UnsafeBufferPointer(start: cost, count: n))
        s.energyKWh = Array(UnsafeBufferPointer(start: energy, count: n))
        s.emissionsG = Array(UnsafeBufferPointer(start: emissions, count: n))
        s.carbonIntensity = Array(UnsafeBufferPointer(start: intensity, count: n))
        return s
    }
}
