import HindsightTrace

/// One charge of the FOCUS export: what one policy would have cost over one hour of the
/// trace (`focus.csv`, FOCUS 1.1 columns). Amounts in USD, quantities in their units.
public struct FocusRow: Sendable, Equatable {
    /// The policy's display name and kind, as in `summary.json`.
    public var policy: String
    public var policyKind: String
    /// Inclusive start and exclusive end of the charge period, ms since epoch: the first
    /// step of the hour and the end of its last step.
    public var periodStart: Int64
    public var periodEnd: Int64
    /// USD at the prices in force (price series applied): BilledCost and EffectiveCost.
    public var billedCost: Double
    /// USD at list prices (price multiplier 1): ListCost and ContractedCost.
    public var listCost: Double
    /// Billed pods × time, pod-hours: ConsumedQuantity.
    public var podHours: Double

    public init(policy: String, policyKind: String, periodStart: Int64, periodEnd: Int64,
                billedCost: Double, listCost: Double, podHours: Double) {
        self.policy = policy; self.policyKind = policyKind
        self.periodStart = periodStart; self.periodEnd = periodEnd
        self.billedCost = billedCost; self.listCost = listCost; self.podHours = podHours
    }
}
