/// The scenario document as written (SCENARIO.md); converted by `ScenarioConversion`.

struct ScenarioDocumentDTO: Decodable {
    var apiVersion: Located<String>?
    var kind: Located<String>?
    var metadata: ObjectMetaDTO?
    var spec: Located<ScenarioSpecDTO>?
}

struct ScenarioSpecDTO: Decodable {
    var trace: Located<TraceDTO>?
    var workload: Located<WorkloadDTO>?
    var metrics: MetricsDTO?
    var kubernetes: KubernetesDTO?
    var latency: LatencyDTO?
    var slo: SLODTO?
    var cost: Located<CostDTO>?
    var carbon: CarbonDTO?
    var policies: Located<[YAMLRaw]>?
    var sweep: Located<SweepDTO>?
    var budgets: BudgetsDTO?
    var agents: Located<AgentsDTO>?
}

enum DuplicatesDTO: String, YAMLEnum { case error, last, mean }

struct TraceDTO: Decodable {
    var file: Located<String>?
    var dataset: Located<String>?
    var db: Located<String>?
    var time: String?
    var timezone: Located<String>?
    var columns: YAMLRaw?
    var scale: YAMLRaw?
    var step: DurationField?
    var maxGap: DurationField?
    var duplicates: DuplicatesDTO?
    var from: YAMLRaw?
    var to: YAMLRaw?
}

struct WorkloadDTO: Decodable {
    var name: String?
    var cpuRequest: QuantityField?
    var cpuLimit: QuantityField?
    var memoryRequest: QuantityField?
    var podCapacity: Located<Double>?
    var startupDelay: DurationField?
    var readinessDelay: DurationField?
    var terminationGrace: DurationField?
    var queueTimeout: DurationField?
    var initialReplicas: Located<Int>?
    var gpus: Located<Int>?
    var cpuModel: CPUModelDTO?
}

enum CPUModelDTO: String, YAMLEnum { case fitted, perRequest }

struct MetricsDTO: Decodable {
    var window: DurationField?
    var lag: DurationField?
}

struct KubernetesDTO: Decodable {
    var version: Located<String>?
    var syncPeriod: DurationField?
    var tolerance: Located<Double>?
    var downscaleStabilization: DurationField?
    var cpuInitializationPeriod: DurationField?
    var initialReadinessDelay: DurationField?
    var configurableTolerance: Bool?
    /// Gate name → on/off, as kube-controller-manager's `--feature-gates` takes them.
    var featureGates: [String: Bool]?
}

enum LatencyModelDTO: String, YAMLEnum { case mmc, empirical, none }

struct LatencyDTO: Decodable {
    var model: Located<LatencyModelDTO>?
    var serviceTime: DurationField?
    var mix: Located<LatencyMixDTO>?
}

enum LatencyMixDTO: String, YAMLEnum { case unexplainedCPU }

struct SLODTO: Decodable {
    var latencyP99: DurationField?
    /// The objective at `quantile` (`latencyP99` is the same at 0.99).
    var latency: DurationField?
    var quantile: Located<Double>?
    var maxUtilization: PercentField?
    var objective: PercentField?
}

enum CostModelDTO: String, YAMLEnum { case resources, instance }

struct CostDTO: Decodable {
    var model: CostModelDTO?
    var cpuHour: Located<Double>?
    var memoryGiBHour: Located<Double>?
    var gpuHour: Located<Double>?
    var priceFile: Located<String>?
    var instance: Located<InstanceDTO>?
}

struct InstanceDTO: Decodable {
    var hourly: Located<Double>?
    var vcpu: Located<Double>?
    var memoryGiB: Located<Double>?
}

enum CarbonProviderDTO: String, YAMLEnum { case aws, gcp, azure, custom }

struct CarbonDTO: Decodable {
    var provider: CarbonProviderDTO?
    var intensity: Located<Double>?
    var intensityFile: Located<String>?
    var intensityTime: String?
    var intensityColumn: String?
    var pue: Located<Double>?
    var minWattsPerVCPU: Located<Double>?
    var maxWattsPerVCPU: Located<Double>?
    var memoryWattsPerGB: Located<Double>?
    var gpuWatts: Located<GPUWattsDTO>?
    var embodiedGramsPerVCPUHour: Located<Double>?
}

struct GPUWattsDTO: Decodable {
    var min: Double?
    var max: Double?
}

enum MinimizeDTO: String, YAMLEnum { case cost, emissions, replicas }

struct SweepDTO: Decodable {
    var policy: Located<String>?
    var parameters: YAMLRaw?
    var constraints: SweepConstraintsDTO?
    var minimize: MinimizeDTO?
}

struct SweepConstraintsDTO: Decodable {
    var sloViolationFraction: LimitDTO?
}

struct LimitDTO: Decodable {
    var max: Located<Double>?
    var maxIncrease: Located<Double>?
    var maxIncreasePercent: Located<Double>?
}

struct BudgetsDTO: Decodable {
    var sloViolationFraction: LimitDTO?
    var costUSD: LimitDTO?
    var emissionsKg: LimitDTO?
}

/// `agents: {allow: [[program, args…], …], env: [NAME, …]}`, shapes checked by hand.
struct AgentsDTO: Decodable {
    var allow: YAMLRaw?
    var env: YAMLRaw?
}

/// `static: {replicas: N}`.
struct StaticEntryDTO: Decodable {
    var replicas: Located<Int>?
}

/// `exec: {command: [...], interval, minReplicas, maxReplicas, timeout, name}`.
struct ExecEntryDTO: Decodable {
    var name: String?
    var command: YAMLRaw?
    var interval: DurationField?
    var minReplicas: Located<Int>?
    var maxReplicas: Located<Int>?
    var timeout: DurationField?
}

/// `replay: {file: decisions.csv, name}`.
struct ReplayEntryDTO: Decodable {
    var name: String?
    var file: Located<String>?
}
