import HindsightScenario
import HindsightTrace

/// One policy's simulation over the trace: a discrete-event loop over the
/// ``EventQueue`` that serves the load segment by segment between events and
/// accounts for every segment (SEMANTICS.md §§1–4).
///
/// State is piecewise constant between events. At each event the engine first closes
/// the segment since the previous event (serving, metrics, accounting), then handles
/// the event. Steps of the trace end at trace-sample events, which write one output row.
///
/// Modelling choices (where SEMANTICS.md leaves room):
/// - A row's `desired/ready/total_replicas` are the state at the **end** of its step
///   (after every event inside it); cost, energy, emissions, served and dropped work
///   are sums over the step's segments; `utilization_pct` is served CPU ÷ (ready
///   pod-time × cpuRequest) over the step; `latency_p99_ms` is the **worst** segment
///   of the step; `carbon_intensity` is the value at the step's start.
/// - Work arriving in a segment is stamped with the segment's start; it is dropped at
///   the end of a segment once older than `queueTimeout` (age > timeout).
/// - Initial pods are ready and past their CPU-initialization period at the start.
/// - Terminating pods (terminationGrace) are billed and draw idle power, serve nothing,
///   and are not counted as replicas.
/// - A step whose load sample is missing serves no new work, reports no metrics, and is
///   excluded from the SLO (counted in `missing_seconds`).
/// - Churn: every change of desired replicas is a scaling action; a reversal is a change
///   opposite to the previous one within 300 s (inclusive) of it.
struct SimulationEngine<C: Controller> {
    let setup: RunSetup
    var controller: C
    var queue = EventQueue()
    var fleet: Fleet
    var fluid: FluidQueue
    var cpuSignal: SignalHistory
    let reader: MetricsReader
    /// Named series the controller reads, with their values.
    let seriesNames: [(name: String, values: [Double])]
    var context: ControllerContext

    /// Current desired replicas (`scale.spec.replicas`).
    var spec: Int32
    var segmentStart: SimInstant
    var stepIndex = 0
    var intensity: Double
    var priceMultiplier: Double
    var step = StepAccumulator()
    var total = RunAccumulator()
    /// The output rows, one per step (reserved for the whole trace).
    var rows: [StepRow] = []
    /// Grid intensity when the current step began (its output row's `carbon_intensity`).
    var stepIntensity: Double
    /// The latency model when it is `mmc`, called directly (no existential dispatch).
    let mmc: LatencyModelMMC?
    var decisions: [Decision] = []
    var warnings: [String] = []
    /// Scratch buffers for pods created/graced by one scaling (reused, no allocation).
    var createdScratch: [Pod] = []
    /// Worst p99 latency (seconds) since each controller timer last fired.
    var latencySinceTick: TimerLatencies
    var gracedScratch: [(id: Int, until: SimInstant)] = []
    /// Compute the tick's projection only when it matters (see `refreshProjection`): on when
    /// the one timer's reading cannot see it (window or lag > 0); tests turn it off.
    var defersProjection: Bool
    /// A deferred projection: its instant (`.distantFuture`: none pending), step, backlog and ready pods.
    var projectionAt = SimInstant.distantFuture
    var projectionStep = 0
    var projectionBacklog = 0.0
    var projectionReady = 0
    /// Deferred projections that had to be computed (tests check the case occurs).
    var projectionsResolved = 0
    /// Offer the controller ``Controller/steadyTick(now:specReplicas:statusReplicas:podsVersion:cpuPerPodCores:utilization:)``
    /// while the pods are those of its last tick (on when it takes them; tests turn it off
    /// to check that it decides exactly as `tick` with the whole context).
    var steadyTicks: Bool
    /// Ticks the steady path answered (tests check it is taken).
    var steadyTicksAnswered = 0
    /// Sum the step's modelled CPU error against the recorded CPU (`cpu_mape`; on by
    /// default; `PolicyRunner` keeps it for the observed replay alone, the only run whose
    /// CPU error is reported).
    var measuresCPUError = true
    /// Billed pods and span of the last segment, with its list cost (USD) and embodied
    /// gCO2e: both are functions of those two alone (``CostModel/baseUSD(billedPods:duration:)``,
    /// ``CarbonModel/embodiedGrams(billedPods:duration:)``).
    var podTimeKey = (billed: -1, span: SimDuration.zero)
    var podTimeListCost = 0.0
    var podTimeEmbodied = 0.0
    /// The shared values of whole steady steps (a sweep's points; nil: every step takes the
    /// general loop). Tests set it to nil to check that a run is the same without it.
    var steadyTable: SteadyStepTable?
    /// Steps the steady run advanced, and CPU readings it took from the table (tests).
    var steadyStepsRun = 0
    var steadyReadings = 0
    /// Steady runs of several ticks per step that stopped inside a step (tests).
    var steadyStopsInsideStep = 0

