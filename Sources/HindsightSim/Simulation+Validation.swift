import HindsightScenario
import HindsightTrace

extension Simulation {
    /// Checks that the trace can drive `policy`.
    /// - Throws: `InputMessage` at the policy's (or metric's) file:line:col.
    static func validate(_ policy: PolicySpec, setup: RunSetup) throws {
        let trace = setup.trace
        let at = policy.location.map { "\($0): " } ?? "\(setup.scenario.file): "
        let available = trace.seriesNames.joined(separator: ", ")
        for ref in policy.seriesReferences where trace.series[ref.name] == nil {
            let place = ref.location.map { "\($0): " } ?? at
            throw InputMessage("\(place)policy '\(policy.name)' reads series '\(ref.name)', which the trace \(trace.source) does not have; expected one of: \(available) (or add it to spec.trace.columns)")
        }
        switch policy.kind {
        case .observed:
            guard trace.series["replicas"] != nil else {
                throw InputMessage("\(at)policy 'observed' replays the recorded replicas, but the trace \(trace.source) has no `replicas` series (series: \(available)); expected a replicas column")
            }
        case .fixed(let n):
            guard n >= 0, n <= SimLimits.maxReplicas else {
                throw InputMessage("\(at)static replicas \(n); expected a count from 0 to \(SimLimits.maxReplicas)")
            }
        case .hpa(let hpa):
            if let problem = setup.scenario.kubernetes.scaleToZeroProblem(policy) {
                throw InputMessage("\(at)\(problem.found); expected \(problem.expected)")
            }
            for m in hpa.metrics { try validateMetric(m, policy: policy, at: at, setup: setup) }
        case .scaledObject(let so):
            guard !so.triggers.isEmpty else {
                throw InputMessage("\(at)ScaledObject '\(so.name)' has no triggers; expected at least one entry in spec.triggers")
            }
            for t in so.triggers {
                switch t.kind {
                case .resource(let r, _):
                    if r == .memory { try requireMemory(policy: policy, at: at, setup: setup) }
                case .prometheus(let name, _, _):
                    guard trace.series[name] != nil else {
                        throw InputMessage("\(at)ScaledObject '\(so.name)' trigger reads series '\(name)', which the trace does not have; expected one of: \(available)")
                    }
                case .cron:
                    break
                }
            }
        case .aiOptimization(let ai):
            if case .hosted(let model) = ai.model, setup.strict {
                let at = ai.modelRefLocation.map { "\($0): " } ?? at
                throw InputMessage("\(at)AIOptimizationPolicy '\(ai.name)': aiAgent.modelRef '\(model)' is a hosted model that cannot run offline (--strict); expected none, ewma, linear, holt-winters, seasonal-naive or exec:COMMAND")
            }
            guard ai.minReplicas <= ai.maxReplicas, ai.maxReplicas <= SimLimits.maxReplicas else {
                throw InputMessage("\(at)AIOptimizationPolicy '\(ai.name)': minReplicas \(ai.minReplicas), maxReplicas \(ai.maxReplicas); expected 0 ≤ min ≤ max ≤ \(SimLimits.maxReplicas)")
            }
        case .exec(let e):
            guard !e.command.isEmpty, e.minReplicas <= e.maxReplicas, e.maxReplicas <= SimLimits.maxReplicas else {
                throw InputMessage("\(at)exec policy '\(policy.name)': expected a command and 0 ≤ minReplicas ≤ maxReplicas ≤ \(SimLimits.maxReplicas)")
            }
        case .replay:
            break
        case .registered(let spec):
            try PolicyRunner.simulated(spec, policy: policy).validate(policy, setup: setup)
        }
    }

    static func validateMetric(_ m: HPAMetricSpec, policy: PolicySpec, at: String, setup: RunSetup) throws {
        let available = setup.trace.seriesNames.joined(separator: ", ")
        switch m {
        case .resource(let r, _), .containerResource(let r, _, _):
            if r == .memory { try requireMemory(policy: policy, at: at, setup: setup) }
        case .pods(let s, _), .object(let s, _), .external(let s, _):
            guard setup.trace.series[s] != nil else {
                throw InputMessage("\(at)policy '\(policy.name)' metric reads series '\(s)', which the trace does not have; expected one of: \(available)")
            }
        }
    }

    static func requireMemory(policy: PolicySpec, at: String, setup: RunSetup) throws {
        guard setup.memory != nil else {
            throw InputMessage("\(at)policy '\(policy.name)' scales on memory, but the trace has no `memory` series (series: \(setup.trace.seriesNames.joined(separator: ", "))); expected a memory_bytes column")
        }
        guard setup.scenario.workload.memoryRequest > 0 else {
            throw InputMessage("\(setup.scenario.file): spec.workload.memoryRequest: 0; expected a memory request (e.g. 1Gi) for policy '\(policy.name)' that scales on memory utilization")
        }
    }
}
