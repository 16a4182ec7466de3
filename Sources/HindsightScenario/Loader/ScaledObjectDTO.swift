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
    var scalingModifiers: Located<KEDAScalingModifiersDTO>?
}

struct KEDAScalingModifiersDTO: Decodable {
    var formula: Located<String>?
    var target: NumberField?
    var activationTarget: NumberField?
    var metricType: Located<KEDAMetricTypeDTO>?
}

struct KEDAHPAConfigDTO: Decodable {
    var name: String?
    var behavior: HPABehaviorDTO?
}

enum KEDAMetricTypeDTO: String, YAMLEnum { case AverageValue, Value, Utilization }

struct KEDATriggerDTO: Decodable {
    /// cpu, memory, prometheus, cron, or a scaler of `KEDAScaler.table`.
    var type: Located<String>?
    var name: Located<String>?
    var metricType: Located<KEDAMetricTypeDTO>?
    var useCachedMetrics: Bool?
    var authenticationRef: YAMLIgnored?
    var metadata: YAMLRaw?
}

/// cpu / memory trigger metadata (other keys: a note, as KEDA ignores them).
struct KEDAResourceMetadataDTO: Decodable, YAMLNotedUnknownKeys {
    var type: Located<KEDAMetricTypeDTO>?
    var value: Located<NumberField>?
    var containerName: String?
}

/// prometheus trigger metadata: the parameters of KEDA's prometheus scaler
/// (`prometheusMetadata`; connection and authentication settings accepted and ignored
/// offline); other keys are a note, as KEDA ignores them.
struct KEDAPrometheusMetadataDTO: Decodable, YAMLIgnoredKeys, YAMLNotedUnknownKeys {
    var query: Located<String>?
    var threshold: NumberField?
    var activationThreshold: NumberField?
    /// Read by `PolicyConversion.prometheusIgnoreNullValues` (true unless "false").
    var ignoreNullValues: Located<String>?

    static let ignoredKeys = [
        "serverAddress", "namespace", "metricName", "customHeaders", "ignoreNullValues", "unsafeSsl",
        "queryParameters", "authModes", "cortexOrgID", "timeout", "awsRegion", "identityOwner",
        "username", "password", "bearerToken", "ca", "cert", "key", "keyPassword",
    ]
}

/// cron trigger metadata (other keys: a note, as KEDA ignores them).
struct KEDACronMetadataDTO: Decodable, YAMLNotedUnknownKeys {
    var timezone: Located<String>?
    var start: Located<String>?
    var end: Located<String>?
    var desiredReplicas: NumberField?
}

/// The trigger types read with their own metadata shape; every other type goes through
/// `KEDAScaler.table`.
enum KEDABuiltInTrigger: String { case cpu, memory, prometheus, cron }
