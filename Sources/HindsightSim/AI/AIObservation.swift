import HindsightTrace

/// What an `AIOptimizationPolicy` sees at one evaluation: the metrics pipeline's view
/// (SEMANTICS.md §3), `nil` where the trace or the model has no value.
public struct AIObservation: Sendable, Equatable {
    /// When the policy evaluates.
    public var now: SimInstant
    /// The replica count the policy currently asks for.
    public var replicas: Int
    /// Pods that serve.
    public var ready: Int
    /// Mean CPU utilization over the last interval, percent of request.
    public var cpuUtilization: Double?
    /// p99 latency over the last interval, seconds.
    public var latencyP99: Double?
    /// Requests per second arriving.
    public var rps: Double?
    /// Cores of load.
    public var cpuCores: Double?
    /// Grid carbon intensity now, gCO2e/kWh.
    public var carbonIntensity: Double?

    public init(now: SimInstant, replicas: Int, ready: Int, cpuUtilization: Double? = nil, latencyP99: Double? = nil,
                rps: Double? = nil, cpuCores: Double? = nil, carbonIntensity: Double? = nil) {
        self.now = now; self.replicas = replicas; self.ready = ready; self.cpuUtilization = cpuUtilization
        self.latencyP99 = latencyP99; self.rps = rps; self.cpuCores = cpuCores; self.carbonIntensity = carbonIntensity
    }
}
