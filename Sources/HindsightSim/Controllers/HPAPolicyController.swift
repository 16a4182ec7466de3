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
}
