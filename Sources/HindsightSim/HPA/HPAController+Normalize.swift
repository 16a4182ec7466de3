import HindsightTrace
import HindsightScenario

extension HPAController {
    /// Legacy normalization (`normalizeDesiredReplicas`, HPA.md §6): the maximum of the raw
    /// proposal and the recommendations younger than the downscale-stabilization window
    /// (age < W), the raw proposal recorded (reusing a slot with age ≥ W), then
    /// `convertDesiredReplicasWithRules`: below min → min, else capped at
    /// min(max, int32(max(2·spec, 4))).
    /// The text is built when `explain` is set or the result differs from spec; else "".
    mutating func normalizeLegacy(now: SimInstant, specReplicas: Int32, raw: Int32,
                                  explain: Bool = true) -> (replicas: Int32, text: String) {
        let stabilization = kubernetes.downscaleStabilization
        // Entries with age ≥ W are outside the window and are also what recording drops.
        let stabilized = recommendations.dropOldThenMax(atLeast: raw, now: now, window: stabilization)
        recommendations.record(HPATimedRecommendation(replicas: raw, time: now), now: now) { $0 >= stabilization }
        let scaleUpLimit = HPAQuantity.saturatingInt32(max(2.0 * Double(specReplicas), 4.0).rounded(.towardZero))
        let maxAllowed = min(spec.maxReplicas, scaleUpLimit)
        var d = stabilized
        let belowMin = d < spec.minReplicas
        let aboveMax = !belowMin && d > maxAllowed
        if belowMin { d = spec.minReplicas } else if aboveMax { d = maxAllowed }
        guard explain || d != specReplicas else { return (d, "") }
        var text = stabilized != raw
            ? "downscale stabilization (\(stabilization.wholeSeconds) s) kept \(stabilized)" : "stabilized \(stabilized)"
        if belowMin {
            text += "; below minReplicas → \(d)"
        } else if aboveMax {
            text += spec.maxReplicas > scaleUpLimit
                ? "; scale-up limit max(2×\(specReplicas), 4) = \(scaleUpLimit) → \(d)"
                : "; maxReplicas → \(d)"
        }
        return (d, text)
    }

    /// Normalization with `behavior` (`normalizeDesiredReplicasWithBehaviors`, HPA.md §7):
    /// stabilization clamp(spec, up-window min, down-window max) with the raw proposal
    /// recorded, then the per-direction rate limits.
    /// The text is built when `explain` is set or the result differs from spec; else "".
    /// The behavior (`spec.behavior`) is read only when the rate limits or the text need it
    /// (a sync that keeps spec copies no behavior); its stabilization windows are those of
    /// the queues, built in `init`.
    @inline(__always)
    mutating func normalizeWithBehaviors(now: SimInstant, specReplicas: Int32,
                                         raw: Int32, explain: Bool = true) -> (replicas: Int32, text: String) {
        flushPendingKeep()
        // min/max over the recommendations younger than each window (monotone queues
        // fed with every recorded entry: the same values as a scan of the history).
        var upRec = raw
        var downRec = raw
        if let m = upWindow.value(now: now), m < upRec { upRec = m }
        if let m = downWindow.value(now: now), m > downRec { downRec = m }
        var stabilized = specReplicas
        if stabilized < upRec { stabilized = upRec }
        if stabilized > downRec { stabilized = downRec }
        // The windows are this path's recommendation history (`recommendations` is the legacy path's).
        let rec = HPATimedRecommendation(replicas: raw, time: now)
        upWindow.push(rec)
        downWindow.push(rec)
        // `convertWithBehaviorRate` returns (desired, .none) for desired == spec without reading the rules.
        if stabilized == specReplicas && !explain { return (stabilized, "") }
        return behaviorRate(now: now, specReplicas: specReplicas, raw: raw, stabilized: stabilized, explain: explain)
    }

