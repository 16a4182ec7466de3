/// How hindsight reads one KEDA scaler type that is not cpu, memory, prometheus or cron:
/// the trigger's value is a trace series (bound by the trigger's `name`, else by
/// `TYPE/IDENTITY`, e.g. `rabbitmq/orders`; `spec.trace.columns` may map either to a
/// column), compared with the target read from `targetKeys` as a prometheus threshold
/// is. One table (`KEDAScaler.table`) lists every type; the README prints it.
public struct KEDAScaler: Sendable, Equatable {
    /// The trigger `type`, e.g. `rabbitmq`.
    public let type: String
    /// Metadata keys holding the target, preferred first (`value`, then the deprecated `queueLength`).
    public let targetKeys: [String]
    /// The target KEDA uses when no target key is given; nil = one is required.
    public let defaultTarget: Double?
    /// The metadata key of the activation threshold (default 0).
    public let activationKey: String?
    /// The metadata keys naming what is measured (queue, topic…), first present wins,
    /// for the `TYPE/IDENTITY` series name of a trigger without `name`.
    public let identityKeys: [String]

    init(_ type: String, target: [String], default defaultTarget: Double? = nil, activation: String?, identity: [String] = []) {
        self.type = type; self.targetKeys = target; self.defaultTarget = defaultTarget
        self.activationKey = activation; self.identityKeys = identity
    }

    /// The scaler of trigger `type`, nil when the table has none.
    public static func named(_ type: String) -> KEDAScaler? { table.first { $0.type == type } }

    /// Trigger types refused with a reason: their target is not in the trigger.
    public static let refused: [String: String] = [
        "external": "an external scaler's target comes from the scaler's own GetMetricSpec over gRPC, not from the trigger's metadata",
        "external-push": "an external push scaler's target comes from the scaler's own GetMetricSpec over gRPC, not from the trigger's metadata",
    ]
}
