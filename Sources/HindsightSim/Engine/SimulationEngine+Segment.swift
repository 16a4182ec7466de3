import HindsightTrace
import HindsightScenario

extension SimulationEngine {
    /// Closes the segment `[segmentStart, t)`: serves the fluid queue, records the CPU
    /// signal the metrics pipeline reads, and accounts cost, energy and emissions.
    /// No effect when `t == segmentStart`.
    mutating func advance(to t: SimInstant) {
        advance(to: t, values: nil)
    }

    /// `advance(to:)`, with the segment's ``SegmentValues`` given when they are known
    /// (a whole steady step: ``SteadyStepTable``, the same values) and its CPU recorded in
    /// the history unless `records` is false (a steady run records it later, see
    /// ``SimulationEngine/runSteadySteps(from:table:nextTick:)``).
    @inline(__always)
    mutating func advance(to t: SimInstant, values given: SegmentValues?, records: Bool = true) {
        let span = t - segmentStart
        guard span > .zero else { return }
        let d = span.milliseconds
        let i = stepIndex
        let load = setup.load
        let seconds = span.seconds
        let rate = load.rate[i]
        let ready = fleet.readyCount
        let capacity = Double(ready) * load.podCapacity[i]
        let arrivals = rate * seconds
        let (served, dropped) = fluid.serve(start: segmentStart, end: t, arrivals: arrivals, capacity: capacity * seconds)
        let billed = fleet.billedCount
        let v = given ?? SegmentValues.compute(setup: setup, mmc: mmc, step: i, span: span, ready: ready, billed: billed,
                                               served: served, backlog: fluid.backlog)
        let servedCores = v.servedCores
        let cpu = v.cpu
        // A deferred projection at this instant is computed only when it matters (see `refreshProjection`).
        // (A steady step that is not recorded now has its projection equal to its value.)
        if !records {
        } else if projectionAt == segmentStart, cpuSignal.repeatsLast(cpu) {
            resolveProjection(cpu)
        } else {
            cpuSignal.set(cpu, at: segmentStart)
        }
        projectionAt = .distantFuture

        step.servedCoreMs += servedCores * Double(d)
        step.readyPodMs += Double(ready) * Double(d)
        let latency = v.latency
        if !latency.isNaN, !(latency <= step.latencyMax) { step.latencyMax = latency }
        if !latency.isNaN { latencySinceTick.raise(to: latency) }

        // Accounting (SEMANTICS.md §4): every billed pod (starting, ready, terminating).
        // What depends only on the billed pods and the span is reused while both repeat
        // (most segments are whole steps with the fleet unchanged).
        if billed != podTimeKey.billed || span != podTimeKey.span {
            podTimeKey = (billed, span)
            // `usd(billedPods:duration:multiplier:)` spelled out: the list cost is its first factor.
            podTimeListCost = setup.cost.baseUSD(billedPods: billed, duration: span)
            podTimeEmbodied = setup.carbon.embodiedGrams(billedPods: billed, duration: span)
        }
        let listCost = podTimeListCost
        let cost = listCost * priceMultiplier
        let kWh = v.kWh
        let operational = setup.carbon.operationalGrams(kWh: kWh, gramsPerKWh: intensity)
        let embodied = podTimeEmbodied
        let flows = SegmentFlows(offered: arrivals, served: served, dropped: dropped, cost: cost, kWh: kWh)
        step.flows.add(flows)
        step.grams += operational + embodied
        step.billedPodMs += Double(billed) * Double(d)
        step.listCost += listCost

        total.flows.add(flows)
        total.operationalGrams += operational
        total.embodiedGrams += embodied
        total.podMs += Double(fleet.count) * Double(d)
        total.replicasMax = max(total.replicasMax, fleet.count)
        total.replicasMin = min(total.replicasMin, fleet.count)
        segmentStart = t
    }

    /// Writes the output row of the current step and judges its SLO.
    mutating func finishStep() {
        let i = stepIndex
        let trace = setup.trace
        let sc = setup.scenario
        let stepLength = trace.step
        let load = setup.load
        let missing = load.missing[i]
        let utilization = step.readyPodMs > 0 ? step.servedCoreMs / (step.readyPodMs * sc.workload.cpuRequest) * 100 : .nan
        let slo = judgeSLO(missing: missing, utilizationPct: utilization)
        switch slo {
        case .notJudged: total.missing += stepLength
        case .met: total.judged += stepLength
        case .violated: total.judged += stepLength; total.violation += stepLength
        }
        // The intensity in force when the step began (environment events at that
        // instant run before its trace sample), i.e. `intensity.value(at: time(at: i))`.
        // Sweep points keep no rows and have no sink: the row is built only to be kept or sent.
        if setup.keepSeries || setup.sink != nil {
            let row = StepRow(StepRecord(index: i, time: trace.time(at: i).unixMilliseconds, rate: load.rate[i],
                                         cpuPerWork: load.cpuPerWork[i], idleCores: load.idlePerPod[i] * Double(fleet.readyCount),
                                         hasRequests: load.hasRequests, missing: missing, spec: spec, ready: fleet.readyCount,
                                         total: fleet.count, sums: step, utilizationPct: utilization, slo: slo,
                                         intensity: stepIntensity))
            if setup.keepSeries { rows.append(row) }
            setup.sink?.record(row, index: i)
        }
        let latencyMs = step.latencyMax * 1000   // the row's latencyP99Ms
        if let recorded = setup.recordedLatency, i < recorded.count {
            let r = recorded[i]
            if r.isFinite, r > 0, latencyMs.isFinite {
                total.mapeSum += abs(latencyMs - r) / r * 100
                total.mapeCount += 1
            }
        }
        if measuresCPUError, let recordedCPU = load.recordedCPU, i < recordedCPU.count, !missing {
            let r = recordedCPU[i]
            let modelled = step.servedCoreMs / Double(stepLength.milliseconds)
            if r.isFinite, r > 0, modelled.isFinite {
                total.cpuMapeSum += abs(modelled - r) / r * 100
                total.cpuMapeCount += 1
            }
        }
    }

    /// The current step against the SLO (SEMANTICS.md §4): not judged when its load sample
    /// is missing; violated when work was dropped, or when the modelled p99 exceeds
    /// `spec.slo.latencyP99` (latency models) or utilization exceeds `maxUtilization`
    /// (no latency model).
    /// - Parameter utilizationPct: the step's served CPU ÷ (ready pod-time × request), percent.
    @inline(__always)
    func judgeSLO(missing: Bool, utilizationPct: Double) -> SLOState {
        if missing { return .notJudged }
        if step.flows.dropped > 1e-9 * max(1, step.flows.offered) { return .violated }
        let slo = setup.scenario.slo
        switch setup.latencyKind {
        case .none:
            if utilizationPct > slo.maxUtilization { return .violated }
        case .mmc, .empirical:
            if let target = slo.latencyP99, step.latencyMax > target { return .violated }
        }
        return .met
    }
}
