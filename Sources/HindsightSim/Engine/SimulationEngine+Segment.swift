import HindsightScenario

extension SimulationEngine {
    /// Closes the segment `[segmentStart, t)`: serves the fluid queue, records the CPU
    /// signal the metrics pipeline reads, and accounts cost, energy and emissions.
    /// No effect when `t == segmentStart`.
    mutating func advance(to t: Int64) {
        let d = t - segmentStart
        guard d > 0 else { return }
        let i = stepIndex
        let load = setup.load
        let seconds = Double(d) / 1000
        let rate = load.rate[i]
        let podRate = load.podCapacity[i]
        let ready = fleet.readyCount
        let capacity = Double(ready) * podRate
        let arrivals = rate * seconds
        let (served, dropped) = fluid.serve(start: segmentStart, end: t, arrivals: arrivals, capacity: capacity * seconds)
        let servedCores = served * load.cpuPerWork[i] / seconds
        let request = setup.scenario.workload.cpuRequest
        // Missing trace steps report no metrics (SEMANTICS.md §1); starting pods never do.
        let missing = load.missing[i]
        cpuSignal.set(ready > 0 && !missing ? servedCores / Double(ready) : .nan, at: segmentStart)

        step.offered += arrivals
        step.served += served
        step.dropped += dropped
        step.servedCoreMs += servedCores * Double(d)
        step.readyPodMs += Double(ready) * Double(d)
        let utilization = ready > 0 ? servedCores / (Double(ready) * request) * 100 : .nan
        let input = LatencyInput(ready: ready, arrivalRate: rate, podRate: podRate, backlog: fluid.backlog, utilizationPct: utilization)
        // The common model without the existential call (same function, inlined).
        let latency = mmc.map { $0.p99Seconds(input) } ?? setup.latency.p99Seconds(input)
        if !latency.isNaN, !(latency <= step.latencyMax) { step.latencyMax = latency }
        if !latency.isNaN {
            for k in latencySinceTick.indices where !(latency <= latencySinceTick[k]) { latencySinceTick[k] = latency }
        }

        // Accounting: every billed pod (starting, ready, terminating).
        let billed = fleet.billedCount
        let hours = Double(d) / 3_600_000
        var cost: Double
        if let perInstance = setup.podsPerInstance, let inst = setup.scenario.cost.instance {
            let instances = (billed + perInstance - 1) / perInstance
            cost = Double(instances) * inst.hourly * hours
        } else {
            cost = Double(billed) * setup.podHourPrice * hours
        }
        cost *= priceMultiplier
        let u = ready > 0 ? min(1, max(0, servedCores / (Double(ready) * request))) : 0
        let watts = Double(billed) * setup.idleWatts + Double(ready) * u * setup.dynamicWatts
        let kWh = watts * Double(d) * setup.scenario.carbon.pue / 3.6e9
        let operational = kWh * intensity
        let embodied = Double(billed) * request * hours * setup.scenario.carbon.embodiedGramsPerVCPUHour
        step.cost += cost
        step.kWh += kWh
        step.grams += operational + embodied

        total.offered += arrivals
        total.served += served
        total.dropped += dropped
        total.cost += cost
        total.kWh += kWh
        total.operationalGrams += operational
        total.embodiedGrams += embodied
        total.podMs += Double(fleet.count) * Double(d)
        total.replicasMax = max(total.replicasMax, fleet.count)
        total.replicasMin = min(total.replicasMin, fleet.count)
        segmentStart = t
    }

    /// Records, for a controller reading at `t` with window 0 and lag 0, the CPU per
    /// ready pod the open segment would serve if it lasted to the end of the step.
    mutating func refreshProjection(at t: Int64) {
        let i = stepIndex
        let stepEnd = setup.trace.time(at: i + 1)
        let d = stepEnd - t
        guard d > 0 else { return }
        let seconds = Double(d) / 1000
        let ready = fleet.readyCount
        let offered = fluid.backlog + setup.load.rate[i] * seconds
        let served = min(offered, Double(ready) * setup.load.podCapacity[i] * seconds)
        let cores = served * setup.load.cpuPerWork[i] / seconds
        cpuSignal.set(ready > 0 && !setup.load.missing[i] ? cores / Double(ready) : .nan, at: t)
    }

    /// Writes the output row of the current step and judges its SLO.
    mutating func finishStep() {
        let i = stepIndex
        let trace = setup.trace
        let sc = setup.scenario
        let stepMs = trace.step
        let load = setup.load
        let missing = load.missing[i]
        let utilization = step.readyPodMs > 0 ? step.servedCoreMs / (step.readyPodMs * sc.workload.cpuRequest) * 100 : .nan
        let latencyMs = step.latencyMax * 1000
        let slo: UInt8
        if missing {
            slo = 255
            total.missingMs += stepMs
        } else {
            var violated = step.dropped > 1e-9 * max(1, step.offered)
            switch setup.latencyKind {
            case .none:
                if utilization > sc.slo.maxUtilization { violated = true }
            case .mmc, .empirical:
                if let target = sc.slo.latencyP99, step.latencyMax > target { violated = true }
            }
            slo = violated ? 1 : 0
            total.judgedMs += stepMs
            if violated { total.violationMs += stepMs }
        }
        // The intensity in force when the step began (environment events at that
        // instant run before its trace sample), i.e. `intensity.value(at: time(at: i))`.
        columns.append(timestamp: trace.time(at: i), loadRPS: load.hasRequests && !missing ? load.rate[i] : .nan,
                       loadCores: missing ? .nan : load.rate[i] * load.cpuPerWork[i], desired: spec,
                       ready: Int32(clamping: fleet.readyCount), total: Int32(clamping: fleet.count),
                       utilization: utilization, latencyMs: latencyMs, cost: step.cost, kWh: step.kWh,
                       grams: step.grams, intensity: stepIntensity, slo: slo)
        if let recorded = setup.recordedLatency, i < recorded.count {
            let r = recorded[i]
            if r.isFinite, r > 0, latencyMs.isFinite {
                total.mapeSum += abs(latencyMs - r) / r * 100
                total.mapeCount += 1
            }
        }
    }
}
