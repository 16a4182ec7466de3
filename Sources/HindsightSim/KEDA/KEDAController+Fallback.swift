import HindsightTrace
import HindsightScenario

extension KEDAController {
    /// Reads prometheus trigger `t` (bound to `series`) from the pipeline's totals at `now`.
    ///
    /// A finite total is a value. No value inside the first `metricsWarmUp` of the run is
    /// warm-up (not an error); later it is an empty query result: `.empty` (0, inactive)
    /// when the trigger's `ignoreNullValues` is true (KEDA's default), `.failed` otherwise.
    func read(_ t: KEDATrigger, series: String, totals: [String: Double], now: SimInstant) -> KEDAScalerReading {
        if let v = totals[series], v.isFinite { return .value(v) }
        if now < created.addingSaturating(metricsWarmUp) { return .warmingUp }
        return t.ignoreNullValues ? .empty : .failed
    }

    /// The fallback in force for trigger `i` (`GetMetricsWithFallback`): configured and
    /// valid (threshold and replicas ≥ 0), the trigger's target is AverageValue (KEDA
    /// falls back for AverageValue External metrics only), and its consecutive failures
    /// exceed `failureThreshold`. Nil otherwise.
    func activeFallback(_ i: Int, trigger t: KEDATrigger) -> ScaledObjectSpec.Fallback? {
        guard let fb = spec.fallback, t.metricType == .averageValue, fb.failureThreshold >= 0, fb.replicas >= 0,
              i < failures.count, failures[i] > fb.failureThreshold else { return nil }
        return fb
    }

    /// `doFallback` (static behavior, KEDA ≥ 2.14): the synthetic value in milli-units,
    /// `int64(target × 1000 × fallback.replicas)` with the HPA target exactly as KEDA
    /// wrote it (`kedaMilli(threshold)`), never rounded to whole units first. Since the
    /// target is a whole number of milli-units the product is exact, so the HPA's
    /// AverageValue math (ceil(value / target)) yields exactly `fallback.replicas`.
    /// - Returns: the value, or nil when no fallback is in force for trigger `i`.
    func fallbackValue(_ i: Int, trigger t: KEDATrigger, threshold: Double) -> Int64? {
        guard let fb = activeFallback(i, trigger: t) else { return nil }
        return HPAQuantity.mul(HPAQuantity.kedaMilli(threshold), Int64(fb.replicas))
    }
}
