/// HPA documents → `HPASpec`, validated as the API server would (HPA.md §7, §8).
extension PolicyConversion {
    /// A HorizontalPodAutoscaler document: autoscaling/v1, else v2 (v2beta2 reads the same).
    @Sendable static func hpa(_ root: YAMLNode, apiVersion: String, context: YAMLDecodingContext) -> PolicySpec? {
        if apiVersion == "autoscaling/v1" {
            guard let dto = try? YAMLDecoder.decodeNode(HPAV1DocumentDTO.self, node: root, context: context, path: "") else { return nil }
            return hpaV1(dto, root: root, context: context)
        }
        if apiVersion == "autoscaling/v2beta1" {
            guard let dto = try? YAMLDecoder.decodeNode(HPAV2Beta1DocumentDTO.self, node: root, context: context, path: "") else { return nil }
            return hpaV2Beta1(dto, root: root, context: context)
        }
        guard let dto = try? YAMLDecoder.decodeNode(HPADocumentDTO.self, node: root, context: context, path: "") else { return nil }
        return hpaV2(dto, root: root, context: context)
    }

    static func hpaV2(_ dto: HPADocumentDTO, root: YAMLNode, context: YAMLDecodingContext) -> PolicySpec? {
        guard let (name, spec) = dto.opened(PolicyKinds.hpa, expected: "spec with maxReplicas and metrics", root: root, context: context) else { return nil }
        var metrics: [HPAMetricSpec] = []  // none: HPASpec holds its default
        var references: [SeriesReference] = []
        var metricsOK = true
        for (i, m) in (spec.value.metrics ?? []).enumerated() {
            if let metric = hpaMetric(m, path: "spec.metrics[\(i)]", context: context, references: &references) {
                metrics.append(metric)
            } else {
                metricsOK = false
            }
        }
        let behavior = spec.value.behavior.map { hpaBehavior($0, context: context) }
        return hpaPolicy(name, spec: spec, metrics: metrics, behavior: behavior, valid: metricsOK, references: references, context: context)
    }

    static func hpaV1(_ dto: HPAV1DocumentDTO, root: YAMLNode, context: YAMLDecodingContext) -> PolicySpec? {
        guard let (name, spec) = dto.opened(PolicyKinds.hpa, expected: "spec with maxReplicas", root: root, context: context) else { return nil }
        var metrics: [HPAMetricSpec] = []  // none: HPASpec holds its default
        var targetOK = true
        if let t = spec.value.targetCPUUtilizationPercentage {
            targetOK = t.value > 0
            context.require(targetOK, t.location, "spec.targetCPUUtilizationPercentage: found \(t.value)", expected: "a percentage above 0")
            metrics = [.resource(.cpu, .utilization(t.value))]
        }
        // A v2 object read back as v1 keeps its other metrics in an annotation (the API
        // server's round trip): without it a memory HPA would run as CPU at 80 %.
        var references: [SeriesReference] = []
        let annotated = v1AnnotationMetrics(dto.metadata, context: context, references: &references)
        metrics += annotated ?? []
        return hpaPolicy(name, spec: spec, metrics: metrics, behavior: nil, valid: targetOK && annotated != nil,
                         references: references, context: context)
    }

    /// The HPA policy from the fields both API versions share, once `metrics` (empty: the
    /// `HPASpec` default) and `behavior` are read; nil when the name, the replica bounds or
    /// what the caller read (`valid`) is wrong. Records the problems of the bounds and target.
    static func hpaPolicy(_ name: Located<String>?, spec: Located<some HPASharedSpecDTO>, metrics: [HPAMetricSpec],
                          behavior: HPABehavior?, valid: Bool, references: [SeriesReference] = [],
                          context: YAMLDecodingContext) -> PolicySpec? {
        let replicas = replicaBounds(min: spec.value.minReplicas, max: spec.value.maxReplicas, specLocation: spec.location,
                                     metrics: metrics, context: context)
        let target = scaleTarget(spec.value.scaleTargetRef, at: spec.location, context: context)
        guard let name, let replicas, valid else { return nil }
        var policy = PolicySpec(name: name.value, kind: .hpa(HPASpec(name: name.value, target: target, minReplicas: replicas.min,
                                                                     maxReplicas: replicas.max, metrics: metrics, behavior: behavior)),
                                location: name.location)
        policy.seriesReferences = references
        return policy
    }