    /// - Parameters:
    ///   - initialReplicas: pods that exist, ready and initialized, when the run starts.
    ///   - seriesNames: named series the controller reads through the pipeline.
    init(setup: RunSetup, controller: C, initialReplicas: Int, seriesNames: [String]) {
        self.setup = setup
        self.controller = controller
        let sc = setup.scenario
        fleet = Fleet(startupDelay: sc.workload.startupDelay, readinessDelay: sc.workload.readinessDelay,
                      terminationGrace: sc.workload.terminationGrace)
        fluid = FluidQueue(timeout: SimLimits.duration(sc.workload.queueTimeout))
        reader = MetricsReader(sc.metrics)
        cpuSignal = SignalHistory(reach: reader.window + reader.lag + setup.trace.step)
        self.seriesNames = seriesNames.compactMap { n in setup.trace.series[n].map { (n, $0) } }
        let start = setup.trace.start
        segmentStart = start
        intensity = setup.carbon.intensity(at: start)
        stepIntensity = intensity
        mmc = setup.latency as? LatencyModelMMC
        priceMultiplier = setup.cost.multiplier(at: start)
        spec = Int32(clamping: initialReplicas)
        let age = SimLimits.duration(sc.kubernetes.cpuInitializationPeriod) + SimLimits.duration(sc.workload.startupDelay)
            + reader.window + reader.lag
        fleet.seedReady(min(max(0, initialReplicas), SimLimits.maxReplicas), now: start, age: age)
        var totals: [String: Double] = [:]
        for n in seriesNames { totals[n] = .nan }
        context = ControllerContext(now: setup.trace.start, stepIndex: 0, specReplicas: spec, statusReplicas: spec, pods: [],
                                    cpuPerPodCores: .nan, memoryPerPodBytes: .nan, seriesTotals: totals)
        latencySinceTick = TimerLatencies(count: controller.timers.count)
        defersProjection = controller.timers.count == 1 && (reader.window > .zero || reader.lag > .zero)
        steadyTicks = controller.takesSteadyTicks && controller.timers.count == 1
        steadyTable = controller.timers.count == 1 ? setup.steady : nil
        if setup.keepSeries { rows.reserveCapacity(setup.trace.count) }
    }

    /// Runs the simulation to the end of the trace.
    /// - Returns: the summary, the per-step series and the decisions.
    /// - Throws: whatever the controller throws (an `InputError`).
    /// - Complexity: O(events · log events).
    mutating func run() throws -> (RunSummary, RunSeries, [Decision]) {
        let trace = setup.trace
        let end = trace.end
        let count = trace.count
        // Trace samples and controller ticks recur at known times: they are kept out of
        // the heap (one pending sample, one pending tick per timer) and merged with it by
        // the same (time, priority) order (see `EventSource`).
        var nextSample = count > 0 ? 0 : count
        let timers = controller.timers
        var nextTick = [SimInstant](repeating: .distantFuture, count: timers.count)
        // The one timer's ticks per step when the steady table serves it (0: it does not).
        let ticksPerStep = timers.count == 1 ? steadyTable?.ticksPerStep(period: timers[0].period) ?? 0 : 0
        if count > 0 {
            for (k, timer) in timers.enumerated() where timer.first < end { nextTick[k] = max(timer.first, trace.start) }
            scheduleNextEnvironmentChange(after: trace.start)
        }
        while let (t, source) = nextEvent(sample: nextSample, ticks: nextTick), t < end {
            advance(to: t)
            switch source {
            case .queued:
                let (time, event) = queue.removeNext()
                handle(event, at: time)
            case .traceSample(let index):
                beginStep(index)
                nextSample = index + 1
                // The common instant: the one timer fires at this sample with nothing queued
                // before it, so it is the next event (no segment lies between the two).
                if timers.count == 1, nextTick[0] == t, queue.nothingBefore(t, priority: EventSource.timerPriority(0)) {
                    try tick(timer: 0, at: t)
                    let next = t + timers[0].period
                    nextTick[0] = next < end ? next : .distantFuture
                    // Whole steps that need no event go through the steady run (same state after).
                    if let table = steadyTable {
                        if ticksPerStep == 1 {
                            nextSample = try runSteadySteps(from: index, table: table, nextTick: &nextTick[0]) + 1
                        } else if ticksPerStep > 1 {
                            nextSample = try runSteadySubsteps(from: index, k: ticksPerStep, table: table,
                                                               nextTick: &nextTick[0]) + 1
                        }
                    }
                }
            case .timer(let k):
                try tick(timer: k, at: t)
                let next = t + timers[k].period
                nextTick[k] = next < end ? next : .distantFuture
            }
        }
        if count > 0 {
            advance(to: end)
            finishStep()
        }
        return (summary(), RunSeries(rows: rows), decisions)
    }

