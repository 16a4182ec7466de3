import HindsightTrace
import HindsightScenario

extension KEDAController {
    /// The External metric KEDA gives the HPA in place of every trigger's when
    /// `advanced.scalingModifiers` is set.
    public static let compositeMetricName = "composite-metric"

    /// The formula's value over the named triggers' current values (real units), or why
    /// there is none. Each trigger is read as `poll` reads it (`read`): an empty result is
    /// 0 under `ignoreNullValues` (the default); a failed read (KEDA: a scaler error fails
    /// the composite metric), the pipeline's warm-up, or an evaluation error give none.
    /// - Complexity: O(triggers + formula nodes).
    func compositeValue(_ modifiers: ScaledObjectSpec.ScalingModifiers, totals: [String: Double],
                        now: SimInstant) -> (value: Double?, what: String) {
        var values: [String: Double] = [:]
        for t in spec.triggers {
            guard let name = t.name, case .prometheus(let series, _, _) = t.kind else { continue }
            let reading = read(t, series: series, totals: totals, now: now)
            guard let v = reading.reported else {
                let why = reading == .warmingUp ? "metrics pipeline still warming up" : "no value, composite metric failed"
                return (nil, "\(name): \(why)")
            }
            values[name] = v
        }
        do {
            let v = try modifiers.formula.value(values)
            return (v, "formula \(v.formatted3) (target \(modifiers.target.formatted3))")
        } catch {
            return (nil, "formula: \(error)")
        }
    }

    /// One polling tick with `scalingModifiers`: the ScaledObject is active when the
    /// composite value is above `activationTarget`; an error leaves it as it is. The
    /// scale-to-zero and idle rules are those of `poll`.
    mutating func pollComposite(_ modifiers: ScaledObjectSpec.ScalingModifiers, now: SimInstant, specReplicas: Int32,
                                totals: [String: Double]) -> (replicas: Int32, reason: String)? {
        let (value, what) = compositeValue(modifiers, totals: totals, now: now)
        guard let value else { return nil }
        return applyActivity(value > modifiers.activationTarget, isError: false, warmingUp: false, now: now,
                             specReplicas: specReplicas,
                             what: "\(what) \(value > modifiers.activationTarget ? ">" : "≤") activationTarget \(modifiers.activationTarget.formatted3)")
    }
}

extension Double {
    /// Three decimals at most, trailing zeros dropped (`1.5`, `2`), for decision reasons.
    var formatted3: String {
        let r = (self * 1000).rounded() / 1000
        return r == r.rounded() && Swift.abs(r) < 1e15 ? String(Int64(r)) : String(r)
    }
}
