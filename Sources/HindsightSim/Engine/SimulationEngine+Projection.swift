import HindsightTrace

extension SimulationEngine {
    /// Records, for a controller reading at `t` with window 0 and lag 0, the CPU per
    /// ready pod the open segment would serve if it lasted to the end of the step.
    ///
    /// A reading with a window or a lag ends at or before `t` and never sees that value;
    /// what stays of it is only whether the history got a piece at `t`: the segment's own
    /// value replaces the projection at its end, but a projection that differed from the
    /// last piece leaves a piece at `t` even when the segment's value repeats the last one
    /// (a split that changes the last bits of later window means). With `defersProjection`
    /// the engine keeps the projection's inputs and computes it only in that case
    /// (`advance`): the same history as computing it at every tick.
    @inline(__always)
    mutating func refreshProjection(at t: SimInstant) {
        let i = stepIndex
        guard setup.trace.time(at: i + 1) - t > .zero else { return }
        if defersProjection {
            projectionAt = t
            projectionStep = i
            projectionBacklog = fluid.backlog
            projectionReady = fleet.readyCount
        } else {
            cpuSignal.set(projectedCPU(at: t, step: i, backlog: fluid.backlog, ready: fleet.readyCount), at: t)
        }
    }

    /// Records the segment's `cpu` at its start after the deferred projection at that
    /// instant, computed now (the rare case where it leaves a piece, see `refreshProjection`).
    /// Kept out of line: the common segment reads none of the projection's fields.
    @inline(never)
    mutating func resolveProjection(_ cpu: Double) {
        cpuSignal.set(cpu, at: segmentStart, after: projectedCPU(at: projectionAt, step: projectionStep,
                                                                 backlog: projectionBacklog, ready: projectionReady))
        projectionsResolved += 1
    }

    /// The CPU per ready pod the open segment of step `i` would serve from `t` to the
    /// step's end with `backlog` queued (``RunSetup/projectedCPU(at:step:backlog:ready:)``).
    @inline(__always)
    func projectedCPU(at t: SimInstant, step i: Int, backlog: Double, ready: Int) -> Double {
        setup.projectedCPU(at: t, step: i, backlog: backlog, ready: ready)
    }
}

extension RunSetup {
    /// The CPU per ready pod (cores; `.nan` without ready pods or data) the open segment of
    /// step `i` would serve from `t` to the step's end with `backlog` queued.
    /// - Precondition: `t` is before the step's end.
    func projectedCPU(at t: SimInstant, step i: Int, backlog: Double, ready: Int) -> Double {
        let seconds = (trace.time(at: i + 1) - t).seconds
        let offered = backlog + load.rate[i] * seconds
        let served = min(offered, Double(ready) * load.podCapacity[i] * seconds)
        let cores = served * load.cpuPerWork[i] / seconds + load.idlePerPod[i] * Double(ready)
        return ready > 0 && !load.missing[i] ? cores / Double(ready) : .nan
    }
}
