import Foundation
import HindsightTrace

/// `spec.sweep`: the policy file, its parameters (lists of numbers or strings, or
/// `{from, to, step}`), the constraint and the objective.
extension ScenarioConversion {
    func sweep(_ located: Located<SweepDTO>?) -> SweepSpec? {
        guard let located else { return nil }
        let s = located.value
        guard let policy = s.policy else {
            context.record(at: located.location, "spec.sweep without 'policy'", expected: "policy: the policy file the parameters edit")
            return nil
        }
        let file = existingFile(policy, field: "spec.sweep.policy")
        let display = FileReading.displayPath(policy.value, relativeTo: self.display)
        let document = (try? YAMLDocument.parse(path: file, display: display))?.first
        var parameters: [SweepSpec.Parameter] = []
        if let node = s.parameters?.node {
            guard let pairs = node.mapping, !pairs.isEmpty else {
                context.record(node, path: "spec.sweep.parameters", expected: "a mapping of YAML path to a list of values or {from, to, step}")
                return nil
            }
            for pair in pairs {
                guard let written = pair.key.scalar?.text else { continue }
                // Every tunable field of the four kinds lives under `spec`, and people name
                // them as the docs do (`triggers[0].metadata.threshold`): a path that names
                // nothing from the root but a scalar under `spec` means that one.
                var key = written
                if let document, document.node(atPath: key)?.scalar == nil {
                    if document.node(atPath: "spec." + written)?.scalar != nil {
                        key = "spec." + written
                    } else {
                        context.record(at: pair.key.location, "spec.sweep.parameters: '\(written)' names no value in \(policy.value)",
                                       expected: "the path of a scalar in the policy's first document, e.g. spec.metrics[0].resource.target.averageUtilization")
                    }
                }
                if let values = sweepValues(pair.value, path: "spec.sweep.parameters.\(written)") {
                    parameters.append(SweepSpec.Parameter(path: key, values: values, location: pair.key.location))
                }
            }
        }
        var spec = SweepSpec(policyFile: file, policyDisplay: display, parameters: parameters)
        spec.location = located.location
        if let m = s.constraints?.sloViolationFraction?.max {
            spec.maxViolationFraction = positive(m, "spec.sweep.constraints.sloViolationFraction.max", allowZero: true)
        }
        if let m = s.minimize, let objective = SweepSpec.Objective(rawValue: m.rawValue) { spec.minimize = objective }
        return spec
    }

    /// A list of scalars (plain numbers become numbers, anything else a string) or
    /// `{from, to, step}` with the decimals of `from` and `step` as written.
    private func sweepValues(_ node: YAMLNode, path: String) -> SweepSpec.Values? {
        if let items = node.sequence {
            var values: [YAMLPatch.Value] = []
            for (i, item) in items.enumerated() {
                guard let scalar = item.scalar, !item.isNull else {
                    context.record(item, path: "\(path)[\(i)]", expected: "a number or a string")
                    continue
                }
                if scalar.style == .plain, let v = NumberText.double(scalar.text) {
                    guard v.isFinite else {
                        context.record(item, path: "\(path)[\(i)]", expected: "a finite number (not NaN or infinity)")
                        continue
                    }
                    values.append(.number(v))
                } else {
                    values.append(.text(scalar.text))
                }
            }
            guard values.count == items.count, !values.isEmpty else {
                if items.isEmpty { context.record(node, path: path, "found an empty list", expected: "at least one value") }
                return nil
            }
            return .list(values)
        }
        guard node.mapping != nil, let from = node["from"], let to = node["to"], let step = node["step"],
              let f = try? YAMLDecoder.number(from, context: context, path: "\(path).from"),
              let t = try? YAMLDecoder.number(to, context: context, path: "\(path).to"),
              let s = try? YAMLDecoder.number(step, context: context, path: "\(path).step") else {
            context.record(node, path: path, expected: "a list of values or {from: A, to: B, step: S}")
            return nil
        }
        guard s > 0, f <= t else {
            context.record(node, path: path, "found from \(f.shown), to \(t.shown), step \(s.shown)", expected: "from ≤ to and a step above 0")
            return nil
        }
        let decimals = max(SweepGrid.decimals(of: from.scalar?.text ?? ""), SweepGrid.decimals(of: step.scalar?.text ?? ""))
        return .range(from: f, to: t, step: s, decimals: decimals)
    }
}
