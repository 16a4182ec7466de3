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
        if records { record(cpu: v.cpu) }
        projectionAt = .distantFuture

        let latency = v.latency
        step.servedCoreMs += v.servedCores * Double(d)
        step.readyPodMs += Double(ready) * Double(d)
        if !latency.isNaN, !(latency <= step.latencyMax) { step.latencyMax = latency }
        if !latency.isNaN { latencySinceTick.raise(to: latency) }
        let a = account(span: span, billed: billed, flows: SegmentFlows(offered: arrivals, served: served, dropped: dropped,
                                                                         cost: 0, kWh: v.kWh))
        step.flows.add(a.flows)
        step.grams += a.grams
        step.billedPodMs += Double(billed) * Double(d)
        step.listCost += a.listCost
        segmentStart = t
    }

    /// `advance(to: t, values: entry.values, records:)` for a whole steady step whose step
    /// sums nobody reads (no row is kept or sent; ``closeSteadyStep(_:span:)`` closes it
    /// from the table's verdict): the fluid queue's shortcut (every arrival served), the
    /// CPU piece, the latency since the tick and the run's totals.
    /// - Precondition: the entry fits, the queue is empty, every one of `ready` pods is ready.
    @inline(__always)
    mutating func advanceSteady(to t: SimInstant, span: SimDuration, entry e: SteadyStepTable.Entry, ready: Int, records: Bool) {
        let arrivals = setup.load.rate[stepIndex] * span.seconds
        fluid.takeShortcut()
        if records { record(cpu: e.values.cpu) }
        projectionAt = .distantFuture
        let latency = e.values.latency
        if !latency.isNaN { latencySinceTick.raise(to: latency) }
        _ = account(span: span, billed: ready, flows: SegmentFlows(offered: arrivals, served: arrivals, dropped: 0, cost: 0,
                                                                    kWh: e.values.kWh))
        segmentStart = t
    }

    /// Records the segment's CPU per ready pod at its start; a deferred projection at this
    /// instant is computed only when it matters (see `refreshProjection`).
    @inline(__always)
    mutating func record(cpu: Double) {
        if projectionAt == segmentStart, cpuSignal.repeatsLast(cpu) {
            resolveProjection(cpu)
        } else {
            cpuSignal.set(cpu, at: segmentStart)
        }
    }

    /// Accounting of the segment `[segmentStart, segmentStart + span)` (SEMANTICS.md §4):
    /// cost of every billed pod (starting, ready, terminating) at the price multiplier,
    /// operational and embodied emissions, added with `flows` (its cost filled in) to the
    /// run's totals. What depends only on the billed pods and the span is reused while both
    /// repeat (most segments are whole steps with the fleet unchanged).
    /// - Returns: the flows with their cost, the grams, and the list cost (multiplier 1).
    @inline(__always)
    mutating func account(span: SimDuration, billed: Int, flows f: SegmentFlows) -> (flows: SegmentFlows, grams: Double, listCost: Double) {
        if billed != podTimeKey.billed || span != podTimeKey.span {
            podTimeKey = (billed, span)
            // `usd(billedPods:duration:multiplier:)` spelled out: the list cost is its first factor.
            podTimeListCost = setup.cost.baseUSD(billedPods: billed, duration: span)
            podTimeEmbodied = setup.carbon.embodiedGrams(billedPods: billed, duration: span)
        }
        let listCost = podTimeListCost
        var flows = f
        flows.cost = listCost * priceMultiplier
        let operational = setup.carbon.operationalGrams(kWh: flows.kWh, gramsPerKWh: intensity)
        let embodied = podTimeEmbodied
        total.flows.add(flows)
        total.operationalGrams += operational
        total.embodiedGrams += embodied
        let d = Double(span.milliseconds)
        total.podMs += Double(fleet.count) * d
        total.replicasMax = max(total.replicasMax, fleet.count)
        total.replicasMin = min(total.replicasMin, fleet.count)
        return (flows, operational + embodied, listCost)
    }

    /// Writes the output row of the current step and judges its SLO.
    mutating func finishStep() {
        let i = stepIndex
        let trace = setup.trace
        let load = setup.load
        let missing = load.missing[i]
        let (utilization, slo) = step.verdict(missing: missing, setup: setup)
        count(slo)
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
        accountFidelity(step: i, missing: missing, latencyMax: step.latencyMax, servedCoreMs: step.servedCoreMs)
    }

    /// Adds the step's time to the SLO totals by its verdict.
    @inline(__always)
    mutating func count(_ slo: SLOState) {
        let stepLength = setup.trace.step
        switch slo {
        case .notJudged: total.missing += stepLength
        case .met: total.judged += stepLength
        case .violated: total.judged += stepLength; total.violation += stepLength
        }
    }

    /// Closes a whole steady step of the table without its step sums (no row is kept or
    /// sent): what `finishStep` adds to the totals for that step, from the table's verdict.
    @inline(__always)
    mutating func closeSteadyStep(_ entry: SteadyStepTable.Entry, span: SimDuration) {
        count(entry.verdict)
        // The step sums of one segment: 0 + x for the served core·ms, the latency as its worst.
        accountFidelity(step: stepIndex, missing: setup.load.missing[stepIndex], latencyMax: entry.values.latency,
                        servedCoreMs: 0 + entry.values.servedCores * Double(span.milliseconds))
    }

    /// The models' errors against the recorded latency and CPU of step `i` (when recorded).
    @inline(__always)
    mutating func accountFidelity(step i: Int, missing: Bool, latencyMax: Double, servedCoreMs: Double) {
        let load = setup.load
        let stepLength = setup.trace.step
        let latencyMs = latencyMax * 1000   // the row's latencyP99Ms
        if let recorded = setup.recordedLatency, i < recorded.count {
            let r = recorded[i]
            if r.isFinite, r > 0, latencyMs.isFinite {
                total.mapeSum += abs(latencyMs - r) / r * 100
                total.mapeCount += 1
            }
        }
        if measuresCPUError, let recordedCPU = load.recordedCPU, i < recordedCPU.count, !missing {
            let r = recordedCPU[i]
            let modelled = servedCoreMs / Double(stepLength.milliseconds)
            if r.isFinite, r > 0, modelled.isFinite {
                total.cpuMapeSum += abs(modelled - r) / r * 100
                total.cpuMapeCount += 1
            }
        }
    }
}
