import HindsightTrace
import HindsightScenario

extension KEDAController {
    /// One sync of the HPA KEDA created (see `hpaSpec(for:)`): min = max(minReplicaCount, 1)
    /// so it is disabled at spec 0; legacy path unless `behavior` is given.
    ///
    /// KEDA's metrics server answers each External metric live: a prometheus trigger
    /// reports `readings.totals[series]` formatted `%.3f` (negatives → 0; no sample → see
    /// `read`: 0 by default, nothing while the pipeline warms up, an error with
    /// `ignoreNullValues: false`); a cron
    /// trigger reports desiredReplicas while its window is open and 0 otherwise (KEDA ≥ 2.18),
    /// against a target of 1, so the HPA proposes ceil(value / 1) = desiredReplicas (or 0,
    /// raised to the minimum) unless value / status is inside the tolerance band (then status).
    /// A failing trigger counts consecutive failures; with `fallback`, once failures
    /// exceed `failureThreshold` an AverageValue trigger reports target × fallback.replicas
    /// (exact milli-units, `fallbackValue`), which makes the HPA propose fallback.replicas.
    /// - Parameters: as `HPAController.sync` (including `explain`); `readings.totals` holds
    ///   the series values.
    /// - Returns: the HPA's outcome.
    public mutating func sync(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod],
                              readings: HPAReadings, explain: Bool = true) -> HPASyncOutcome {
        let h = hpa.spec
        let queries = specReplicas != 0 && specReplicas <= h.maxReplicas && specReplicas >= h.minReplicas
        var external: [String: Int64] = [:]
        var notes: [String] = []
        if queries, let modifiers = spec.scalingModifiers {
            let (value, what) = compositeValue(modifiers, totals: readings.totals, now: now)
            if let value { external[Self.compositeMetricName] = HPAQuantity.kedaMilli(value) } else { notes.append(what) }
        } else if queries {
            for (i, t) in spec.triggers.enumerated() {
                let key = Self.externalMetricName(index: i, trigger: t)
                switch t.kind {
                case .resource:
                    continue
                case .prometheus(let series, let threshold, _):
                    let reading = read(t, series: series, totals: readings.totals, now: now)
                    if let v = reading.reported {
                        resetFailure(i)
                        external[key] = HPAQuantity.kedaMilli(v)
                        if reading == .empty { notes.append("\(series): no sample, read as 0 (ignoreNullValues)") }
                    } else if reading == .failed {
                        bumpFailure(i)
                        if let fb = fallbackValue(i, trigger: t, threshold: threshold) {
                            external[key] = fb
                            notes.append("\(series): no value, fallback to \(spec.fallback?.replicas ?? 0) replicas")
                        }
                    }
                case .cron:
                    if i < crons.count, var c = crons[i], let value = c.value(at: now) {
                        crons[i] = c
                        resetFailure(i)
                        external[key] = value * 1000
                    } else {
                        bumpFailure(i)
                    }
                }
            }
        }
        var out = hpa.reconcile(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas, pods: pods,
                                readings: readings, external: external, explain: explain)
        if !notes.isEmpty, explain || out.desired != specReplicas { out.reason = notes.joined(separator: "; ") + "; " + out.reason }
        return out
    }
}
