/// autoscaling/v2beta1 metrics → `HPAMetricSpec`: the shape of v2beta1 documents and of
/// the `autoscaling.alpha.kubernetes.io/metrics` annotation of a v1 object read back
/// from a v2 one (`kubectl get hpa -o yaml` against the v1 API).
extension PolicyConversion {
    /// The annotation that carries a v1 object's metrics other than CPU utilization.
    static let v1MetricsAnnotation = "autoscaling.alpha.kubernetes.io/metrics"

    static func hpaV2Beta1(_ dto: HPAV2Beta1DocumentDTO, root: YAMLNode, context: YAMLDecodingContext) -> PolicySpec? {
        guard let (name, spec) = dto.opened(PolicyKinds.hpa, expected: "spec with maxReplicas and metrics", root: root, context: context) else { return nil }
        var metrics: [HPAMetricSpec] = []
        var references: [SeriesReference] = []
        var ok = true
        for (i, m) in (spec.value.metrics ?? []).enumerated() {
            if let metric = v2beta1Metric(m.value, at: m.location, path: "spec.metrics[\(i)]", context: context, references: &references) {
                metrics.append(metric)
            } else {
                ok = false
            }
        }
        return hpaPolicy(name, spec: spec, metrics: metrics, behavior: nil, valid: ok, references: references, context: context)
    }

    /// The metrics of a v1 object's `autoscaling.alpha.kubernetes.io/metrics` annotation
    /// (a JSON list of v2beta1 metrics), or nil after recording why it cannot be read.
    /// Problems are reported at the annotation's value.
    static func v1AnnotationMetrics(_ metadata: ObjectMetaDTO?, context: YAMLDecodingContext,
                                    references: inout [SeriesReference]) -> [HPAMetricSpec]? {
        guard let value = metadata?.annotations?.node[v1MetricsAnnotation], let text = value.scalar?.text else { return [] }
        let path = "metadata.annotations[\(v1MetricsAnnotation)]"
        let inner = YAMLDecodingContext()
        let parsed = YAMLDocument.parseCollecting(bytes: Array(text.utf8), file: "annotation")
        guard parsed.complete, parsed.errors.isEmpty, let list = parsed.documents.first?.sequence else {
            context.record(at: value.location, "\(path) is not a JSON list of metrics", expected: "the JSON the API server writes, e.g. [{\"type\":\"Resource\",…}]")
            return nil
        }
        var metrics: [HPAMetricSpec] = []
        for (i, node) in list.enumerated() {
            guard let dto = try? YAMLDecoder.decodeNode(HPAV2Beta1MetricDTO.self, node: node, context: inner, path: "\(path)[\(i)]"),
                  let metric = v2beta1Metric(dto, at: value.location, path: "\(path)[\(i)]", context: inner, references: &references) else { continue }
            metrics.append(metric)
        }
        for e in inner.errors {
            context.record(at: value.location, e.message, expected: e.expected)
        }
        return inner.errors.isEmpty ? metrics : nil
    }

    /// One v2beta1 metric; nil after recording the problem at `location`.
    static func v2beta1Metric(_ m: HPAV2Beta1MetricDTO, at location: SourceLocation, path: String, context: YAMLDecodingContext,
                              references: inout [SeriesReference]) -> HPAMetricSpec? {
        guard let type = m.type else {
            context.record(at: location, "\(path) without 'type'", expected: "type: Resource, ContainerResource, Pods, Object or External")
            return nil
        }
        func positive(_ q: QuantityField?, _ key: String) -> Int64? {
            guard let q else { return nil }
            guard let milli = q.quantity.milliValue(), milli > 0 else {
                context.record(at: q.location, "\(path).\(key): found \(q.quantity.text)", expected: "a quantity above 0")
                return nil
            }
            return milli
        }
        switch type.value {
        case .Resource, .ContainerResource:
            let isContainer = type.value == .ContainerResource
            guard let source = isContainer ? m.containerResource : m.resource, let nameField = source.name,
                  let resource = HPAResourceName(rawValue: nameField.value) else {
                context.record(at: location, "\(path): a \(type.value.rawValue) metric without a cpu or memory name", expected: "name: cpu or memory")
                return nil
            }
            let target: HPAMetricTarget
            if let u = source.targetAverageUtilization, u.value > 0 {
                target = .utilization(u.value)
            } else if let v = positive(source.targetAverageValue, "targetAverageValue") {
                target = .averageValue(milli: v)
            } else {
                context.record(at: location, "\(path): no targetAverageUtilization or targetAverageValue above 0", expected: "one of the two targets")
                return nil
            }
            if isContainer {
                guard let container = source.container else {
                    context.record(at: location, "\(path) without 'container'", expected: "the container's name")
                    return nil
                }
                return .containerResource(resource, container: container, target)
            }
            return .resource(resource, target)
        case .Pods, .Object, .External:
            let source = type.value == .Pods ? m.pods : type.value == .Object ? m.object : m.external
            guard let source, let name = source.metricName else {
                context.record(at: location, "\(path): a \(type.value.rawValue) metric without 'metricName'", expected: "the name of a trace series")
                return nil
            }
            references.append(SeriesReference(name: name.value, location: name.location))
            switch type.value {
            case .Pods:
                guard let v = positive(source.targetAverageValue, "targetAverageValue") else { break }
                return .pods(series: name.value, .averageValue(milli: v))
            default:
                if let v = positive(source.targetAverageValue ?? source.averageValue, "targetAverageValue") {
                    return type.value == .Object ? .object(series: name.value, .averageValue(milli: v)) : .external(series: name.value, .averageValue(milli: v))
                }
                if let v = positive(source.targetValue, "targetValue") {
                    return type.value == .Object ? .object(series: name.value, .value(milli: v)) : .external(series: name.value, .value(milli: v))
                }
            }
            context.record(at: location, "\(path): a \(type.value.rawValue) metric without a target above 0", expected: "targetAverageValue or targetValue")
            return nil
        }
    }
}