    /// `scaleTargetRef` as `kind/name`; the HPA API requires `kind` (`requireKind`), KEDA defaults it to Deployment.
    static func scaleTarget(_ ref: ScaleTargetRefDTO?, at location: SourceLocation, context: YAMLDecodingContext,
                            requireKind: Bool = true) -> String? {
        guard let ref else {
            context.record(at: location, "spec without 'scaleTargetRef'", expected: "scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: NAME}")
            return nil
        }
        context.require(ref.name != nil, location, "spec.scaleTargetRef without 'name'", expected: "the name of the scaled workload")
        if requireKind {
            context.require(ref.kind != nil, location, "spec.scaleTargetRef without 'kind'", expected: "the workload's kind, e.g. kind: Deployment")
        }
        return ref.target
    }

    /// minReplicas (default 1, 0 only with an Object or External metric) and maxReplicas (≥ 1, ≥ min).
    static func replicaBounds(min: Located<Int32>?, max: Located<Int32>?, specLocation: SourceLocation,
                              metrics: [HPAMetricSpec], context: YAMLDecodingContext) -> (min: Int32, max: Int32)? {
        guard let max else {
            context.missing(at: specLocation, field: "spec.maxReplicas", "spec without 'maxReplicas'", expected: "maxReplicas: a whole number of 1 or more")
            return nil
        }
        var ok = true
        if max.value < 1 {
            context.record(at: max.location, "spec.maxReplicas: found \(max.value)", expected: "a whole number of 1 or more")
            ok = false
        }
        let lower = min?.value ?? 1
        if let min {
            if min.value < 0 {
                context.record(at: min.location, "spec.minReplicas: found \(min.value)", expected: "a whole number of 0 or more")
                ok = false
            } else if min.value == 0 {
                let objectOrExternal = metrics.contains { if case .object = $0 { true } else if case .external = $0 { true } else { false } }
                if !objectOrExternal {
                    context.record(at: min.location, "spec.minReplicas: 0 without an Object or External metric",
                                   expected: "minReplicas of 1 or more (0 needs the HPAScaleToZero gate and an Object or External metric)")
                    ok = false
                }
            }
            if min.value > max.value {
                context.record(at: min.location, "spec.minReplicas \(min.value) is greater than maxReplicas \(max.value)",
                               expected: "minReplicas ≤ maxReplicas")
                ok = false
            }
        }
        return ok ? (lower, max.value) : nil
    }

