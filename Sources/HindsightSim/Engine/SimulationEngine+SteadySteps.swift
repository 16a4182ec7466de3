import HindsightTrace

extension SimulationEngine {
    /// Runs whole trace steps without the general event loop while nothing but the trace
    /// sample and the one timer happens in them, and every pod is ready: from step
    /// `i0` (begun, its tick done) it advances the step with the segment values of
    /// `table`, begins the next step and ticks it with the table's CPU reading once the
    /// run has served the window's steps, until a step needs the general loop (a queued
    /// event before the next tick, a starting or terminating pod, a backlog, a step the
    /// shortcut does not serve, the last step).
    ///
    /// The state it leaves is the general loop's after the same steps: the same sums in
    /// the same order, the same decisions. The CPU history misses the pieces of the
    /// run's later steps until the run ends, then gets those a reading can still see
    /// (the last ``SteadyStepTable/warmSteps``): the table's readings stand for them meanwhile.
    /// - Parameter nextTick: the timer's next tick (at the next step's start, else the run stops).
    /// - Returns: the step begun and ticked when the run stops.
    mutating func runSteadySteps(from i0: Int, table: SteadyStepTable, nextTick: inout SimInstant) throws -> Int {
        guard let (ready, pods) = steadyPods() else { return i0 }
        let trace = setup.trace
        let count = trace.count
        let end = trace.end
        let period = trace.step
        let warm = table.warmSteps
        // Skipping the history's pieces needs readings that look back only (else the
        // projection at each tick is a piece of its own).
        let skips = table.readsPast
        let timerPriority = EventSource.timerPriority(0)
        // Without a row to keep or send, a step is closed from the table's verdict (no step sums).
        let lean = !setup.keepSeries && setup.sink == nil
        var i = i0
        var served = 0
        defer { steadyStepsRun += served }
        blocks: while i + 1 < count, let b = table.block(ready: ready, step: i, setup: setup) {
            let entries = b.entries
            let first = b.first
            let last = first + b.count
            while i + 1 < count, i < last {
                let t = trace.time(at: i)
                let next = t + period
                let entry = entries[i - first]
                guard entry.fits, nextTick == next, segmentStart == t, fleet.version == pods,
                      queue.nothingBefore(next, priority: timerPriority)
                else { break blocks }
                let records = !skips || served < warm
                if lean {
                    advanceSteady(to: next, span: period, entry: entry, ready: ready, records: records)
                } else {
                    advance(to: next, values: entry.values, records: records)
                }
                served += 1
                i += 1
                if lean {
                    closeSteadyStep(entry, span: period)
                    stepIndex = i
                    stepIntensity = intensity
                } else {
                    beginStep(i)
                }
                // Once the run covers the pipeline's window, the reading comes from the table.
                let atStart = skips && served >= warm ? table.reading(step: i, in: b, ready: ready, k: 1, setup: setup) : nil
                if skips, served >= warm, atStart == nil {
                    // No block holds the step (the table is full): the history must be whole for the read.
                    recordSkipped(from: i0, upTo: i, segments: 0, k: 1, ready: ready, table: table)
                    try tick(timer: 0, at: next)
                    nextTick = next + period < end ? next + period : .distantFuture
                    return i
                }
                if atStart != nil { steadyReadings += 1 }
                try tick(timer: 0, at: next, reading: atStart?.reading, utilization: atStart?.utilization)
                nextTick = next + period < end ? next + period : .distantFuture
            }
        }
        if skips { recordSkipped(from: i0, upTo: i, segments: 0, k: 1, ready: ready, table: table) }
        return i
    }
}

extension SimulationEngine {
    /// The ready pods and the fleet's version when a steady run may start: every pod ready
    /// and billed, nothing queued. The pods stay so while their version does (only a tick's
    /// action changes them inside a run) and the queue stays empty (every segment a run
    /// takes is served whole), so the runs check only the version at each step.
    @inline(__always)
    func steadyPods() -> (ready: Int, version: Int)? {
        let ready = fleet.readyCount
        guard fleet.billedCount == ready, fluid.isEmpty, fluid.shortcut else { return nil }
        return (ready, fleet.version)
    }

