import HindsightTrace

/// What a controller may look at when it ticks: the clock, the scale subresource, the
/// pods, and metrics through the pipeline (SEMANTICS.md §3) — never the true load.
struct ControllerContext {
    /// The instant the timer fires.
    var now: SimInstant
    /// The trace step containing `now`.
    var stepIndex: Int
    /// Grid carbon intensity now, gCO2e/kWh.
    var carbonIntensity: Double = .nan
    /// Worst modelled p99 latency (seconds) since this timer last fired; `.nan` = none.
    var latencySinceLastTick: Double = .nan
    /// `scale.spec.replicas`: the count last asked for.
    var specReplicas: Int32
    /// `scale.status.replicas`: pods that exist (starting or ready).
    var statusReplicas: Int32
    /// Existing pods, oldest first. Read-only for controllers: the engine keeps it between
    /// ticks while ``podsVersion`` is unchanged.
    var pods: [Pod]
    /// The fleet's pod-list version (``Fleet/version``): the same value means the same
    /// `pods` as at the previous tick; -1 = unknown (always re-read `pods`).
    var podsVersion: Int = -1
    /// CPU cores served per ready pod, as seen through the pipeline; `.nan` = no data.
    var cpuPerPodCores: Double
    /// Memory bytes per ready pod as seen (trace `memory` spread over ready pods); `.nan` = none.
    var memoryPerPodBytes: Double
    /// Named series as seen (totals), for every series the policy references.
    var seriesTotals: [String: Double]
}
