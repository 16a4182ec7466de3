/// The autoscaling/v2beta1 HorizontalPodAutoscaler as written, and the metric shape the
/// API server keeps in an autoscaling/v1 object's `autoscaling.alpha.kubernetes.io/metrics`
/// annotation (a v2 HPA read back as v1 carries its metrics there, as JSON).

typealias HPAV2Beta1DocumentDTO = PolicyDocumentDTO<HPAV2Beta1SpecDTO>

struct HPAV2Beta1SpecDTO: Decodable, HPASharedSpecDTO {
    var scaleTargetRef: ScaleTargetRefDTO?
    var minReplicas: Located<Int32>?
    var maxReplicas: Located<Int32>?
    var metrics: [Located<HPAV2Beta1MetricDTO>]?
}

/// One v2beta1 metric: targets sit beside the metric name (`targetAverageUtilization`,
/// `targetAverageValue`, `targetValue`) instead of in a `target` block.
typealias HPAV2Beta1MetricDTO = HPAMetricEntryDTO<HPAV2Beta1ResourceDTO, HPAV2Beta1NamedDTO>

struct HPAV2Beta1ResourceDTO: Decodable {
    var name: Located<String>?
    var container: String?
    var targetAverageUtilization: Located<Int32>?
    var targetAverageValue: QuantityField?
}

/// `pods`, `object` and `external` of v2beta1 (`object.target` names the described object).
struct HPAV2Beta1NamedDTO: Decodable, YAMLIgnoredKeys {
    var metricName: Located<String>?
    var targetAverageValue: QuantityField?
    var targetValue: QuantityField?
    var averageValue: QuantityField?
    var target: YAMLIgnored?

    static let ignoredKeys = ["selector", "metricSelector"]
}