    /// ``runSteadySteps(from:table:nextTick:)`` for a timer that ticks `k` > 1 times per
    /// step (a 1-minute trace under 15 s syncs): each step is `k` equal segments with a tick
    /// after each, the inner ones with the table's readings for them. The step sums are
    /// kept (a tick inside a step may start or stop pods, and the general loop then finishes
    /// the step), so every step closes through `beginStep`.
    /// - Returns: the step begun when the run stops (its ticks up to the stop done; `nextTick` the next).
    mutating func runSteadySubsteps(from i0: Int, k: Int, table: SteadyStepTable, nextTick: inout SimInstant) throws -> Int {
        guard let (ready, pods) = steadyPods() else { return i0 }
        let trace = setup.trace
        let count = trace.count
        let end = trace.end
        let span = SteadyStepTable.segment(of: trace.step, k: k)
        let warm = table.warmSteps
        let skips = table.readsPast
        let timerPriority = EventSource.timerPriority(0)
        var i = i0
        var served = 0
        defer { steadyStepsRun += served }
        // Segments advanced in the current step (0 ..< k).
        var m = 0
        blocks: while i + 1 < count, let b = table.block(ready: ready, step: i, k: k, setup: setup) {
            let first = b.first
            let last = first + b.count
            while i + 1 < count, i < last {
                let t = trace.time(at: i)
                let entry = b.entries[i - first]
                let records = !skips || served < warm
                let readsTable = skips && served >= warm
                while m < k {
                    let start = t + span * m
                    let next = start + span
                    guard entry.fits, nextTick == next, segmentStart == start, fleet.version == pods,
                          queue.nothingBefore(next, priority: timerPriority)
                    else { break blocks }
                    advance(to: next, values: entry.values, records: records)
                    m += 1
                    guard m < k else { break }
                    // A tick inside the step.
                    var reading: Double?
                    var utilization: SteadyUtilization?
                    if readsTable {
                        let inner = b.innerTick(step: i, m)
                        reading = inner.reading
                        utilization = inner.utilization
                        steadyReadings += 1
                    }
                    try tick(timer: 0, at: next, reading: reading, utilization: utilization)
                    nextTick = next + span < end ? next + span : .distantFuture
                }
                // The step is whole: the next one begins and ticks at its start.
                served += 1
                i += 1
                m = 0
                beginStep(i)
                let next = trace.time(at: i)
                // Once the run covers the pipeline's window, the reading comes from the table.
                let atStart = skips && served >= warm ? table.reading(step: i, in: b, ready: ready, k: k, setup: setup) : nil
                if skips, served >= warm, atStart == nil {
                    // No block holds the step (the table is full): the history must be whole for the read.
                    recordSkipped(from: i0, upTo: i, segments: 0, k: k, ready: ready, table: table)
                    try tick(timer: 0, at: next)
                    nextTick = next + span < end ? next + span : .distantFuture
                    return i
                }
                if atStart != nil { steadyReadings += 1 }
                try tick(timer: 0, at: next, reading: atStart?.reading, utilization: atStart?.utilization)
                nextTick = next + span < end ? next + span : .distantFuture
            }
        }
        if m > 0 { steadyStopsInsideStep += 1 }
        if skips { recordSkipped(from: i0, upTo: i, segments: m, k: k, ready: ready, table: table) }
        return i
    }

    /// Records in the CPU history the segments of a steady run of `k` ticks per step that
    /// it skipped (steps from `i0` + ``SteadyStepTable/warmSteps``, up to segment `segments`
    /// of step `i`) and that a reading can still see: those of the last
    /// ``SteadyStepTable/warmSteps`` steps' time, each after the projection of the tick at
    /// its start, as `record(cpu:)` leaves them.
    mutating func recordSkipped(from i0: Int, upTo i: Int, segments: Int, k: Int, ready: Int, table: SteadyStepTable) {
        let warm = table.warmSteps
        let trace = setup.trace
        let span = SteadyStepTable.segment(of: trace.step, k: k)
        // Segments numbered from step 0: j × k + m.
        let endSegment = i * k + segments
        var s = max((i0 + warm) * k, endSegment - warm * k)
        while s < endSegment {
            guard let b = table.block(ready: ready, step: s / k, k: k, setup: setup) else { return }
            while s < endSegment, b.holds(s / k) {
                let j = s / k
                let start = trace.time(at: j) + span * (s % k)
                cpuSignal.set(b.entries[j - b.first].values.cpu, at: start,
                              after: setup.projectedCPU(at: start, step: j, backlog: 0, ready: ready))
                s += 1
            }
        }
    }
}
