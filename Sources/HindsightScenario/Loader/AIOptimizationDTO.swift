/// The `AIOptimizationPolicy` document as written (gitops.example.com/v1alpha1).

typealias AIOptimizationDocumentDTO = PolicyDocumentDTO<AIOptimizationSpecDTO>

struct AIOptimizationSpecDTO: Decodable {
    var targetWorkload: String?
    var optimizationGoals: [Located<AIGoalDTO>]?
    var aiAgent: AIAgentDTO?
    var actions: [Located<AIActionDTO>]?
    var dryRun: Bool?
    var minReplicas: Located<Int>?
    var maxReplicas: Located<Int>?
    var evaluationInterval: DurationField?
    var horizon: DurationField?
}

enum AIGoalTypeDTO: String, YAMLEnum { case costEfficiency, performance, carbonEfficiency }
enum AIGoalMetricDTO: String, YAMLEnum {
    case cpu_utilization_avg, latency_p99, rps, cpu_cores, cpu_utilization, carbon_intensity
}

struct AIGoalDTO: Decodable {
    var type: Located<AIGoalTypeDTO>?
    var metric: AIGoalMetricDTO?
    var threshold: YAMLRaw?
    var window: DurationField?
}

struct AIAgentDTO: Decodable {
    var name: String?
    var modelRef: Located<String>?
}

enum AIActionTypeDTO: String, YAMLEnum { case scaleReplicas }
enum AIDirectionDTO: String, YAMLEnum { case up, down }

struct AIActionDTO: Decodable {
    var type: AIActionTypeDTO?
    var direction: AIDirectionDTO?
    var ifCondition: Located<AIGoalTypeDTO>?
    var step: YAMLRaw?
    var cooldown: DurationField?
}
