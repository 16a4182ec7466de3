import HindsightScenario
import HindsightTrace

extension PolicyRunner {
    /// A HorizontalPodAutoscaler: initial replicas = workload.initialReplicas, else the
    /// first recorded replicas, else minReplicas.
    static func runHPA(_ policy: PolicySpec, _ hpa: HPASpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        let sc = setup.scenario
        autoscalerWarnings(target: hpa.target, period: sc.kubernetes.syncPeriod, setup: setup, into: &warnings)
        for case .containerResource(let r, let container, _) in hpa.metrics {
            warnings.append("ContainerResource \(r.rawValue) of container '\(container)' is read as the whole pod's \(r.rawValue) against the pod's request: the scenario has no per-container requests")
        }
        let initial = initialReplicas(setup, minimum: Int(hpa.minReplicas))
        let c = HPAPolicyController(spec: hpa, scenario: sc, initialReplicas: Int32(clamping: initial), start: setup.trace.start)
        return try finish(policy, setup: setup, controller: c, initial: initial, seriesNames: c.builder.seriesNames, warnings: &warnings)
    }

    /// A KEDA ScaledObject: initial replicas = workload.initialReplicas, else the first
    /// recorded replicas, else minReplicaCount.
    static func runKEDA(_ policy: PolicySpec, _ so: ScaledObjectSpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        let sc = setup.scenario
        autoscalerWarnings(target: so.target, period: min(sc.kubernetes.syncPeriod, max(.seconds(1), so.pollingInterval)), setup: setup, into: &warnings)
        let initial = initialReplicas(setup, minimum: Int(so.minReplicaCount))
        let c = KEDAPolicyController(spec: so, scenario: sc, initialReplicas: Int32(clamping: initial), start: setup.trace.start)
        return try finish(policy, setup: setup, controller: c, initial: initial, seriesNames: c.builder.seriesNames, warnings: &warnings)
    }
}
