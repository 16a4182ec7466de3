/// Turns decoded policy documents into validated `PolicySpec`s. Each function records
/// every problem it finds in the context and returns nil when the document is unusable.
enum PolicyConversion {
    /// `metadata.name`, required.
    static func metadataName(_ metadata: ObjectMetaDTO?, root: YAMLNode, context: YAMLDecodingContext) -> Located<String>? {
        guard let name = metadata?.name else {
            context.missing(at: root.location, field: metadata == nil ? "metadata" : "metadata.name", "document without 'metadata.name'", expected: "metadata: {name: NAME}")
            return nil
        }
        if name.value.isEmpty {
            context.record(at: name.location, "metadata.name is empty", expected: "a non-empty name")
            return nil
        }
        return name
    }

    /// `behavior` with the defaults filled field by field (`copyHPAScalingRules`; HPA.md §7).
    static func hpaBehavior(_ dto: HPABehaviorDTO, context: YAMLDecodingContext, path: String = "spec.behavior") -> HPABehavior {
        HPABehavior(scaleUp: scalingRules(dto.scaleUp, defaults: .defaultScaleUp, path: "\(path).scaleUp", context: context),
                    scaleDown: scalingRules(dto.scaleDown, defaults: .defaultScaleDown, path: "\(path).scaleDown", context: context))
    }

    private static func scalingRules(_ dto: HPAScalingRulesDTO?, defaults: HPAScalingRules, path: String,
                                     context: YAMLDecodingContext) -> HPAScalingRules {
        var rules = defaults
        guard let dto else { return rules }
        if let w = dto.stabilizationWindowSeconds {
            context.require((0...3600).contains(w.value), w.location, "\(path).stabilizationWindowSeconds: found \(w.value)",
                            expected: "a whole number of seconds from 0 to 3600")
            rules.stabilizationWindowSeconds = w.value
        }
        if let s = dto.selectPolicy {
            rules.selectPolicy = HPAScalingRules.SelectPolicy(rawValue: s.rawValue) ?? .max
        }
        if let list = dto.policies {
            context.require(!list.value.isEmpty, list.location, "\(path).policies is empty", expected: "at least one policy {type, value, periodSeconds}")
            var policies: [HPAScalingRules.Policy] = []
            for (i, p) in list.value.enumerated() {
                let sub = "\(path).policies[\(i)]"
                guard let type = p.value.type, let value = p.value.value, let period = p.value.periodSeconds else {
                    context.record(at: p.location, "\(sub) lacks type, value or periodSeconds",
                                   expected: "type: Pods or Percent, value: above 0, periodSeconds: 1 to 1800")
                    continue
                }
                context.require(value.value > 0, value.location, "\(sub).value: found \(value.value)", expected: "a whole number above 0")
                context.require((1...1800).contains(period.value), period.location, "\(sub).periodSeconds: found \(period.value)",
                                expected: "a whole number of seconds from 1 to 1800")
                policies.append(.init(kind: type == .Pods ? .pods : .percent, value: value.value, periodSeconds: period.value))
            }
            rules.policies = policies
        }
        if let t = dto.tolerance {
            rules.tolerance = t.quantity.doubleValue
        }
        return rules
    }
}
