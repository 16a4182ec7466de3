import HindsightScenario
import HindsightTrace

extension Simulation {
    /// Binds every KEDA Prometheus trigger to the series it reads (SEMANTICS.md §5): by
    /// the trigger's `name` when the trace has that series, else by its `metadata.query`
    /// text (`spec.trace.columns` may name a column by the query). A policy whose
    /// triggers already match, or match neither way, is returned unchanged (validation
    /// then names the missing series).
    /// - Complexity: O(triggers) per policy.
    static func bindSeries(_ policy: PolicySpec, trace: Trace) -> PolicySpec {
        guard case .scaledObject(var so) = policy.kind else { return policy }
        var changed = false
        for k in so.triggers.indices {
            guard case .prometheus(let name, let threshold, let activation) = so.triggers[k].kind,
                  trace.series[name] == nil, let query = so.triggers[k].query,
                  trace.series[query] != nil else { continue }
            so.triggers[k].kind = .prometheus(series: query, threshold: threshold, activationThreshold: activation)
            changed = true
        }
        guard changed else { return policy }
        var bound = policy
        bound.kind = .scaledObject(so)
        bound.seriesReferences = policy.seriesReferences.map { ref in
            guard trace.series[ref.name] == nil, let alternative = ref.alternative, trace.series[alternative] != nil else { return ref }
            var r = ref
            r.name = alternative
            r.alternative = nil
            return r
        }
        return bound
    }
}