    /// The earliest pending event of the three sources by (time, priority): the queue's
    /// next event, trace sample `sample` (none when it is past the trace), and each
    /// timer's next tick in `ticks` (`.distantFuture` = never). Nil when nothing is pending.
    /// - Complexity: O(timers).
    /// `mutating` though it changes nothing: called on `self` inside `run`, a non-mutating
    /// method may be compiled as a copy of the whole engine (its ~3 KB and every reference
    /// in it retained and released) per event; a mutating one reads the fields in place.
    @inline(__always)
    mutating func nextEvent(sample: Int, ticks: [SimInstant]) -> (time: SimInstant, source: EventSource)? {
        var t = SimInstant.distantFuture
        var priority = Int.max
        var source: EventSource?
        if let top = queue.peekKey() { t = top.time; priority = top.priority; source = .queued }
        if sample < setup.trace.count {
            let ts = setup.trace.time(at: sample)
            let p = EventSource.traceSamplePriority
            if ts < t || (ts == t && p < priority) { t = ts; priority = p; source = .traceSample(index: sample) }
        }
        for k in ticks.indices {
            let p = EventSource.timerPriority(k)
            if ticks[k] < t || (ticks[k] == t && p < priority) { t = ticks[k]; priority = p; source = .timer(k) }
        }
        return source.map { (t, $0) }
    }

    /// Trace step `index` begins: closes the previous step's row and resets the sums.
    mutating func beginStep(_ index: Int) {
        if index > 0 { finishStep() }
        stepIndex = index
        step = StepAccumulator()
        stepIntensity = intensity
    }

    /// Applies one queued event at `t`.
    mutating func handle(_ event: SimEvent, at t: SimInstant) {
        switch event {
        case .environment:
            intensity = setup.carbon.intensity(at: t)
            priceMultiplier = setup.cost.multiplier(at: t)
            scheduleNextEnvironmentChange(after: t)
        case .podRunning(let id):
            releaseContextPods()
            fleet.markRunning(id: id)
        case .podReady(let id):
            releaseContextPods()
            fleet.markReady(id: id)
        case .podTerminated(let id):
            fleet.finishTermination(id: id)
        }
    }

    /// Fills the context through the metrics pipeline, runs the controller, applies its answer.
    /// - Parameter given: the CPU reading at `t` when it is known (a steady run's, from
    ///   ``SteadyStepTable``: the value `reader.read(cpuSignal, at: t)` returns).
    /// - Parameter utilization: the HPA's view of that reading, when the table has it.
    @inline(__always)
    mutating func tick(timer k: Int, at t: SimInstant, reading given: Double? = nil,
                       utilization: SteadyUtilization? = nil) throws {
        refreshProjection(at: t)
        let cpu = given ?? reader.read(cpuSignal, at: t)
        // The context would differ from the last tick's only in what the steady tick is given.
        if steadyTicks, context.podsVersion >= 0, context.podsVersion == fleet.version {
            let answer = controller.steadyTick(now: t, specReplicas: spec, statusReplicas: Int32(clamping: fleet.count),
                                               podsVersion: fleet.version, cpuPerPodCores: cpu, utilization: utilization)
            switch answer {
            case .declined: break
            case .keep:
                _ = latencySinceTick.take(k)
                steadyTicksAnswered += 1
                return
            case .act(let action):
                _ = latencySinceTick.take(k)
                steadyTicksAnswered += 1
                try apply(action, at: t)
                return
            }
        }
        try fullTick(timer: k, at: t, reading: cpu)
    }

