import HindsightTrace
import Foundation

/// KEDA ScaledObject → `ScaledObjectSpec` (HPA.md §10).
extension PolicyConversion {
    static func scaledObject(_ dto: ScaledObjectDocumentDTO, root: YAMLNode, context: YAMLDecodingContext) -> PolicySpec? {
        guard let (name, spec) = dto.opened(PolicyKinds.scaledObject, expected: "spec with scaleTargetRef and triggers", root: root, context: context) else { return nil }
        let s = spec.value
        let errorsBefore = context.errors.count
        let target = scaleTarget(s.scaleTargetRef, at: spec.location, context: context, requireKind: false)
        var result = ScaledObjectSpec(name: name?.value ?? "", target: target, triggers: [])
        if let p = s.pollingInterval {
            context.require(p.value >= 1, p.location, "spec.pollingInterval: found \(p.value)", expected: "whole seconds, 1 or more")
            result.pollingInterval = .seconds(Int64(p.value))
        }
        if let c = s.cooldownPeriod {
            context.require(c.value >= 0, c.location, "spec.cooldownPeriod: found \(c.value)", expected: "whole seconds, 0 or more")
            result.cooldownPeriod = .seconds(Int64(c.value))
        }
        if let c = s.initialCooldownPeriod {
            context.require(c.value >= 0, c.location, "spec.initialCooldownPeriod: found \(c.value)", expected: "whole seconds, 0 or more")
            result.initialCooldownPeriod = .seconds(Int64(c.value))
        }
        (result.minReplicaCount, result.maxReplicaCount) = context.replicaBounds(
            min: s.minReplicaCount, max: s.maxReplicaCount, defaults: (result.minReplicaCount, result.maxReplicaCount),
            names: ("spec.minReplicaCount", "spec.maxReplicaCount"), fallback: spec.location)
        if let idle = s.idleReplicaCount {
            // KEDA (CheckReplicaCountBoundsAreValid) compares with the HPA's minimum: a given
            // minReplicaCount raised to 1, or 0 when minReplicaCount is absent.
            let hpaMin = s.minReplicaCount == nil ? 0 : max(result.minReplicaCount, 1)
            context.require(idle.value >= 0 && idle.value < hpaMin, idle.location,
                            "spec.idleReplicaCount \(idle.value) is not below the HPA minimum \(hpaMin)",
                            expected: "idleReplicaCount below max(minReplicaCount, 1), with minReplicaCount given (KEDA's rule)")
            result.idleReplicaCount = idle.value
        }
        if let f = s.fallback {
            if let threshold = f.value.failureThreshold, let replicas = f.value.replicas {
                context.require(threshold.value >= 0, threshold.location, "spec.fallback.failureThreshold: found \(threshold.value)", expected: "0 or more")
                context.require(replicas.value >= 0, replicas.location, "spec.fallback.replicas: found \(replicas.value)", expected: "0 or more")
                result.fallback = .init(failureThreshold: threshold.value, replicas: replicas.value)
                if let b = f.value.behavior, b != .static {
                    context.notes.append("\(f.location): spec.fallback.behavior \(b.rawValue) is simulated as static (fallback.replicas)")
                }
            } else {
                context.record(at: f.location, "spec.fallback lacks failureThreshold or replicas", expected: "fallback: {failureThreshold: N, replicas: N}")
            }
        }
        if let behavior = s.advanced?.horizontalPodAutoscalerConfig?.behavior {
            result.behavior = hpaBehavior(behavior, context: context, path: "spec.advanced.horizontalPodAutoscalerConfig.behavior")
        }
        var references: [SeriesReference] = []
        let triggers = s.triggers ?? []
        if triggers.isEmpty {
            context.record(at: spec.location, "ScaledObject without triggers", expected: "spec.triggers: a list of cpu, memory, prometheus, cron or other scaler triggers")
        }
        for (i, t) in triggers.enumerated() {
            if let trigger = kedaTrigger(t, path: "spec.triggers[\(i)]", context: context, references: &references) {
                result.triggers.append(trigger)
            }
        }
        if let modifiers = s.advanced?.scalingModifiers {
            result.scalingModifiers = scalingModifiers(modifiers, triggers: result.triggers, context: context)
        }
        guard let name, context.errors.count == errorsBefore else { return nil }
        var policy = PolicySpec(name: name.value, kind: .scaledObject(result), location: name.location)
        policy.seriesReferences = references
        return policy
    }

