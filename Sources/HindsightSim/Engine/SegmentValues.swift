import HindsightTrace

/// What a segment's service implies once the fluid queue has served it: the CPU it
/// burns, what the metrics pipeline records, its modelled p99 and its facility energy
/// (SEMANTICS.md §§2–4). A pure function of the step, the span, the pod counts, the
/// work served and the backlog left (``SimulationEngine/advance(to:)`` adds the rest:
/// the fluid queue before it, the metrics pipeline and the sums after it).
struct SegmentValues {
    /// Cores: the requests' CPU plus the idle burn of the ready pods (0 without `CPUFit`).
    var servedCores: Double
    /// Cores per ready pod, as the metrics pipeline records it (`.nan` without ready pods or data).
    var cpu: Double
    /// Modelled p99 latency, seconds (`.nan` when no model applies).
    var latency: Double
    /// Facility energy, kWh.
    var kWh: Double

    /// The values of a segment of `span` in step `i` with `ready` ready and `billed` billed
    /// pods that served `served` work units and left `backlog` queued.
    /// - Parameter mmc: `setup.latency` when it is `mmc`, for a direct call.
    /// - Complexity: O(1) (the M/M/c wait from `setup.erlangC`, else O(ready)).
    @inline(__always)
    static func compute(setup: RunSetup, mmc: LatencyModelMMC?, step i: Int, span: SimDuration, ready: Int, billed: Int,
                        served: Double, backlog: Double) -> SegmentValues {
        let load = setup.load
        let seconds = span.seconds
        let servedCores = served * load.cpuPerWork[i] / seconds + load.idlePerPod[i] * Double(ready)
        // Missing trace steps report no metrics (SEMANTICS.md §1); starting pods never do.
        let cpu = ready > 0 && !load.missing[i] ? servedCores / Double(ready) : .nan
        // `mmc` never reads the utilization: it is computed for the other models only.
        let request = setup.scenario.workload.cpuRequest
        let utilization = mmc == nil && ready > 0 ? servedCores / (Double(ready) * request) * 100 : .nan
        let input = LatencyInput(ready: ready, arrivalRate: load.rate[i], podRate: load.podCapacity[i], backlog: backlog,
                                 utilizationPct: utilization, step: i)
        // The common model without the existential call (same function, inlined); a sweep
        // reads the M/M/c wait from the table its points share (the same values).
        let latency = mmc.map { $0.p99Seconds(input, table: setup.erlangC) } ?? setup.latency.p99Seconds(input)
        let watts = setup.power.watts(billedPods: billed, readyPods: ready, servedCores: servedCores)
        let kWh = setup.power.energyKWh(watts: watts, duration: span)
        return SegmentValues(servedCores: servedCores, cpu: cpu, latency: latency, kWh: kWh)
    }
}
