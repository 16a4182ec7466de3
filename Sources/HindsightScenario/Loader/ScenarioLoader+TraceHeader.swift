import HindsightTrace

extension ScenarioLoader {
    /// Records every series a policy of `scenario` needs that the trace file's header does
    /// not offer: the series its metrics and triggers name (or their alternative binding),
    /// and `memory` for a memory metric or trigger. Nothing when the header cannot be read
    /// (a dataset store source, an unreadable file: `run` reports those).
    /// - Complexity: O(policies × references) after reading one line.
    static func checkTraceHeader(_ scenario: Scenario, context: YAMLDecodingContext) {
        guard let available = TraceHeader.availableSeries(scenario.trace) else { return }
        let listed = available.sorted().joined(separator: ", ")
        for policy in scenario.policies {
            for ref in policy.seriesReferences where !available.contains(ref.name) && !(ref.alternative.map(available.contains) ?? false) {
                context.record(at: ref.location ?? policy.location,
                               "policy '\(policy.name)' reads series '\(Excerpt.of(ref.name))', which the trace's header does not have",
                               expected: "one of \(listed), or a key of spec.trace.columns naming a column of the trace")
            }
            if policy.readsMemory, !available.contains("memory") {
                context.record(at: policy.location, "policy '\(policy.name)' scales on memory, but the trace's header has no memory column",
                               expected: "a \(scenario.trace.columns["memory"] ?? "memory_bytes") column (spec.trace.columns.memory)")
            }
        }
    }
}

extension PolicySpec {
    /// Whether the policy reads the workload's memory (an HPA memory metric, a KEDA memory trigger).
    var readsMemory: Bool {
        switch kind {
        case .hpa(let h):
            return h.metrics.contains { m in
                switch m {
                case .resource(.memory, _), .containerResource(.memory, _, _): true
                default: false
                }
            }
        case .scaledObject(let so):
            return so.triggers.contains { if case .resource(.memory, _) = $0.kind { true } else { false } }
        default:
            return false
        }
    }
}
