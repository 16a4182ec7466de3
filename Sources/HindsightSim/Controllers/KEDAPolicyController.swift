import HindsightTrace
import HindsightScenario

/// A KEDA `ScaledObject` in the simulator: timer 0 is the polling loop (every
/// `pollingInterval` from t0), timer 1 the HPA sync (every syncPeriod from t0); at one
/// instant the poll runs first (HPA.md §10.3, §12).
struct KEDAPolicyController: Controller {
    var keda: KEDAController
    var builder: HPAReadingsBuilder
    let timers: [ControllerTimer]

    init(spec: ScaledObjectSpec, scenario: Scenario, initialReplicas: Int32, start: SimInstant) {
        keda = KEDAController(spec: spec, kubernetes: scenario.kubernetes, initialReplicas: initialReplicas, start: start,
                              metricsWarmUp: SimLimits.duration(scenario.metrics.lag) + SimLimits.duration(scenario.metrics.window))
        var series: [String] = []
        for t in spec.triggers { if case .prometheus(let s, _, _) = t.kind, !series.contains(s) { series.append(s) } }
        let resources = keda.hpa.spec.metrics.filter { if case .resource = $0 { true } else { false } }
        builder = HPAReadingsBuilder(metrics: resources, extraTotals: series, workload: scenario.workload, pipeline: scenario.metrics)
        timers = [ControllerTimer(first: start, period: keda.pollingInterval),
                  .hpaSync(start: start, kubernetes: scenario.kubernetes)]
    }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        builder.update(from: context)
        if timer == 0 {
            guard let change = keda.poll(now: context.now, specReplicas: context.specReplicas, totals: builder.readings.totals),
                  change.replicas != context.specReplicas else { return nil }
            return ControllerAction(desired: change.replicas, reason: "KEDA: \(change.reason)")
        }
        let out = keda.sync(now: context.now, specReplicas: context.specReplicas, statusReplicas: context.statusReplicas,
                            pods: builder.pods, readings: builder.readings, explain: false)
        return ControllerAction(out, specReplicas: context.specReplicas)
    }
}
