import Foundation
import HindsightTrace

/// What a whole trace step is when `r` pods serve it, all of them ready, none starting or
/// terminating, nothing queued, and the one timer ticks `k` times in it (at its start and
/// every step ÷ `k` after; `k` = 1 when the timer's period is the step): the values of each
/// of its `k` equal segments (``SegmentValues`` with `r` ready and billed pods serving every
/// arrival), the step's SLO verdict, and the metrics pipeline's CPU reading at each tick
/// after a run of such steps. Each is a function of the step, `k` and `r` alone, never of
/// the policy, so the points of a sweep share them: computed once per block of steps, `k`
/// and pod count, on first use, by the engine's own functions (the same bits as a run
/// computes; ``SimulationEngine/runSteadySteps(from:table:nextTick:)``).
///
/// Thread-safe: blocks are immutable once built; building one takes a lock only to
/// publish it (two threads may build the same block; both get equal values).
final class SteadyStepTable: @unchecked Sendable {
    /// Steps per block.
    static let blockSteps = 1_024
    /// Most blocks kept by default (about 50 KB each); past it a block is not built and
    /// runs take the general path (the same values, computed per segment).
    static let defaultMaxBlocks = 4_096

    /// One whole step's values for one pod count.
    struct Entry {
        /// ``SegmentValues`` of each of the step's segments (served work = arrivals).
        var values: SegmentValues
        /// `MetricsReader.read` at the step's start of a history made of the preceding
        /// whole steps' `cpu` (valid for a run that served at least ``SteadyStepTable/warmSteps`` of them).
        var reading: Double
        /// Each segment is served by the fluid queue's shortcut (arrivals > 0 and within the
        /// pods' capacity): only then do the values hold.
        var fits: Bool
        /// The step's verdict against the SLO, judged from the sums of its segments.
        var verdict: SLOState
        /// The HPA's cpu utilization of `reading` on the block's pods (nil without a sample).
        var utilization: SteadyUtilization?
    }

    /// A tick's reading and its utilization (kept per step for the ticks inside it when `k` > 1).
    struct InnerTick {
        var reading: Double
        var utilization: SteadyUtilization?
    }

    /// The entries of `count` steps from step `first`, for one pod count and `k` (immutable once built).
    final class Block: @unchecked Sendable {
        let first: Int
        let count: Int
        /// `count` entries, owned by the block.
        let entries: UnsafeMutablePointer<Entry>
        /// Ticks per step.
        let k: Int
        /// `count × (k − 1)` inner ticks, step by step (empty when `k` = 1).
        let inner: UnsafeMutablePointer<InnerTick>

        init(first: Int, k: Int = 1, entries: [Entry], inner: [InnerTick] = []) {
            self.first = first
            self.k = k
            count = entries.count
            self.entries = UnsafeMutablePointer<Entry>.allocate(capacity: max(1, entries.count))
            _ = UnsafeMutableBufferPointer(start: self.entries, count: entries.count).initialize(from: entries)
            self.inner = UnsafeMutablePointer<InnerTick>.allocate(capacity: max(1, inner.count))
            _ = UnsafeMutableBufferPointer(start: self.inner, count: inner.count).initialize(from: inner)
        }

        deinit {
            entries.deallocate()
            inner.deallocate()
        }

        /// The tick `m` (1 ..< k) of step `i`.
        @inline(__always)
        func innerTick(step i: Int, _ m: Int) -> InnerTick { inner[(i - first) * (k - 1) + m - 1] }

        /// True when step `i` is in this block.
        @inline(__always)
        func holds(_ i: Int) -> Bool { i >= first && i < first + count }
    }

    private let lock = NSLock()
    private var blocks: [Int: Block] = [:]
    private let stepCount: Int
    /// Most blocks this table keeps (a block of `k` ticks per step counts `k` times).
    let maxBlocks: Int
    /// Blocks kept, a block of `k` ticks per step counted `k` times.
    private var weight = 0
    /// Whole steps a reading looks back over: ⌈(window + lag) ÷ step⌉.
    let warmSteps: Int
    /// The pipeline reads a past window (window or lag > 0): only then is ``Block/reading`` used.
    let readsPast: Bool
    private let step: SimDuration
    private let timeout: SimDuration
    /// Most ticks per step the table serves (a block holds `k − 1` inner ticks per step).
    static let maxTicksPerStep = 64

    /// A table for `setup`'s trace and metrics pipeline (no block is built yet).
    init(setup: RunSetup, maxBlocks: Int = SteadyStepTable.defaultMaxBlocks) {
        self.maxBlocks = maxBlocks
        let reader = MetricsReader(setup.scenario.metrics)
        let step = setup.trace.step
        stepCount = setup.trace.count
        let reach = (reader.window + reader.lag).milliseconds
        let stepMs = max(1, step.milliseconds)
        warmSteps = Int((reach + stepMs - 1) / stepMs)
        readsPast = reader.window > .zero || reader.lag > .zero
        self.step = step
        timeout = SimLimits.duration(setup.scenario.workload.queueTimeout)
    }

    /// Ticks per step of a timer with `period` ticking at step starts, when the table
    /// serves it: the step is a whole multiple `k` of the period (at most
    /// ``maxTicksPerStep``) and a segment of one period is not longer than the queue
    /// timeout (else the fluid queue's shortcut never serves it). Nil otherwise.
    func ticksPerStep(period: SimDuration) -> Int? {
        guard period > .zero, step > .zero, step.milliseconds % period.milliseconds == 0,
              !(period > timeout && timeout >= .zero) else { return nil }
        let k = Int(step.milliseconds / period.milliseconds)
        return k <= Self.maxTicksPerStep ? k : nil
    }

