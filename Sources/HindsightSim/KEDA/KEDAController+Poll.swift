import HindsightTrace
import HindsightScenario

extension KEDAController {
    /// One polling tick (`checkScalers` → `RequestScale`, HPA.md §10.4).
    ///
    /// Activity: a prometheus trigger is active when its value is **>** its
    /// activationThreshold; a cron trigger inside its [start, end) window; cpu/memory
    /// triggers are not asked, but a ScaledObject with only cpu/memory triggers is always
    /// active. A prometheus trigger without a sample reads 0 (`ignoreNullValues`, the
    /// default), is an error with `ignoreNullValues: false`, and is neither while the
    /// pipeline warms up (then an inactive poll never scales to zero or idle). An invalid
    /// cron is an error.
    /// An erroring trigger whose fallback is in force (KEDA ≥ 2.19, HPA.md Corrections 2)
    /// is active and error-free instead, so it activates from 0 and refreshes
    /// lastActiveTime; with `fallback.replicas: 0` it is inactive and error-free.
    ///
    /// Then: active and (replicas == 0, or idle mode and replicas < min) → max(min, 1) and
    /// lastActiveTime = now; active with an erroring trigger → nothing; active otherwise →
    /// lastActiveTime = now (1 ↔ N is the HPA's job). Inactive with an error → nothing.
    /// Inactive and (idle set and replicas > idle, or replicas > 0 and min == 0) → idle (or
    /// min) on the first tick **strictly after** lastActiveTime + cooldownPeriod (never
    /// active: creation + initialCooldownPeriod), else cooldown. Inactive, no idle and
    /// replicas < min → min.
    /// - Parameters:
    ///   - now: tick instant.
    ///   - specReplicas: the workload's spec replicas.
    ///   - totals: the named series' current values (real units).
    /// - Returns: the new spec replicas and why, or nil when KEDA leaves them alone.
    public mutating func poll(now: SimInstant, specReplicas: Int32, totals: [String: Double]) -> (replicas: Int32, reason: String)? {
        if let modifiers = spec.scalingModifiers {
            return pollComposite(modifiers, now: now, specReplicas: specReplicas, totals: totals)
        }
        var active = false
        var isError = false
        var warmingUp = false
        var nonResource = 0
        var seen: [String] = []
        for (i, t) in spec.triggers.enumerated() {
            switch t.kind {
            case .resource:
                continue
            case .prometheus(let series, _, let activation):
                nonResource += 1
                let reading = read(t, series: series, totals: totals, now: now)
                if let v = reading.reported {
                    resetFailure(i)
                    let on = v > activation
                    active = active || on
                    let shown = reading == .empty ? "no sample (read as 0)" : "\(v)"
                    seen.append("\(series) \(shown) \(on ? ">" : "≤") activation \(activation)")
                } else if reading == .warmingUp {
                    warmingUp = true
                    seen.append("\(series): metrics pipeline still warming up")
                } else {
                    bumpFailure(i)
                    if let fb = activeFallback(i, trigger: t) {
                        // KEDA ≥ 2.19: a trigger in fallback is active and error-free, unless
                        // fallback.replicas is 0, which falls through to scale-to-zero.
                        active = active || fb.replicas > 0
                        seen.append("\(series): no value, in fallback to \(fb.replicas) replicas (\(fb.replicas > 0 ? "active" : "inactive"))")
                    } else {
                        isError = true
                        seen.append("\(series): no value")
                    }
                }
            case .cron(_, _, _, let desired):
                nonResource += 1
                guard let on = cronActive(i, now) else {
                    bumpFailure(i); isError = true; seen.append("cron: invalid"); continue
                }
                resetFailure(i)
                active = active || on
                seen.append(on ? "cron window open (desired \(desired))" : "cron window closed")
            }
        }
        if nonResource == 0 && !isError {
            active = true
            seen.append("only cpu/memory triggers: always active")
        }
        return applyActivity(active, isError: isError, warmingUp: warmingUp, now: now, specReplicas: specReplicas,
                             what: seen.joined(separator: ", "))
    }

    /// What a polling tick does once activity is known (`poll`'s second half);
    /// `warmingUp`: some trigger had no value yet because the pipeline is filling.
    mutating func applyActivity(_ active: Bool, isError: Bool, warmingUp: Bool, now: SimInstant, specReplicas: Int32,
                                what: String) -> (replicas: Int32, reason: String)? {
        let minCount = spec.minReplicaCount
        let idle = spec.idleReplicaCount
        if active {
            if specReplicas == 0 || (idle != nil && specReplicas < minCount) {
                let to = minCount > 0 ? minCount : 1
                lastActiveTime = now
                return to == specReplicas ? nil : (to, "KEDA activation: \(what) → \(specReplicas) to \(to)")
            }
            if !isError { lastActiveTime = now }
            return nil
        }
        if isError { return nil }
        // Nothing known yet (warm-up) is no evidence of inactivity: no scale to zero or idle.
        // Raising to minReplicaCount below stays right whether the trigger is active or not.
        if !warmingUp, let idleCount = idle, specReplicas > idleCount {
            return scaleToZeroOrIdle(now: now, specReplicas: specReplicas, to: idleCount, what: what)
        }
        if !warmingUp, idle == nil, specReplicas > 0, minCount == 0 {
            return scaleToZeroOrIdle(now: now, specReplicas: specReplicas, to: 0, what: what)
        }
        if idle == nil, specReplicas < minCount {
            return (minCount, "KEDA: inactive, \(specReplicas) below minReplicaCount → \(minCount)")
        }
        return nil
    }

    /// `scaleToZeroOrIdle`: only once the cooldown has passed strictly.
    private func scaleToZeroOrIdle(now: SimInstant, specReplicas: Int32, to: Int32,
                                   what: String) -> (replicas: Int32, reason: String)? {
        let cooled: Bool
        let since: String
        if let last = lastActiveTime {
            cooled = last.addingSaturating(spec.cooldownPeriod) < now
            since = "last active \(last.unixMilliseconds) ms + cooldown \(spec.cooldownPeriod.wholeSeconds) s"
        } else {
            cooled = created.addingSaturating(spec.initialCooldownPeriod) < now
            since = "created \(created.unixMilliseconds) ms + initialCooldown \(spec.initialCooldownPeriod.wholeSeconds) s"
        }
        guard cooled, to != specReplicas else { return nil }
        return (to, "KEDA deactivation: \(what); \(since) passed → \(specReplicas) to \(to)")
    }

    /// Evaluates cron trigger `i` at `now` (nil if invalid).
    mutating func cronActive(_ i: Int, _ now: SimInstant) -> Bool? {
        guard i < crons.count, var c = crons[i] else { return nil }
        let a = c.isActive(at: now)
        crons[i] = c
        return a
    }

    mutating func bumpFailure(_ i: Int) {
        if i < failures.count { failures[i] = failures[i] &+ (failures[i] < Int32.max ? 1 : 0) }
    }

    mutating func resetFailure(_ i: Int) {
        if i < failures.count { failures[i] = 0 }
    }
}
