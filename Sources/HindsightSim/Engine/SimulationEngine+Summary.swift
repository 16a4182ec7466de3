import HindsightScenario
import HindsightTrace

extension SimulationEngine {
    /// The run's summary (CLI.md keys), from the run accumulators.
    func summary() -> RunSummary {
        let trace = setup.trace
        var s = RunSummary()
        s.start = trace.start
        s.end = trace.end
        s.stepSeconds = trace.step.seconds
        let durationMs = Double(trace.grid.span.milliseconds)
        s.replicasMean = durationMs > 0 ? total.podMs / durationMs : 0
        s.replicasMax = total.replicasMax == .min ? fleet.count : total.replicasMax
        s.replicasMin = total.replicasMin == .max ? fleet.count : total.replicasMin
        s.replicaHours = total.podMs / Double(SimDuration.hours(1).milliseconds)   // pod·ms → pod·hours
        s.costUSD = total.flows.cost
        s.energyKWh = total.flows.kWh
        let grams = total.operationalGrams + total.embodiedGrams
        s.emissionsKgCO2e = grams / Self.gramsPerKilogram
        if setup.load.hasRequests {
            s.requestsServed = total.flows.served
            s.requestsDropped = total.flows.dropped
            s.sciGramsPer1kRequests = total.flows.served > 0 ? grams / (total.flows.served / Self.requestsPerThousand) : nil
        }
        s.sloViolationSeconds = total.violation.seconds
        s.sloViolationFraction = total.judged > .zero ? total.violation.ratio(to: total.judged) : 0
        let budget = 1 - setup.scenario.slo.objective
        s.errorBudgetUsed = budget > 0 ? s.sloViolationFraction / budget : (s.sloViolationFraction > 0 ? .infinity : 0)
        s.scalingActions = total.scalingActions
        s.reversals = total.reversals
        s.missingSeconds = total.missing.seconds
        s.latencyMAPE = total.mapeCount > 0 ? total.mapeSum / Double(total.mapeCount) : nil
        s.cpuMAPE = total.cpuMapeCount > 0 ? total.cpuMapeSum / Double(total.cpuMapeCount) : nil
        return s
    }

    /// Mass unit of `emissions_kg_co2e` (the accumulators hold grams).
    static var gramsPerKilogram: Double { 1000 }
    /// SCI is per thousand requests.
    static var requestsPerThousand: Double { 1000 }

    /// Offered, served, dropped work and the final backlog (work units), for checks.
    var conservation: (offered: Double, served: Double, dropped: Double, backlog: Double) {
        (total.flows.offered, total.flows.served, total.flows.dropped, fluid.backlog)
    }
}
