import HindsightTrace

/// A scenario file (`apiVersion: hindsight/v1`, `kind: Scenario`), decoded, defaulted
/// and validated. Every duration is in milliseconds, CPU in cores, memory in bytes,
/// prices in USD; the simulator never parses a string (SCENARIO.md).
public struct Scenario: Sendable {
    public var name: String
    /// Absolute path of the scenario file; relative paths inside it were resolved against its folder.
    public var file: String
    public var trace: TraceSpec
    public var workload: WorkloadSpec
    public var metrics: MetricsPipelineSpec
    public var kubernetes: KubernetesSpec
    public var latency: LatencySpec
    public var slo: SLOSpec
    public var cost: CostSpec
    public var carbon: CarbonSpec
    public var policies: [PolicySpec]
    public var sweep: SweepSpec?
    public var budgets: BudgetsSpec?
    /// `spec.agents`: external agents the scenario allows, and the variables they see.
    public var agents: AgentsSpec
    /// The scenario file's bytes as read (empty for a scenario built in code); the run
    /// history hashes them.
    public var sourceBytes: [UInt8] = []

    public init(
        name: String, file: String, trace: TraceSpec, workload: WorkloadSpec,
        metrics: MetricsPipelineSpec = .init(), kubernetes: KubernetesSpec = .init(),
        latency: LatencySpec = .init(), slo: SLOSpec = .init(), cost: CostSpec = .init(),
        carbon: CarbonSpec = .init(), policies: [PolicySpec], sweep: SweepSpec? = nil,
        budgets: BudgetsSpec? = nil, agents: AgentsSpec = .init()
    ) {
        self.name = name; self.file = file; self.trace = trace; self.workload = workload
        self.metrics = metrics; self.kubernetes = kubernetes; self.latency = latency
        self.slo = slo; self.cost = cost; self.carbon = carbon; self.policies = policies
        self.sweep = sweep; self.budgets = budgets; self.agents = agents
    }
}

/// `spec.workload`: the pods the policies scale.
public struct WorkloadSpec: Sendable, Equatable {
    /// e.g. `deployment/checkout-api`; compared with each policy's target (mismatch = warning).
    public var name: String? = nil
    /// Cores requested per pod (> 0).
    public var cpuRequest: Double
    /// Cores a pod can do at most; nil = cpuRequest.
    public var cpuLimit: Double? = nil
    /// Bytes requested per pod.
    public var memoryRequest: Double = 0
    /// Requests/s one pod serves at full CPU; nil = derived from the trace.
    public var podCapacity: Double? = nil
    /// Creation to Ready: the whole startup (Pending, then Running-not-Ready).
    public var startupDelay: SimDuration = .seconds(30)
    /// Container start to Ready, the last part of `startupDelay` (≤ it): the pod is
    /// Running but not Ready. 0 = Pending for the whole startup, then Ready.
    public var readinessDelay: SimDuration = .zero
    public var terminationGrace: SimDuration = .zero
    public var queueTimeout: SimDuration = .seconds(30)
    /// nil = first recorded replicas, else the policy's minimum.
    public var initialReplicas: Int? = nil
    public var gpus: Int = 0
    /// How CPU follows the load when the trace records rps, CPU and replicas
    /// (`spec.workload.cpuModel`, SEMANTICS.md §2).
    public enum CPUModel: String, Sendable, Equatable {
        /// `idle per pod × ready pods + cost per request × rps`, fitted on the trace.
        case fitted
        /// `cpu[i] / rps[i]` per request at each step, no idle burn (the model of a trace
        /// whose CPU was generated that way, like `hindsight generate`'s).
        case perRequest
    }
    public var cpuModel: CPUModel = .fitted

    public init(cpuRequest: Double) { self.cpuRequest = cpuRequest }

    /// Cores of work one pod can do: `cpuLimit ?? cpuRequest`.
    public var cpuCapacity: Double { cpuLimit ?? cpuRequest }
}

/// `spec.metrics`: what controllers see (SEMANTICS.md §3).
public struct MetricsPipelineSpec: Sendable, Equatable {
    public var window: SimDuration = .seconds(30)
    public var lag: SimDuration = .seconds(15)
    public init(window: SimDuration = .seconds(30), lag: SimDuration = .seconds(15)) { self.window = window; self.lag = lag }
}

/// `spec.kubernetes`: the controller-manager flags the HPA runs under (HPA.md §1).
public struct KubernetesSpec: Sendable, Equatable {
    /// Minor version, e.g. 33 for "1.33". Below 33 the old `|1 − r| ≤ tol` band test applies.
    public var minorVersion: Int = 33
    public var syncPeriod: SimDuration = .seconds(15)
    public var tolerance: Double = 0.1
    public var downscaleStabilization: SimDuration = .minutes(5)
    public var cpuInitializationPeriod: SimDuration = .minutes(5)
    public var initialReadinessDelay: SimDuration = .seconds(30)
    /// Gate `HPAConfigurableTolerance` (on from 1.35; settable).
    public var configurableTolerance: Bool = false
    /// Gate `HPAScaleToZero` (alpha, off by default): without it the API server rejects an
    /// HPA with `minReplicas: 0` (HPA.md, Corrections 7).
    public var hpaScaleToZero: Bool = false
    public init() {}