    private static func kedaTrigger(_ t: Located<KEDATriggerDTO>, path: String, context: YAMLDecodingContext,
                                    references: inout [SeriesReference]) -> KEDATrigger? {
        guard let type = t.value.type else {
            context.missing(at: t.location, field: "\(path).type", "\(path) without 'type'", expected: "type: cpu, memory, prometheus, cron or a scaler of the README's table")
            return nil
        }
        guard let metadata = t.value.metadata?.node else {
            context.record(at: t.location, "\(path) without 'metadata'", expected: "the trigger's metadata mapping")
            return nil
        }
        let metricType = t.value.metricType.flatMap { KEDATrigger.MetricType(rawValue: $0.value.rawValue) }
        let sub = "\(path).metadata"
        guard let builtIn = KEDABuiltInTrigger(rawValue: type.value) else {
            return otherScaler(t, type: type, metadata: metadata, metricType: metricType, path: path, context: context, references: &references)
        }
        switch builtIn {
        case .cpu, .memory:
            guard let m = try? YAMLDecoder.decodeNode(KEDAResourceMetadataDTO.self, node: metadata, context: context, path: sub) else { return nil }
            let resource: HPAResourceName = builtIn == .cpu ? .cpu : .memory
            // KEDA ≥ 2.18 requires metricType on cpu and memory triggers; metadata.type is gone
            // (HPA.md, Corrections 6). Guessing would turn `value: "60"` into 60 cores per pod.
            guard let chosen = metricType else {
                let old = m.type.map { " (metadata.type: \($0.value.rawValue) is no longer read by KEDA)" } ?? ""
                context.record(at: t.location, "\(path): a \(resource.rawValue) trigger without 'metricType'\(old)",
                               expected: "metricType: Utilization or AverageValue on the trigger, beside type and metadata")
                return nil
            }
            if let container = m.containerName {
                context.notes.append("\(metadata.location): \(sub).containerName '\(Excerpt.of(container))': read as the whole pod's \(resource.rawValue) against the pod's request (the scenario has no per-container requests)")
            }
            guard let value = m.value else {
                context.record(at: metadata.location, "\(sub) without 'value'", expected: "value: the target (a percentage for Utilization, a quantity for AverageValue)")
                return nil
            }
            switch chosen {
            case .utilization:
                let v = value.value.value
                guard v > 0, v <= Double(Int32.max), v.rounded() == v else {
                    context.record(at: value.location, "\(sub).value: found \(v.shown)", expected: "a whole percentage above 0")
                    return nil
                }
                return KEDATrigger(name: t.value.name?.value, metricType: .utilization, kind: .resource(resource, .utilization(Int32(v))))
            case .averageValue:
                guard let milli = positiveMilli(metadata["value"], path: "\(sub).value", context: context) else { return nil }
                return KEDATrigger(name: t.value.name?.value, metricType: .averageValue, kind: .resource(resource, .averageValue(milli: milli)))
            case .value:
                context.record(at: t.value.metricType?.location ?? value.location, "\(path): metricType Value on a \(resource.rawValue) trigger",
                               expected: "Utilization or AverageValue")
                return nil
            }
        case .prometheus:
            guard let m = try? YAMLDecoder.decodeNode(KEDAPrometheusMetadataDTO.self, node: metadata, context: context, path: sub) else { return nil }
            guard let query = m.query, let threshold = m.threshold else {
                context.record(at: metadata.location, "\(sub) lacks 'query' or 'threshold'", expected: "query: PromQL text, threshold: a number above 0")
                return nil
            }
            guard threshold.value > 0 else {
                context.record(at: threshold.location, "\(sub).threshold: found \(threshold.value.shown)", expected: "a number above 0")
                return nil
            }
            let activation = m.activationThreshold?.value ?? 0
            if metricType == .utilization {
                context.record(at: t.value.metricType?.location, "\(path): metricType Utilization on a prometheus trigger", expected: "AverageValue or Value")
                return nil
            }
            // A `query: |` block ends in a newline: the text is matched trimmed.
            let queryText = query.value.trimmingCharacters(in: .whitespacesAndNewlines)
            let series = t.value.name?.value ?? queryText
            var reference = SeriesReference(name: series, location: t.value.name?.location ?? query.location)
            if t.value.name != nil { reference.alternative = queryText }
            references.append(reference)
            var trigger = KEDATrigger(name: t.value.name?.value, metricType: metricType ?? .averageValue,
                                      kind: .prometheus(series: series, threshold: threshold.value, activationThreshold: activation))
            trigger.query = queryText
            guard let ignoreNull = prometheusIgnoreNullValues(m.ignoreNullValues, path: sub, context: context) else { return nil }
            trigger.ignoreNullValues = ignoreNull
            return trigger
        case .cron:
            guard let m = try? YAMLDecoder.decodeNode(KEDACronMetadataDTO.self, node: metadata, context: context, path: sub) else { return nil }
            guard let tz = m.timezone, let start = m.start, let end = m.end, let desired = m.desiredReplicas else {
                context.record(at: metadata.location, "\(sub) lacks timezone, start, end or desiredReplicas",
                               expected: "timezone: IANA name, start and end: cron expressions, desiredReplicas: a whole number")
                return nil
            }
            var ok = true
            if TimeZone(identifier: tz.value) == nil {
                context.record(at: tz.location, "\(sub).timezone: unknown time zone '\(Excerpt.of(tz.value))'", expected: "an IANA time zone such as Europe/Berlin or UTC")
                ok = false
            }
            if start.value.split(separator: " ") == end.value.split(separator: " ") {
                context.record(at: end.location, "\(sub): start and end are the same schedule '\(Excerpt.of(end.value))'",
                               expected: "an end different from the start (KEDA rejects equal ones)")
                ok = false
            }
            for field in [start, end] where field.value.split(separator: " ").count != 5 {
                context.record(at: field.location, "\(sub): '\(Excerpt.of(field.value))' is not a cron expression", expected: "five fields: minute hour day month weekday, e.g. 0 8 * * 1-5")
                ok = false
            }
            let d = desired.value
            guard d >= 1, d <= Double(Int32.max), d.rounded() == d else {
                context.record(at: desired.location, "\(sub).desiredReplicas: found \(d.shown)", expected: "a whole number, 1 or more (KEDA rejects 0)")
                return nil
            }
            guard ok else { return nil }
            return KEDATrigger(name: t.value.name?.value, metricType: metricType ?? .averageValue,
                               kind: .cron(timezone: tz.value, start: start.value, end: end.value, desiredReplicas: Int32(d)))
        }
    }

    private static func positiveMilli(_ node: YAMLNode?, path: String, context: YAMLDecodingContext) -> Int64? {
        guard let node, let field = try? QuantityField.decode(yaml: node, context: context, path: path) else { return nil }
        guard let milli = field.quantity.milliValue(), milli > 0 else {
            context.record(at: field.location, "\(path): found \(field.quantity.text)", expected: "a quantity above 0")
            return nil
        }
        return milli
    }
}