    /// Pushes the pending recommendation of steady syncs that kept spec (``pendingKeep``)
    /// to both windows. Pushing only the last of a run of equal recommendations leaves the
    /// windows as pushing each did: every push of the run takes the slot of the one before
    /// (equal replicas are dominated), and the entries the syncs between would have let
    /// age out of the front still age out at the next read (reads come at later instants).
    @inline(__always)
    mutating func flushPendingKeep() {
        guard let p = pendingKeep else { return }
        upWindow.push(p)
        downWindow.push(p)
        pendingKeep = nil
    }

    /// The rest of ``normalizeWithBehaviors(now:specReplicas:raw:explain:)`` once the
    /// stabilized recommendation is known and the result may differ from spec (or is
    /// explained): the rate limits and the text. Out of line: a sync that keeps spec never
    /// comes here. `mutating` though it changes nothing: called from a mutating method, a
    /// non-mutating one got a copy of the whole controller (400 bytes) at each call.
    @inline(never)
    private mutating func behaviorRate(now: SimInstant, specReplicas: Int32, raw: Int32, stabilized: Int32,
                              explain: Bool) -> (replicas: Int32, text: String) {
        // The behavior's windows are those of the queues, built in `init`.
        let up = upWindow.window, down = downWindow.window
        let rate = convertWithBehaviorRate(rateBehavior, now: now, specReplicas: specReplicas, desired: stabilized)
        guard explain || rate.replicas != specReplicas else { return (rate.replicas, "") }
        var text: String
        if stabilized == raw {
            text = "stabilized \(stabilized)"
        } else if stabilized < raw {
            text = "scale-up stabilization (\(up.wholeSeconds) s) kept \(stabilized)"
        } else {
            text = "scale-down stabilization (\(down.wholeSeconds) s) kept \(stabilized)"
        }
        if let t = describe(rate.bound, rateBehavior) { text += "; " + t }
        return (rate.replicas, text)
    }

    /// The scale-up and scale-down stabilization windows of `b` (scale-down defaults to
    /// the controller's `--horizontal-pod-autoscaler-downscale-stabilization`).
    static func stabilizationWindows(_ b: HPABehavior, kubernetes: KubernetesSpec) -> (up: SimDuration, down: SimDuration) {
        (SimDuration.seconds(Int64(b.scaleUp.stabilizationWindowSeconds ?? 0)),
         b.scaleDown.stabilizationWindowSeconds.map { SimDuration.seconds(Int64($0)) } ?? kubernetes.downscaleStabilization)
    }

    /// What bounded a behavior-path result, for its text.
    enum RateBound {
        case none
        /// The scale-up policies' limit (below maxReplicas).
        case scaleUpRule(Int32)
        case maxReplicas
        /// The scale-down policies' limit (above minReplicas).
        case scaleDownRule(Int32)
        case minReplicas
    }

    /// The text of a bound ("scaleUp Max [Pods 4/15s, …] limit 8 → 8"), nil for none.
    func describe(_ bound: RateBound, _ b: HPABehavior) -> String? {
        switch bound {
        case .none: return nil
        case .scaleUpRule(let limit): return "scaleUp \(describe(b.scaleUp)) limit \(limit) → \(limit)"
        case .maxReplicas: return "maxReplicas → \(spec.maxReplicas)"
        case .scaleDownRule(let limit): return "scaleDown \(describe(b.scaleDown)) limit \(limit) → \(limit)"
        case .minReplicas: return "minReplicas → \(spec.minReplicas)"
        }
    }

