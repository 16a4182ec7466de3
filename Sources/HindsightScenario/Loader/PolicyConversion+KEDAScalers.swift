import HindsightTrace
import Foundation

/// KEDA triggers of the scaler table and `advanced.scalingModifiers` → the spec.
extension PolicyConversion {
    /// A trigger of a type in `KEDAScaler.table`: a `.prometheus`-shaped trigger bound to
    /// the series named by the trigger's `name`, else `TYPE/IDENTITY`; nil after recording
    /// why (unknown type, refused type, no target, a target that is not a number above 0).
    static func otherScaler(_ t: Located<KEDATriggerDTO>, type: Located<String>, metadata: YAMLNode,
                            metricType: KEDATrigger.MetricType?, path: String, context: YAMLDecodingContext,
                            references: inout [SeriesReference]) -> KEDATrigger? {
        if let reason = KEDAScaler.refused[type.value] {
            context.record(at: type.location, "\(path).type: \(type.value): \(reason)",
                           expected: "a scaler whose target is in its metadata (see the README's scaler table)")
            return nil
        }
        guard let scaler = KEDAScaler.named(type.value) else {
            let known = ["cpu", "memory", "prometheus", "cron"] + KEDAScaler.table.map(\.type)
            var message = "\(path).type: found '\(Excerpt.of(type.value))', a trigger type hindsight has no target field for"
            if let near = Suggestion.closest(to: type.value, among: known) { message += " (did you mean '\(near)'?)" }
            context.record(at: type.location, message, expected: "one of " + known.joined(separator: ", "))
            return nil
        }
        let sub = "\(path).metadata"
        func number(_ key: String) -> (value: Double, location: SourceLocation)?? {
            guard let node = metadata[key] else { return .some(nil) }
            let text = (node.scalar?.text ?? "").trimmingCharacters(in: .whitespaces)
            guard let v = NumberText.double(text), v.isFinite else {
                context.record(node, path: "\(sub).\(key)", expected: "a number")
                return nil
            }
            return .some((v, node.location))
        }
        var target: Double? = scaler.defaultTarget
        for key in scaler.targetKeys {
            guard let found = number(key) else { return nil }
            if let (v, location) = found {
                guard v > 0 else {
                    context.record(at: location, "\(sub).\(key): found \(v.shown)", expected: "a number above 0")
                    return nil
                }
                target = v
                break
            }
        }
        guard let threshold = target else {
            context.record(at: metadata.location, "\(sub) without '\(scaler.targetKeys[0])'",
                           expected: "\(scaler.targetKeys[0]): the \(scaler.type) scaler's target (KEDA has no default)")
            return nil
        }
        var activation = 0.0
        if let key = scaler.activationKey {
            guard let found = number(key) else { return nil }
            activation = found?.value ?? 0
        }
        if metricType == .utilization {
            context.record(at: t.value.metricType?.location, "\(path): metricType Utilization on a \(scaler.type) trigger", expected: "AverageValue or Value")
            return nil
        }
        let identity = scaler.identityKeys.lazy.compactMap { metadata[$0]?.scalar?.text }.first
        let key = identity.map { "\(scaler.type)/\($0)" } ?? scaler.type
        let series = t.value.name?.value ?? key
        var reference = SeriesReference(name: series, location: t.value.name?.location ?? type.location)
        if t.value.name != nil { reference.alternative = key }
        references.append(reference)
        var trigger = KEDATrigger(name: t.value.name?.value, metricType: metricType ?? .averageValue,
                                  kind: .prometheus(series: series, threshold: threshold, activationThreshold: activation))
        trigger.query = key
        trigger.scaler = scaler.type
        return trigger
    }

    /// `advanced.scalingModifiers`: formula and target required; every name the formula
    /// reads must be a trigger's `name` (KEDA compiles the formula with them).
    static func scalingModifiers(_ dto: Located<KEDAScalingModifiersDTO>, triggers: [KEDATrigger],
                                 context: YAMLDecodingContext) -> ScaledObjectSpec.ScalingModifiers? {
        let path = "spec.advanced.scalingModifiers"
        guard let formulaText = dto.value.formula, let target = dto.value.target else {
            context.record(at: dto.location, "\(path) lacks 'formula' or 'target'", expected: "formula: an expression over trigger names, target: a number above 0")
            return nil
        }
        guard target.value > 0 else {
            context.record(at: target.location, "\(path).target: found \(target.value.shown)", expected: "a number above 0")
            return nil
        }
        let formula: ScalingFormula
        do {
            formula = try ScalingFormula(text: formulaText.value)
        } catch let e as FormulaError {
            context.record(at: formulaText.location, "\(path).formula: \(e)", expected: "an expr formula over trigger names (README: scalingModifiers)")
            return nil
        } catch {
            context.record(at: formulaText.location, "\(path).formula: \(error)", expected: "an expr formula")
            return nil
        }
        let named = triggers.compactMap(\.name)
        for (name, offset) in formula.root.freeNames() where !named.contains(name) {
            context.record(at: formulaText.location, "\(path).formula: character \(offset): '\(Excerpt.of(name))' is not the name of a trigger",
                           expected: "one of the trigger names " + (named.isEmpty ? "(no trigger has a name)" : named.joined(separator: ", ")))
        }
        for t in triggers where t.name != nil && formula.names.contains(t.name ?? "") {
            if case .prometheus = t.kind { continue }
            context.record(at: formulaText.location, "\(path).formula reads trigger '\(t.name ?? "")', which is not a metric trigger",
                           expected: "names of prometheus or other metric-scaler triggers (cpu, memory and cron are not composed)")
        }
        var result = ScaledObjectSpec.ScalingModifiers(formula: formula, target: target.value)
        if let a = dto.value.activationTarget { result.activationTarget = a.value }
        if let m = dto.value.metricType {
            guard m.value != .Utilization else {
                context.record(at: m.location, "\(path).metricType: Utilization", expected: "AverageValue or Value")
                return nil
            }
            result.metricType = m.value == .Value ? .value : .averageValue
        }
        return result
    }
}
