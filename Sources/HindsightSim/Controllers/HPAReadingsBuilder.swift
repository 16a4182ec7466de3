import HindsightTrace
import HindsightScenario

/// Turns what the pipeline shows (``ControllerContext``) into the HPA's view: the pods
/// and per-pod readings of the metrics APIs (HPA.md §12). The pod buffer is kept between
/// syncs and refilled in place; per-pod values use the compact ``HPAPodValues/uniform(_:)``.
///
/// - cpu: the CPU served per ready pod, in whole **nanocores** (rounded to nearest),
///   read as millicores rounded up (`Quantity.MilliValue`).
/// - memory: the trace's `memory` total spread evenly over ready pods, whole bytes, ×1000.
/// - Pods metrics: the named series' total spread evenly over ready pods, rounded to
///   nano-units, read as milli-units rounded up.
/// Pending pods have no sample. Every ready pod reports the same per-pod value,
/// the pipeline's mean of (served CPU ÷ ready pods) over `[t − lag − window, t − lag)`;
/// a pod that became ready after that sample is excluded by the HPA's CPU readiness
/// rule (`sampleTime = t − lag`, `sampleWindow = window`).
///
/// A Running-not-Ready pod (HPA.md, Corrections 8) has a sample once its container has
/// been up for a whole window by the sample's time (`runningAt ≤ t − lag − window`),
/// before that it is *missing*. The Service sends it no traffic, so it reports 0 cpu and
/// 0 of every Pods series; its memory is the ready pods' per-pod value (a process holds
/// its memory from the start).
struct HPAReadingsBuilder {
    let needsCPU: Bool
    let needsMemory: Bool
    /// Series of Pods metrics (per-pod values).
    let podSeries: [String]
    /// Series read as totals (Object/External metrics, KEDA triggers).
    let totalSeries: [String]
    var pods: [HPAPod] = []
    var readings = HPAReadings()
    /// The summary of `pods`, rebuilt with them (nil when `summarizesPods` is off).
    private(set) var podSummary: HPAPodSummary?
    /// Build `podSummary` (on by default; tests turn it off to check that the syncs
    /// that use it — the O(1) tally and ``HPAController/syncSteady(now:specReplicas:statusReplicas:pods:readings:podSummary:)``
    /// — decide exactly as the full reconcile that visits every pod).
    var summarizesPods = true
    /// The workload has a Running-not-Ready phase (`readinessDelay > 0`); without one the
    /// compact `.uniform` form says the same as the others.
    let runningPhase: Bool
    /// Container start to Ready, as the fleet clamps it (at most startupDelay).
    let readinessDelay: SimDuration
    let window: SimDuration
    let lag: SimDuration
    /// ``ControllerContext/podsVersion`` that `pods` was built from (-1 = none).
    private var podsVersion = -1

    init(metrics: [HPAMetricSpec], extraTotals: [String], workload: WorkloadSpec, pipeline: MetricsPipelineSpec) {
        var cpu = false, mem = false, perPod: [String] = [], totals = extraTotals
        for m in metrics {
            switch m {
            case .resource(let r, _), .containerResource(let r, _, _):
                if r == .cpu { cpu = true } else { mem = true }
            case .pods(let s, _):
                if !perPod.contains(s) { perPod.append(s) }
            case .object(let s, _), .external(let s, _):
                if !totals.contains(s) { totals.append(s) }
            }
        }
        needsCPU = cpu; needsMemory = mem; podSeries = perPod; totalSeries = totals
        readinessDelay = min(SimLimits.duration(workload.readinessDelay), SimLimits.duration(workload.startupDelay))
        runningPhase = readinessDelay > .zero
        window = max(.zero, pipeline.window); lag = max(.zero, pipeline.lag)
        readings.cpuRequestMilli = HPAQuantity.milli(fromReal: workload.cpuRequest)
        if workload.memoryRequest > 0 { readings.memoryRequestMilli = HPAQuantity.saturatingInt64((workload.memoryRequest * 1000).rounded()) }
        readings.sampleWindow = window
    }

    /// Every named series this builder reads through the pipeline.
    var seriesNames: [String] { podSeries + totalSeries.filter { !podSeries.contains($0) } }

