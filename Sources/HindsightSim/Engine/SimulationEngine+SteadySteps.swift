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
        let trace = setup.trace
        let count = trace.count
        let end = trace.end
        let period = trace.step
        let ready = fleet.readyCount
        let warm = table.warmSteps
        // Skipping the history's pieces needs readings that look back only (else the
        // projection at each tick is a piece of its own).
        let skips = table.readsPast
        let timerPriority = EventSource.timerPriority(0)
        // Without a row to keep or send, a step is closed from the table's verdict (no step sums).
        let lean = !setup.keepSeries && setup.sink == nil
        var i = i0
        var served = 0
        blocks: while i + 1 < count, let b = table.block(ready: ready, step: i, setup: setup) {
            let entries = b.entries
            let first = b.first
            let last = first + b.count
            while i + 1 < count, i < last {
                let t = trace.time(at: i)
                let next = t + period
                let entry = entries[i - first]
                guard entry.fits, nextTick == next, segmentStart == t, fleet.readyCount == ready, fleet.billedCount == ready,
                      fluid.isEmpty, fluid.shortcut, queue.nothingBefore(next, priority: timerPriority)
                else { break blocks }
                let records = !skips || served < warm
                if lean {
                    advanceSteady(to: next, span: period, entry: entry, ready: ready, records: records)
                } else {
                    advance(to: next, values: entry.values, records: records)
                }
                served += 1
                steadyStepsRun += 1
                i += 1
                if lean {
                    closeSteadyStep(entry, span: period)
                    stepIndex = i
                    stepIntensity = intensity
                } else {
                    beginStep(i)
                }
                var reading: Double?
                var utilization: SteadyUtilization?
                if skips, served >= warm {
                    if i < last {
                        reading = entries[i - first].reading
                        utilization = entries[i - first].utilization
                    } else if let nb = table.block(ready: ready, step: i, setup: setup) {
                        reading = nb.entries[i - nb.first].reading
                        utilization = nb.entries[i - nb.first].utilization
                    } else {
                        // No next block (the table is full): the history must be whole for the read.
                        recordSkipped(from: i0, upTo: i, ready: ready, table: table)
                        try tick(timer: 0, at: next)
                        nextTick = next + period < end ? next + period : .distantFuture
                        return i
                    }
                    steadyReadings += 1
                }
                try tick(timer: 0, at: next, reading: reading, utilization: utilization)
                nextTick = next + period < end ? next + period : .distantFuture
            }
        }
        if skips { recordSkipped(from: i0, upTo: i, ready: ready, table: table) }
        return i
    }

    /// Records in the CPU history the steps of a steady run (steps `i0 ..< i`) it skipped
    /// that a reading can still see: the last ``SteadyStepTable/warmSteps`` (a reading at
    /// or after step `i` looks back at most that far; an older piece only clips at the
    /// window's start, whatever its own start).
    mutating func recordSkipped(from i0: Int, upTo i: Int, ready: Int, table: SteadyStepTable) {
        let skippedFrom = i0 + table.warmSteps
        var j = max(skippedFrom, i - table.warmSteps)
        while j < i {
            guard let b = table.block(ready: ready, step: j, setup: setup) else { return }
            while j < i, b.holds(j) {
                cpuSignal.set(b.entries[j - b.first].values.cpu, at: setup.trace.time(at: j))
                j += 1
            }
        }
    }
}