    /// The API server's refusal of `policy` in this cluster, or nil: an HPA with
    /// `minReplicas: 0` needs the `HPAScaleToZero` gate. Used by the scenario loader and
    /// by the simulator for policies loaded on their own (`check`, `sweep`).
    public func scaleToZeroProblem(_ policy: PolicySpec) -> (found: String, expected: String)? {
        guard case .hpa(let hpa) = policy.kind, hpa.minReplicas == 0, !hpaScaleToZero else { return nil }
        return ("HorizontalPodAutoscaler '\(policy.name)': spec.minReplicas 0 needs the HPAScaleToZero feature gate, which is off",
                "minReplicas ≥ 1, or spec.kubernetes.featureGates: {HPAScaleToZero: true} in the scenario")
    }
}

/// `spec.latency`.
public struct LatencySpec: Sendable, Equatable {
    public enum Model: String, Sendable, Equatable { case mmc, empirical, none }
    /// nil = `mmc` when the trace has `rps`, else `none`.
    public var model: Model? = nil
    /// Seconds.
    public var serviceTime: Double = 0.025
    /// `empirical` only: an exogenous request-mix feature that splits the fit (nil: one curve).
    public var mix: LatencyMix? = nil
    public init() {}
}

/// `spec.slo`.
public struct SLOSpec: Sendable, Equatable {
    /// Seconds: the latency objective at `quantile` (`latencyP99:`, or `latency:` with
    /// `quantile:`); nil = no latency objective.
    public var latencyP99: Double? = nil
    /// The quantile the latency objective (and the recorded `latencyP99` series) is
    /// about, in (0, 1): 0.99 by default, e.g. 0.95 for traces that record p95.
    public var quantile: Double = 0.99
    /// Percent of request (0–100+), used when latency.model is none.
    public var maxUtilization: Double = 90
    /// Fraction, e.g. 0.995.
    public var objective: Double = 0.995
    public init() {}
}

/// `spec.cost`.
public struct CostSpec: Sendable, Equatable {
    public enum Model: String, Sendable, Equatable { case resources, instance }
    public struct Instance: Sendable, Equatable {
        public var hourly: Double
        public var vcpu: Double
        public var memoryGiB: Double
        public init(hourly: Double, vcpu: Double, memoryGiB: Double) {
            self.hourly = hourly; self.vcpu = vcpu; self.memoryGiB = memoryGiB
        }
    }
    public var model: Model = .resources
    /// USD per vCPU-hour (OpenCost default).
    public var cpuHour: Double = 0.031611
    /// USD per GiB-hour.
    public var memoryGiBHour: Double = 0.004237
    /// USD per GPU-hour.
    public var gpuHour: Double = 0.95
    /// Absolute path of a `timestamp,multiplier` CSV, read sample-and-hold.
    public var priceFile: String? = nil
    public var instance: Instance? = nil
    public init() {}
}

/// `spec.carbon` with the provider preset already applied.
public struct CarbonSpec: Sendable, Equatable {
    public enum Provider: String, Sendable, Equatable { case aws, gcp, azure, custom }
    public var provider: Provider = .aws
    /// gCO2e/kWh, used when there is no intensity file.
    public var intensity: Double = 379
    /// Absolute path of an intensity time series.
    public var intensityFile: String? = nil
    public var intensityTime: String = "timestamp"
    public var intensityColumn: String = "gco2_per_kwh"
    public var pue: Double = 1.135
    public var minWattsPerVCPU: Double = 0.74
    public var maxWattsPerVCPU: Double = 3.5
    public var memoryWattsPerGB: Double = 0.392
    public var gpuMinWatts: Double = 50
    public var gpuMaxWatts: Double = 300
    public var embodiedGramsPerVCPUHour: Double = 0
    public init() {}

    /// Cloud Carbon Footprint coefficients per provider: (minW, maxW per vCPU, PUE).
    public static let presets: [Provider: (minW: Double, maxW: Double, pue: Double)] = [
        .aws: (0.74, 3.5, 1.135), .gcp: (0.68, 4.11, 1.1), .azure: (0.74, 3.54, 1.185),
    ]
}

/// `spec.budgets` for `hindsight check`.
public struct BudgetsSpec: Sendable, Equatable {
    public var sloViolationFractionMaxIncrease: Double? = nil
    public var costMaxIncreasePercent: Double? = nil
    public var emissionsMaxIncreasePercent: Double? = nil
    public init() {}
}