    /// `convertDesiredReplicasWithBehaviorRate`: up → min(max, limit ≥ spec); down →
    /// max(min, limit ≤ spec).
    func convertWithBehaviorRate(_ b: HPABehavior, now: SimInstant, specReplicas: Int32,
                                 desired: Int32) -> (replicas: Int32, bound: RateBound) {
        if desired > specReplicas {
            var limit = scaleUpLimit(b.scaleUp, now: now, specReplicas: specReplicas)
            if limit < specReplicas { limit = specReplicas }
            let maxAllowed = min(spec.maxReplicas, limit)
            if desired > maxAllowed {
                return (maxAllowed, spec.maxReplicas > limit ? .scaleUpRule(limit) : .maxReplicas)
            }
        } else if desired < specReplicas {
            var limit = scaleDownLimit(b.scaleDown, now: now, specReplicas: specReplicas)
            if limit > specReplicas { limit = specReplicas }
            let minAllowed = max(spec.minReplicas, limit)
            if desired < minAllowed {
                return (minAllowed, spec.minReplicas < limit ? .scaleDownRule(limit) : .minReplicas)
            }
        }
        return (desired, .none)
    }

    /// `calculateScaleUpLimitWithScalingRules`: per policy, periodStart + value (Pods) or
    /// ceil(periodStart × (1 + value/100)) (Percent); Max takes the largest, Min the
    /// smallest, Disabled returns spec. No policies → the Int32 sentinel.
    func scaleUpLimit(_ rules: HPAScalingRules, now: SimInstant, specReplicas: Int32) -> Int32 {
        behaviourLimit(rules, now: now, specReplicas: specReplicas, up: true)
    }

    /// `calculateScaleDownLimitWithBehaviors`: per policy, periodStart − value (Pods) or
    /// truncate(periodStart × (1 − value/100)) (Percent); Max takes the smallest, Min the
    /// largest, Disabled returns spec. No policies → the Int32 sentinel.
    func scaleDownLimit(_ rules: HPAScalingRules, now: SimInstant, specReplicas: Int32) -> Int32 {
        behaviourLimit(rules, now: now, specReplicas: specReplicas, up: false)
    }

    /// The two functions above differ only in the sign of the step, the rounding of a
    /// percent (ceil up, truncate down) and which extreme `selectPolicy: Max` picks (the
    /// most permissive: the largest limit up, the smallest down).
    private func behaviourLimit(_ rules: HPAScalingRules, now: SimInstant, specReplicas: Int32, up: Bool) -> Int32 {
        if rules.selectPolicy == .disabled { return specReplicas }
        // Max is the most permissive policy; Min the most restrictive.
        let pickLargest = (rules.selectPolicy == .min) != up
        var result: Int32 = pickLargest ? Int32.min : Int32.max
        for p in rules.policies {
            let start = periodStart(p, now: now, specReplicas: specReplicas)
            let proposed: Int32
            switch (p.kind, up) {
            case (.pods, true): proposed = HPAQuantity.clampInt32(start + Int64(p.value))
            case (.pods, false): proposed = HPAQuantity.clampInt32(start - Int64(p.value))
            case (.percent, true): proposed = HPAQuantity.ceilInt32(Double(start) * (1 + Double(p.value) / 100))
            case (.percent, false): proposed = HPAQuantity.truncInt32(Double(start) * (1 - Double(p.value) / 100))
            }
            result = pickLargest ? max(result, proposed) : min(result, proposed)
        }
        return result
    }

    /// Replicas at the start of the policy's period: spec − (scale-ups with age < period)
    /// + (scale-downs with age < period).
    func periodStart(_ p: HPAScalingRules.Policy, now: SimInstant, specReplicas: Int32) -> Int64 {
        let period = SimDuration.seconds(Int64(p.periodSeconds))
        return Int64(specReplicas) - HPAScaleEventLog.changes(within: period, events.up, now: now)
            + HPAScaleEventLog.changes(within: period, events.down, now: now)
    }

    private func describe(_ rules: HPAScalingRules) -> String {
        let ps = rules.policies.map { "\($0.kind.rawValue) \($0.value)/\($0.periodSeconds)s" }.joined(separator: ", ")
        return "\(rules.selectPolicy.rawValue) [\(ps)]"
    }
}