    private static func hpaMetric(_ m: Located<HPAMetricDTO>, path: String, context: YAMLDecodingContext,
                                  references: inout [SeriesReference]) -> HPAMetricSpec? {
        guard let type = m.value.type else {
            context.missing(at: m.location, field: "\(path).type", "\(path) without 'type'", expected: "type: Resource, ContainerResource, Pods, Object or External")
            return nil
        }
        func missing(_ field: String) -> HPAMetricSpec? {
            context.record(at: m.location, "\(path): type \(type.value.rawValue) without '\(field)'", expected: "a '\(field)' section")
            return nil
        }
        switch type.value {
        case .Resource, .ContainerResource:
            let isContainer = type.value == .ContainerResource
            guard let source = isContainer ? m.value.containerResource : m.value.resource else {
                return missing(isContainer ? "containerResource" : "resource")
            }
            let sub = "\(path).\(isContainer ? "containerResource" : "resource")"
            guard let nameField = source.name else {
                context.record(at: m.location, "\(sub) without 'name'", expected: "name: cpu or memory")
                return nil
            }
            guard let resource = HPAResourceName(rawValue: nameField.value) else {
                context.record(at: nameField.location, "\(sub).name: found '\(nameField.value)'", expected: "cpu or memory")
                return nil
            }
            guard let target = metricTarget(source.target, allowed: [.Utilization, .AverageValue], path: sub, at: m.location, context: context) else {
                return nil
            }
            if isContainer {
                guard let container = source.container else {
                    context.record(at: m.location, "\(sub) without 'container'", expected: "the container's name")
                    return nil
                }
                return .containerResource(resource, container: container, target)
            }
            return .resource(resource, target)
        case .Pods, .Object, .External:
            let key = type.value == .Pods ? "pods" : type.value == .Object ? "object" : "external"
            guard let source = type.value == .Pods ? m.value.pods : type.value == .Object ? m.value.object : m.value.external else {
                return missing(key)
            }
            let sub = "\(path).\(key)"
            guard let name = source.metric?.value.name else {
                context.record(at: source.metric?.location ?? m.location, "\(sub).metric without 'name'", expected: "the name of a trace series")
                return nil
            }
            if type.value == .Object && source.describedObject == nil {
                context.record(at: m.location, "\(sub) without 'describedObject'", expected: "describedObject: {apiVersion, kind, name} of the object the metric describes")
                return nil
            }
            let allowed: [HPATargetTypeDTO] = type.value == .Pods ? [.AverageValue] : [.Value, .AverageValue]
            guard let target = metricTarget(source.target, allowed: allowed, path: sub, at: m.location, context: context) else {
                return nil
            }
            references.append(SeriesReference(name: name.value, location: name.location))
            switch type.value {
            case .Pods: return .pods(series: name.value, target)
            case .Object: return .object(series: name.value, target)
            default: return .external(series: name.value, target)
            }
        }
    }

    private static func metricTarget(_ target: Located<HPATargetDTO>?, allowed: [HPATargetTypeDTO], path: String,
                                     at location: SourceLocation, context: YAMLDecodingContext) -> HPAMetricTarget? {
        let names = allowed.map(\.rawValue).joined(separator: " or ")
        guard let target else {
            context.record(at: location, "\(path) without 'target'", expected: "target: {type: \(names), …}")
            return nil
        }
        guard let type = target.value.type else {
            context.missing(at: target.location, field: "\(path).target.type", "\(path).target without 'type'", expected: "type: \(names)")
            return nil
        }
        guard allowed.contains(type.value) else {
            context.record(at: type.location, "\(path).target.type: \(type.value.rawValue) is not allowed here", expected: names)
            return nil
        }
        func milli(_ field: QuantityField?, _ key: String) -> Int64? {
            guard let field else {
                context.missing(at: target.location, field: "\(path).target.\(key)", "\(path).target: type \(type.value.rawValue) without '\(key)'", expected: "\(key): a quantity above 0")
                return nil
            }
            guard let m = field.quantity.milliValue() else {
                context.record(at: field.location, "\(path).target.\(key): \(field.quantity.text) is too large", expected: "a quantity below 9.2e15")
                return nil
            }
            guard m > 0 else {
                context.record(at: field.location, "\(path).target.\(key): found \(field.quantity.text)", expected: "a quantity above 0")
                return nil
            }
            return m
        }
        switch type.value {
        case .Utilization:
            guard let u = target.value.averageUtilization else {
                context.missing(at: target.location, field: "\(path).target.averageUtilization", "\(path).target: type Utilization without 'averageUtilization'", expected: "averageUtilization: a percentage above 0")
                return nil
            }
            guard u.value > 0 else {
                context.record(at: u.location, "\(path).target.averageUtilization: found \(u.value)", expected: "a percentage above 0")
                return nil
            }
            return .utilization(u.value)
        case .AverageValue:
            return milli(target.value.averageValue, "averageValue").map { .averageValue(milli: $0) }
        case .Value:
            return milli(target.value.value, "value").map { .value(milli: $0) }
        }
    }
}