    /// The tick with the whole context (kept out of line: a steady tick does not come here).
    @inline(never)
    mutating func fullTick(timer k: Int, at t: SimInstant, reading cpu: Double) throws {
        context.now = t
        context.stepIndex = stepIndex
        context.carbonIntensity = intensity
        context.latencySinceLastTick = latencySinceTick.take(k)
        context.specReplicas = spec
        context.statusReplicas = Int32(clamping: fleet.count)
        // The context keeps sharing the fleet's pod array while it is unchanged (no
        // reference counting per tick); it lets go before the fleet changes (see
        // `releaseContextPods`), so changing the fleet never copies the array.
        if context.podsVersion != fleet.version {
            context.pods = fleet.pods
            context.podsVersion = fleet.version
        }
        context.cpuPerPodCores = cpu
        let ready = fleet.readyCount
        if let memory = setup.memory, ready > 0 {
            context.memoryPerPodBytes = reader.read(series: memory, grid: setup.trace.grid, at: t) / Double(ready)
        } else {
            context.memoryPerPodBytes = .nan
        }
        for (name, values) in seriesNames {
            context.seriesTotals[name] = reader.read(series: values, grid: setup.trace.grid, at: t)
        }
        let action = try controller.tick(timer: k, context: &context)
        if let action { try apply(action, at: t) }
    }

    /// Scales the fleet to the action's count and records the decision and churn.
    /// - Throws: `InputMessage` when the count exceeds ``SimLimits/maxReplicas``.
    mutating func apply(_ action: ControllerAction, at t: SimInstant) throws {
        let to = max(0, action.desired)
        if action.proposedOnly {
            if to != spec {
                decisions.append(Decision(time: t, from: Int(spec), to: Int(to), reason: action.reason, proposedOnly: true))
            }
            return
        }
        guard Int(to) <= SimLimits.maxReplicas else {
            throw InputMessage("\(setup.scenario.file): a policy asked for \(to) replicas at \(t.wholeUnixSeconds) s (\(action.reason)); expected at most \(SimLimits.maxReplicas) pods in one simulation")
        }
        if to != spec {
            decisions.append(Decision(time: t, from: Int(spec), to: Int(to), reason: action.reason))
            let direction = to > spec ? 1 : -1
            total.scalingActions += 1
            if total.lastDirection != 0, direction != total.lastDirection,
               t - total.lastActionTime <= RunAccumulator.reversalWindow {
                total.reversals += 1
            }
            total.lastDirection = direction
            total.lastActionTime = t
            spec = to
        }
        createdScratch.removeAll(keepingCapacity: true)
        gracedScratch.removeAll(keepingCapacity: true)
        releaseContextPods()
        fleet.scale(to: Int(spec), now: t, created: &createdScratch, graced: &gracedScratch)
        for p in createdScratch where !p.isReady {
            let runningAt = fleet.runningAt(p)
            if p.phase == .pending, runningAt < p.readyAt { queue.schedule(.podRunning(id: p.id), at: runningAt) }
            queue.schedule(.podReady(id: p.id), at: p.readyAt)
        }
        for g in gracedScratch { queue.schedule(.podTerminated(id: g.id), at: g.until) }
    }

    /// Drops the context's reference to the pod array before the fleet changes it (so the
    /// change happens in place); the next tick hands the controller the new pods.
    mutating func releaseContextPods() {
        guard context.podsVersion >= 0 else { return }
        context.pods = []
        context.podsVersion = -1
    }

    /// Schedules an environment event at the next change of intensity or price after `t`.
    mutating func scheduleNextEnvironmentChange(after t: SimInstant) {
        var next = SimInstant.distantFuture
        if let c = Self.nextChange(setup.carbon.intensity, after: t) { next = min(next, c) }
        if let p = setup.cost.priceMultiplier, let c = Self.nextChange(p, after: t) { next = min(next, c) }
        if next < setup.trace.end { queue.schedule(.environment, at: next) }
    }

    /// First sample time strictly after `t`, or nil.
    /// - Complexity: O(log n).
    static func nextChange(_ s: StepSeries, after instant: SimInstant) -> SimInstant? {
        var lo = 0, hi = s.times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s.times[mid] <= instant { lo = mid + 1 } else { hi = mid }
        }
        return lo < s.times.count ? s.times[lo] : nil
    }
}