    /// Milli-units of a real per-pod value via whole nano-units, rounded up; nil for NaN.
    @inline(__always)
    static func milliViaNano(_ v: Double) -> Int64? {
        guard v.isFinite else { return nil }
        let nano = HPAQuantity.roundedSaturatingInt64(max(0, v) * 1e9)
        return nano / 1_000_000 + (nano % 1_000_000 == 0 ? 0 : 1)
    }

    /// The HPA's view of one pod: container start once Running, Ready transition once Ready.
    @inline(__always)
    static func hpaPod(_ p: Pod, readinessDelay: SimDuration) -> HPAPod {
        HPAPod(created: p.created, runningAt: p.phase == .pending ? nil : p.readyAt - readinessDelay,
               readyAt: p.isReady ? p.readyAt : nil)
    }

    /// The builder reads the cpu metric and nothing else (no memory, Pods or
    /// Object/External series): ``updateSampleTime(now:podsVersion:)`` and the cpu
    /// samples are then all of ``update(from:)`` for an unchanged pod list.
    var readsOnlyCPU: Bool { needsCPU && !needsMemory && podSeries.isEmpty && totalSeries.isEmpty }

    /// Every ready pod reports `v` cores (the pipeline's reading) as whole millicores; a
    /// Running-not-Ready pod with a sample reports 0.
    @inline(__always)
    mutating func setCPU(_ v: Double) { readings.cpu = cpuValues(v) }

    /// The cpu samples of ``setCPU(_:)``.
    @inline(__always)
    func cpuValues(_ v: Double) -> HPAPodValues {
        runningPhase && v.isFinite ? .uniformNotReadyZero(Self.milliViaNano(v)) : .uniform(Self.milliViaNano(v))
    }

    /// What ``update(from:)`` does for a context at `now` whose pods are those of the
    /// previous update (fleet version `podsVersion`), when ``readsOnlyCPU``, but for the cpu
    /// samples: the caller hands them to the sync and stores them (``setCPU(_:)``) only
    /// when it needs the whole readings. Returns false, changing nothing, when the pods
    /// are not those of the previous update.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func updateSampleTime(now: SimInstant, podsVersion version: Int) -> Bool {
        guard version >= 0, version == podsVersion else { return false }
        readings.sampleTime = now - lag
        return true
    }

    /// Refills `pods` and `readings` from the context.
    @inline(__always)
    mutating func update(from c: ControllerContext) {
        let source = c.pods
        let n = source.count
        let d = readinessDelay
        if c.podsVersion >= 0, c.podsVersion == podsVersion, pods.count == n {
            // Same pod list as at the previous sync: `pods` (and its summary) is already what it would be.
        } else {
            if pods.count != n {
                pods.removeAll(keepingCapacity: true)
                pods.reserveCapacity(n)
                for p in source { pods.append(Self.hpaPod(p, readinessDelay: d)) }
            } else {
                pods.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        let p = source[i]
                        out[i] = Self.hpaPod(p, readinessDelay: d)
                    }
                }
            }
            podSummary = summarizesPods ? HPAPodSummary(pods) : nil
        }
        podsVersion = c.podsVersion
        readings.sampleTime = c.now - lag
        var ready = 0
        if !podSeries.isEmpty { for p in c.pods where p.isReady { ready += 1 } }
        // Every ready pod reports the same value; a Running-not-Ready pod with a sample 0
        // (cpu, Pods series) or the ready pods' value (memory). `.uniform` when no pod is
        // ever Running-not-Ready, or when there is no data at all.
        if needsCPU { setCPU(c.cpuPerPodCores) }
        if needsMemory {
            let b = c.memoryPerPodBytes
            let each = b.isFinite ? HPAQuantity.saturatingInt64((max(0, b)).rounded() * 1000) : nil
            readings.memory = runningPhase ? .uniformRunning(each) : .uniform(each)
        }
        for s in podSeries {
            let total = c.seriesTotals[s] ?? .nan
            let each = ready > 0 ? Self.milliViaNano(total / Double(ready)) : nil
            readings.setValues(runningPhase && total.isFinite ? .uniformNotReadyZero(each) : .uniform(each), for: s)
        }
        for s in totalSeries {
            if let v = c.seriesTotals[s], v.isFinite { readings.totals[s] = v } else { readings.totals[s] = nil }
        }
    }
}
