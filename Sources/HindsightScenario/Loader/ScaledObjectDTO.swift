/// The KEDA `ScaledObject` document as written (keda.sh/v1alpha1).

typealias ScaledObjectDocumentDTO = PolicyDocumentDTO<ScaledObjectSpecDTO>

struct ScaledObjectSpecDTO: Decodable {
    var scaleTargetRef: ScaleTargetRefDTO?
    var pollingInterval: Located<Int32>?
    var cooldownPeriod: Located<Int32>?
    var initialCooldownPeriod: Located<Int32>?
    var idleReplicaCount: Located<Int32>?
    var minReplicaCount: Located<Int32>?
    var maxReplicaCount: Located<Int32>?
    var fallback: Located<KEDAFallbackDTO>?
    var advanced: KEDAAdvancedDTO?
    var triggers: [Located<KEDATriggerDTO>]?
}

struct KEDAFallbackDTO: Decodable {
    var failureThreshold: Located<Int32>?
    var replicas: Located<Int32>?
    var behavior: KEDAFallbackBehaviorDTO?
}

enum KEDAFallbackBehaviorDTO: String, YAMLEnum {
    case `static`, currentReplicas, currentReplicasIfHigher, currentReplicasIfLower, scalingModifiers
}

struct KEDAAdvancedDTO: Decodable {
    var restoreToOriginalReplicaCount: Bool?
    var horizontalPodAutoscalerConfig: KEDAHPAConfigDTO?
    var scalingModifiers: YAMLIgnored?
}

struct KEDAHPAConfigDTO: Decodable {
    var name: String?
    var behavior: HPABehaviorDTO?
}

enum KEDATriggerTypeDTO: String, YAMLEnum { case cpu, memory, prometheus, cron }
enum KEDAMetricTypeDTO: String, YAMLEnum { case AverageValue, Value, Utilization }

struct KEDATriggerDTO: Decodable {
    var type: Located<KEDATriggerTypeDTO>?
    var name: Located<String>?
    var metricType: Located<KEDAMetricTypeDTO>?
    var useCachedMetrics: Bool?
    var authenticationRef: YAMLIgnored?
    var metadata: YAMLRaw?
}

/// cpu / memory trigger metadata.
struct KEDAResourceMetadataDTO: Decodable {
    var type: Located<KEDAMetricTypeDTO>?
    var value: Located<NumberField>?
    var containerName: String?
}

/// prometheus trigger metadata (connection settings accepted and ignored offline).
struct KEDAPrometheusMetadataDTO: Decodable, YAMLIgnoredKeys {
    var query: Located<String>?
    var threshold: NumberField?
    var activationThreshold: NumberField?
    /// Read by `PolicyConversion.prometheusIgnoreNullValues` (true unless "false").
    var ignoreNullValues: Located<String>?

    static let ignoredKeys = [
        "serverAddress", "namespace", "metricName", "customHeaders", "ignoreNullValues", "unsafeSsl",
        "queryParameters", "authModes", "cortexOrgID", "timeout",
    ]
}

/// cron trigger metadata.
struct KEDACronMetadataDTO: Decodable {
    var timezone: Located<String>?
    var start: Located<String>?
    var end: Located<String>?
    var desiredReplicas: NumberField?
}
