/// The `HorizontalPodAutoscaler` document as written (autoscaling/v2 and v1).

typealias HPADocumentDTO = PolicyDocumentDTO<HPASpecDTO>

/// The `spec` fields that autoscaling/v1 and v2 share.
protocol HPASharedSpecDTO {
    var scaleTargetRef: ScaleTargetRefDTO? { get }
    var minReplicas: Located<Int32>? { get }
    var maxReplicas: Located<Int32>? { get }
}

struct HPASpecDTO: Decodable, HPASharedSpecDTO {
    var scaleTargetRef: ScaleTargetRefDTO?
    var minReplicas: Located<Int32>?
    var maxReplicas: Located<Int32>?
    var metrics: [Located<HPAMetricDTO>]?
    var behavior: HPABehaviorDTO?
}

typealias HPAV1DocumentDTO = PolicyDocumentDTO<HPAV1SpecDTO>

struct HPAV1SpecDTO: Decodable, HPASharedSpecDTO {
    var scaleTargetRef: ScaleTargetRefDTO?
    var minReplicas: Located<Int32>?
    var maxReplicas: Located<Int32>?
    var targetCPUUtilizationPercentage: Located<Int32>?
}

enum HPAMetricTypeDTO: String, YAMLEnum { case Resource, ContainerResource, Pods, Object, External }
enum HPATargetTypeDTO: String, YAMLEnum { case Utilization, Value, AverageValue }

/// One entry of `spec.metrics`: its `type` and the block named after it. autoscaling/v2
/// and v2beta1 write the same entry and differ only inside the blocks: `Resource` for
/// `resource` and `containerResource`, `Named` for `pods`, `object` and `external`.
struct HPAMetricEntryDTO<Resource: Decodable, Named: Decodable>: Decodable {
    var type: Located<HPAMetricTypeDTO>?
    var resource: Resource?
    var containerResource: Resource?
    var pods: Named?
    var object: Named?
    var external: Named?
}

/// An autoscaling/v2 metric (targets in a `target` block).
typealias HPAMetricDTO = HPAMetricEntryDTO<HPAResourceSourceDTO, HPANamedSourceDTO>

/// `resource` and `containerResource` (the latter with `container`).
struct HPAResourceSourceDTO: Decodable {
    var name: Located<String>?
    var container: String?
    var target: Located<HPATargetDTO>?
}

/// `pods`, `object` and `external`.
struct HPANamedSourceDTO: Decodable {
    var metric: Located<HPAMetricIdentifierDTO>?
    var describedObject: YAMLIgnored?
    var target: Located<HPATargetDTO>?
}

struct HPAMetricIdentifierDTO: Decodable {
    var name: Located<String>?
    var selector: YAMLIgnored?
}

struct HPATargetDTO: Decodable {
    var type: Located<HPATargetTypeDTO>?
    var value: QuantityField?
    var averageValue: QuantityField?
    var averageUtilization: Located<Int32>?
}

struct HPABehaviorDTO: Decodable {
    var scaleUp: HPAScalingRulesDTO?
    var scaleDown: HPAScalingRulesDTO?
}

struct HPAScalingRulesDTO: Decodable {
    var stabilizationWindowSeconds: Located<Int32>?
    var selectPolicy: SelectPolicyDTO?
    var policies: Located<[Located<HPAScalingPolicyDTO>]>?
    var tolerance: QuantityField?
}

enum SelectPolicyDTO: String, YAMLEnum { case Max, Min, Disabled }
enum ScalingPolicyKindDTO: String, YAMLEnum { case Pods, Percent }

struct HPAScalingPolicyDTO: Decodable {
    var type: ScalingPolicyKindDTO?
    var value: Located<Int32>?
    var periodSeconds: Located<Int32>?
}
