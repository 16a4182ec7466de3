import HindsightTrace
import HindsightScenario

extension ControllerAction {
    /// The action of an HPA sync (a plain HPA's or a ScaledObject's): the outcome's desired
    /// count with its reason, and the metric error in parentheses when there was one; nil
    /// when the sync keeps `specReplicas`.
    init?(_ outcome: HPASyncOutcome, specReplicas: Int32) {
        guard outcome.desired != specReplicas else { return nil }
        self.init(desired: outcome.desired, reason: outcome.error.map { "\(outcome.reason) (\($0))" } ?? outcome.reason)
    }
}

extension ControllerTimer {
    /// The HPA sync loop: at `start`, then every `kubernetes.syncPeriod`.
    static func hpaSync(start: SimInstant, kubernetes: KubernetesSpec) -> ControllerTimer {
        ControllerTimer(first: start, period: kubernetes.syncPeriod)
    }
}
