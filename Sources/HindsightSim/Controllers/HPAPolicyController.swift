import HindsightTrace
import HindsightScenario

/// A `HorizontalPodAutoscaler` in the simulator: the ``HPAController`` state machine,
/// synced at t0, t0 + syncPeriod, … (HPA.md §12).
struct HPAPolicyController: Controller {
    var hpa: HPAController
    var builder: HPAReadingsBuilder
    let timers: [ControllerTimer]
    /// The known utilizations that steady syncs left pending as keeps (``HPAController/leaveKeepPending(_:now:)``)
    /// for one pod list and spec: an interval (see ``KeepInterval``).
    var keeps = KeepInterval()
    /// Steady syncs answered from `keeps` (tests).
    var keepsRemembered = 0

    init(spec: HPASpec, scenario: Scenario, initialReplicas: Int32, start: SimInstant) {
        hpa = HPAController(spec: spec, kubernetes: scenario.kubernetes, initialReplicas: initialReplicas, start: start)
        builder = HPAReadingsBuilder(metrics: hpa.spec.metrics, extraTotals: [], workload: scenario.workload, pipeline: scenario.metrics)
        timers = [.hpaSync(start: start, kubernetes: scenario.kubernetes)]
    }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        builder.update(from: context)
        // The common sync in a few steps; any other state takes the full reconcile.
        if let out = hpa.syncSteady(now: context.now, specReplicas: context.specReplicas,
                                    statusReplicas: context.statusReplicas, pods: builder.pods,
                                    readings: builder.readings, podSummary: builder.podSummary) {
            return out.desired == context.specReplicas ? nil : ControllerAction(out, specReplicas: context.specReplicas)
        }
        let out = hpa.sync(now: context.now, specReplicas: context.specReplicas, statusReplicas: context.statusReplicas,
                           pods: builder.pods, readings: builder.readings, podSummary: builder.podSummary, explain: false)
        return ControllerAction(out, specReplicas: context.specReplicas)
    }

    var takesSteadyTicks: Bool { builder.readsOnlyCPU && hpa.cpuUtilizationOnly != nil }

    /// `tick` for an unchanged pod list and a cpu-only HPA: the same builder update and the
    /// same steady sync, without the outcome's strings when spec is kept.
    mutating func steadyTick(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, podsVersion: Int,
                             cpuPerPodCores: Double, utilization: SteadyUtilization?) -> SteadyTick {
        guard builder.updateSampleTime(now: now, podsVersion: podsVersion) else { return .declined }
        if let known = utilization, keeps.holds(known.percent, podsVersion: podsVersion, spec: specReplicas) {
            hpa.leaveKeepPending(specReplicas, now: now)
            keepsRemembered += 1
            return .keep
        }
        // The readings are handed over field by field, the cpu samples stored only when the
        // whole readings are needed (the next update writes them anyway).
        let result: HPASteadyResult?
        if let known = utilization {
            result = hpa.steadyResult(now: now, specReplicas: specReplicas, known: known,
                                      cpuRequestMilli: builder.readings.cpuRequestMilli, sampleTime: builder.readings.sampleTime,
                                      sampleWindow: builder.readings.sampleWindow, podSummary: builder.podSummary)
        } else {
            result = hpa.steadyResult(now: now, specReplicas: specReplicas, cpu: builder.cpuValues(cpuPerPodCores),
                                      cpuRequestMilli: builder.readings.cpuRequestMilli, sampleTime: builder.readings.sampleTime,
                                      sampleWindow: builder.readings.sampleWindow, podSummary: builder.podSummary)
        }
        switch result {
        case nil: return .declined   // the full tick's `update` writes the readings whole
        case .keep(_, let pending):
            // A proposal equal to spec (not a keep held by the windows) widens the interval.
            if pending, let known = utilization, known.pods == Int(specReplicas), hpa.tolerances.isWithin(1) {
                keeps.add(known.percent, podsVersion: podsVersion, spec: specReplicas)
            }
            return .keep
        case .change(let raw, let normalized):
            builder.setCPU(cpuPerPodCores)
            let out = hpa.steadyChange(raw: raw, normalized: normalized, now: now, specReplicas: specReplicas,
                                       statusReplicas: statusReplicas, pods: builder.pods, readings: builder.readings,
                                       podSummary: builder.podSummary)
            return ControllerAction(out, specReplicas: specReplicas).map { .act($0) } ?? .keep
        }
    }
}

/// Utilization percents known to make a steady sync keep spec on the `behavior` path, for
/// one pod list (its version) and one spec equal to its ready pods. Such a sync keeps spec
/// when its proposal equals spec: when the usage ratio (percent ÷ target, non-decreasing in
/// the percent) lies in the tolerance band, or when ⌈ratio × pods⌉ = spec = pods, i.e. the
/// ratio lies in ((pods − 1) ÷ pods, 1]. When the band holds ratio 1 (which `add`'s caller
/// checks: a negative per-direction tolerance, refused by the loader, would move it off 1),
/// both sets hold 1, so their union is an interval and so is the set of percents that keep:
/// every percent between two seen to keep keeps too. The sync's other conditions depend on
/// the pod list, spec and the clock, and the clock's (the pods' readiness against the CPU
/// initialization period) holds for good once it has held.
struct KeepInterval {
    var podsVersion = -1
    var spec: Int32 = -1
    var low: Int32 = 1
    var high: Int32 = 0

    /// `percent` lies between two percents seen to keep, for this pod list and spec.
    @inline(__always)
    func holds(_ percent: Int32, podsVersion v: Int, spec s: Int32) -> Bool {
        percent >= low && percent <= high && v == podsVersion && s == spec
    }

    /// A sync with `percent` kept spec: widens the interval (a new one for another pod list or spec).
    mutating func add(_ percent: Int32, podsVersion v: Int, spec s: Int32) {
        if v != podsVersion || s != spec {
            self = KeepInterval(podsVersion: v, spec: s, low: percent, high: percent)
        } else {
            low = min(low, percent)
            high = max(high, percent)
        }
    }
}