    /// The span of each of a step's `k` segments (the trace's grid is uniform).
    @inline(__always)
    static func segment(of step: SimDuration, k: Int) -> SimDuration {
        SimDuration(milliseconds: step.milliseconds / Int64(k))
    }

    /// The table serves a timer whose period is the step.
    var applies: Bool { ticksPerStep(period: step) == 1 }

    /// The block holding step `i` for `ready` pods and `k` ticks per step (built on first
    /// use), or nil when the table is full or `k` is not one it serves.
    func block(ready: Int, step i: Int, k: Int = 1, setup: RunSetup) -> Block? {
        guard ready > 0, ready <= SimLimits.maxReplicas, i >= 0, i < stepCount, k >= 1, k <= Self.maxTicksPerStep,
              ticksPerStep(period: Self.segment(of: step, k: k)) == k else { return nil }
        let b = i / Self.blockSteps
        let blockCount = (stepCount + Self.blockSteps - 1) / Self.blockSteps
        let key = ((k - 1) * (SimLimits.maxReplicas + 1) + ready) * blockCount + b
        lock.lock()
        if let found = blocks[key] { lock.unlock(); return found }
        let full = weight + k > maxBlocks
        lock.unlock()
        if full { return nil }
        let built = Self.build(ready: ready, first: b * Self.blockSteps,
                               count: min(Self.blockSteps, stepCount - b * Self.blockSteps), k: k, warm: warmSteps,
                               readsPast: readsPast, setup: setup)
        lock.lock(); defer { lock.unlock() }
        if let found = blocks[key] { return found }
        blocks[key] = built
        weight += k
        return built
    }

    /// The reading at the start of step `i` and its utilization, from `b` when it holds the
    /// step, else from its block (nil when the table is full).
    @inline(__always)
    func reading(step i: Int, in b: Block, ready: Int, k: Int, setup: RunSetup) -> InnerTick? {
        if b.holds(i) { return InnerTick(reading: b.entries[i - b.first].reading, utilization: b.entries[i - b.first].utilization) }
        guard let nb = block(ready: ready, step: i, k: k, setup: setup) else { return nil }
        return InnerTick(reading: nb.entries[i - nb.first].reading, utilization: nb.entries[i - nb.first].utilization)
    }

    /// Blocks built so far (tests).
    var blocksBuilt: Int { lock.lock(); defer { lock.unlock() }; return blocks.count }

    /// Computes a block with the engine's functions: for each step from `warm` steps before
    /// it, the `k` segments of a whole step with `ready` ready and billed pods serving all
    /// their arrivals (what `advance` computes then), recorded in a history as `advance`
    /// records them after a tick at each segment's start (the tick's projection decides
    /// whether a repeated value starts a piece, see `SimulationEngine.record(cpu:)`), and
    /// the reading at each tick before that segment's piece.
    static func build(ready r: Int, first: Int, count: Int, k: Int, warm: Int, readsPast: Bool,
                      setup: RunSetup) -> Block {
        let trace = setup.trace
        let load = setup.load
        let reader = MetricsReader(setup.scenario.metrics)
        let mmc = setup.latency as? LatencyModelMMC
        let request = setup.scenario.workload.cpuRequest
        var history = SignalHistory(reach: reader.window + reader.lag + trace.step)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var inner: [InnerTick] = []
        inner.reserveCapacity(count * (k - 1))
        let span = segment(of: trace.step, k: k)
        // The readings at the step's k ticks, reused step after step.
        var readings: [Double] = []
        readings.reserveCapacity(k)
        for j in max(0, first - warm)..<(first + count) {
            let t = trace.time(at: j)
            let seconds = span.seconds
            let arrivals = load.rate[j] * seconds
            let capacity = Double(r) * load.podCapacity[j]
            let v = SegmentValues.compute(setup: setup, mmc: mmc, step: j, span: span, ready: r, billed: r,
                                          served: arrivals, backlog: 0)
            readings.removeAll(keepingCapacity: true)
            for m in 0..<k {
                let tm = t + span * m
                if j >= first { readings.append(readsPast ? reader.read(history, at: tm) : .nan) }
                history.set(v.cpu, at: tm, after: setup.projectedCPU(at: tm, step: j, backlog: 0, ready: r))
            }
            guard j >= first else { continue }
            // The step sums `advance` leaves for its k segments (what `finishStep` judges).
            var sums = StepAccumulator()
            for _ in 0..<k {
                sums.servedCoreMs += v.servedCores * Double(span.milliseconds)
                sums.readyPodMs += Double(r) * Double(span.milliseconds)
                if !v.latency.isNaN, !(v.latency <= sums.latencyMax) { sums.latencyMax = v.latency }
                sums.flows.add(SegmentFlows(offered: arrivals, served: arrivals, dropped: 0, cost: 0, kWh: 0))
            }
            entries.append(Entry(values: v, reading: readings[0], fits: arrivals > 0 && arrivals <= capacity * seconds,
                                 verdict: sums.verdict(missing: load.missing[j], setup: setup).slo,
                                 utilization: SteadyUtilization(cores: readings[0], pods: r, request: request)))
            for m in 1..<k {
                inner.append(InnerTick(reading: readings[m],
                                       utilization: SteadyUtilization(cores: readings[m], pods: r, request: request)))
            }
        }
        return Block(first: first, k: k, entries: entries, inner: inner)
    }
}
