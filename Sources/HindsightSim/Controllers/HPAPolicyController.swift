import HindsightTrace
import HindsightScenario

/// A `HorizontalPodAutoscaler` in the simulator: the ``HPAController`` state machine,
/// synced at t0, t0 + syncPeriod, … (HPA.md §12).
struct HPAPolicyController: Controller {
    var hpa: HPAController
    var builder: HPAReadingsBuilder
    let timers: [ControllerTimer]

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
        case .keep: return .keep
        case .change(let raw, let normalized):
            builder.setCPU(cpuPerPodCores)
            let out = hpa.steadyChange(raw: raw, normalized: normalized, now: now, specReplicas: specReplicas,
                                       statusReplicas: statusReplicas, pods: builder.pods, readings: builder.readings,
                                       podSummary: builder.podSummary)
            return ControllerAction(out, specReplicas: specReplicas).map { .act($0) } ?? .keep
        }
    }
}
