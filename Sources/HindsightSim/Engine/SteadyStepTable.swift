import Foundation
import HindsightTrace

/// What a whole trace step is when `r` pods serve it, all of them ready, none starting or
/// terminating, nothing queued: the segment's values (``SegmentValues`` of the step with
/// `r` ready and billed pods serving every arrival) and the metrics pipeline's CPU reading
/// at the step's start after a run of such steps. Each is a function of the step and `r`
/// alone, never of the policy, so the points of a sweep share them: computed once per
/// block of steps and pod count, on first use, by the engine's own functions (the same
/// bits as a run computes; ``SimulationEngine/runSteadySteps(from:table:nextTick:)``).
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
        /// ``SegmentValues`` of the step (served work = arrivals).
        var values: SegmentValues
        /// `MetricsReader.read` at the step's start of a history made of the preceding
        /// whole steps' `cpu` (valid for a run that served at least ``SteadyStepTable/warmSteps`` of them).
        var reading: Double
        /// The step is served by the fluid queue's shortcut (arrivals > 0 and within the
        /// pods' capacity): only then do the values hold.
        var fits: Bool
        /// The step's verdict against the SLO, judged from the sums of this one segment.
        var verdict: SLOState
        /// The HPA's cpu utilization of `reading` on the block's pods (nil without a sample).
        var utilization: SteadyUtilization?
    }

    /// The entries of `count` steps from step `first`, for one pod count (immutable once built).
    final class Block: @unchecked Sendable {
        let first: Int
        let count: Int
        /// `count` entries, owned by the block.
        let entries: UnsafeMutablePointer<Entry>

        init(first: Int, entries: [Entry]) {
            self.first = first
            count = entries.count
            self.entries = UnsafeMutablePointer<Entry>.allocate(capacity: max(1, entries.count))
            _ = UnsafeMutableBufferPointer(start: self.entries, count: entries.count).initialize(from: entries)
        }

        deinit { entries.deallocate() }

        /// True when step `i` is in this block.
        @inline(__always)
        func holds(_ i: Int) -> Bool { i >= first && i < first + count }
    }

    private let lock = NSLock()
    private var blocks: [Int: Block] = [:]
    private let stepCount: Int
    /// Most blocks this table keeps.
    let maxBlocks: Int
    /// Whole steps a reading looks back over: ⌈(window + lag) ÷ step⌉.
    let warmSteps: Int
    /// The pipeline reads a past window (window or lag > 0): only then is ``Block/reading`` used.
    let readsPast: Bool
    /// A whole step is longer than the queue timeout: the shortcut never applies, nor does the table.
    let applies: Bool

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
        let timeout = SimLimits.duration(setup.scenario.workload.queueTimeout)
        applies = !(step > timeout && timeout >= .zero) && step > .zero
    }

    /// The block holding step `i` for `ready` pods (built on first use), or nil when the
    /// table does not apply or is full.
    func block(ready: Int, step i: Int, setup: RunSetup) -> Block? {
        guard applies, ready > 0, ready <= SimLimits.maxReplicas, i >= 0, i < stepCount else { return nil }
        let b = i / Self.blockSteps
        let blockCount = (stepCount + Self.blockSteps - 1) / Self.blockSteps
        let key = ready * blockCount + b
        lock.lock()
        if let found = blocks[key] { lock.unlock(); return found }
        let full = blocks.count >= maxBlocks
        lock.unlock()
        if full { return nil }
        let built = Self.build(ready: ready, first: b * Self.blockSteps,
                               count: min(Self.blockSteps, stepCount - b * Self.blockSteps), warm: warmSteps,
                               readsPast: readsPast, setup: setup)
        lock.lock(); defer { lock.unlock() }
        if let found = blocks[key] { return found }
        blocks[key] = built
        return built
    }

    /// Blocks built so far (tests).
    var blocksBuilt: Int { lock.lock(); defer { lock.unlock() }; return blocks.count }

    /// Computes a block with the engine's functions: for each step from `warm` steps before
    /// it, the segment of a whole step with `ready` ready and billed pods serving all its
    /// arrivals (what `advance` computes then), recorded in a history as `advance` records
    /// it, and the reading at each step's start before that step's piece.
    static func build(ready r: Int, first: Int, count: Int, warm: Int, readsPast: Bool, setup: RunSetup) -> Block {
        let trace = setup.trace
        let load = setup.load
        let reader = MetricsReader(setup.scenario.metrics)
        let mmc = setup.latency as? LatencyModelMMC
        var history = SignalHistory(reach: reader.window + reader.lag + trace.step)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for j in max(0, first - warm)..<(first + count) {
            let t = trace.time(at: j)
            let span = trace.time(at: j + 1) - t
            let seconds = span.seconds
            let arrivals = load.rate[j] * seconds
            let capacity = Double(r) * load.podCapacity[j]
            let v = SegmentValues.compute(setup: setup, mmc: mmc, step: j, span: span, ready: r, billed: r,
                                          served: arrivals, backlog: 0)
            if j >= first {
                // The step sums `advance` leaves for this one segment (what `finishStep` judges).
                var sums = StepAccumulator()
                sums.servedCoreMs += v.servedCores * Double(span.milliseconds)
                sums.readyPodMs += Double(r) * Double(span.milliseconds)
                if !v.latency.isNaN, !(v.latency <= sums.latencyMax) { sums.latencyMax = v.latency }
                sums.flows.add(SegmentFlows(offered: arrivals, served: arrivals, dropped: 0, cost: 0, kWh: 0))
                let reading = readsPast ? reader.read(history, at: t) : .nan
                entries.append(Entry(values: v, reading: reading, fits: arrivals > 0 && arrivals <= capacity * seconds,
                                     verdict: sums.verdict(missing: load.missing[j], setup: setup).slo,
                                     utilization: SteadyUtilization(cores: reading, pods: r,
                                                                    request: setup.scenario.workload.cpuRequest)))
            }
            history.set(v.cpu, at: t)
        }
        return Block(first: first, entries: entries)
    }
}
