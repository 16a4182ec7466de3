import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The steady run (whole steps with every pod ready and nothing queued, advanced with the
/// values a sweep's points share, the CPU history's pieces recorded when the run ends)
/// must leave every run exactly as the general event loop does.
final class SteadyStepTableTests: XCTestCase {
    /// A day of a noisy diurnal load with gaps, pods that start for 45 s and terminate for
    /// 20 s, an hourly intensity, legacy and `behavior` HPAs under four metrics pipelines
    /// (the default 30 s window with a 15 s lag, none, and windows and lags that are not
    /// whole steps): every step's row, the decisions and the summary are identical with
    /// the table and without it, and the steady run takes most steps.
    func testRunsAreIdenticalWithAndWithoutTheSteadyTable() throws {
        try assertSteadyRunsEqualPlainRuns(step: .seconds(15), ticksPerStep: 1)
    }

    /// The same day at 1-minute steps under the HPA's 15 s syncs: four ticks per step, the
    /// inner three with the table's readings, and a tick inside a step that starts or
    /// stops pods hands the rest of the step to the general loop.
    func testOneMinuteStepsWithFourSyncsPerStepAreIdenticalWithAndWithoutTheTable() throws {
        try assertSteadyRunsEqualPlainRuns(step: .minutes(1), ticksPerStep: 4)
    }

    private func assertSteadyRunsEqualPlainRuns(step: SimDuration, ticksPerStep k: Int) throws {
        let trace = SimFixture.noisyDay(seed: 4, gapEvery: 211 * 15_000 / Int(step.milliseconds) + 1, step: step)
        let n = trace.count
        let env = SimFixture.hourlyEnvironment(trace, base: 210, rise: 13, cycle: 5)
        let behaviors = SimFixture.hpaBehaviors
        let pipelines = [MetricsPipelineSpec(), MetricsPipelineSpec(window: .zero, lag: .zero),
                         MetricsPipelineSpec(window: .seconds(40), lag: .seconds(10)),
                         MetricsPipelineSpec(window: .zero, lag: .seconds(20))]
        var scaled = 0
        for (p, pipeline) in pipelines.enumerated() {
            for (b, behavior) in behaviors.enumerated() {
                let hpa = HPASpec(name: "h\(b)", target: nil, minReplicas: 2, maxReplicas: 60,
                                  metrics: [.resource(.cpu, .utilization(Int32(50 + 10 * b)))], behavior: behavior)
                let scenario = SimFixture.hpaScenario(hpa, startup: .seconds(45), readiness: .seconds(15),
                                                      termination: .seconds(20), pipeline: pipeline)
                let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: env)
                let label = "step \(step), pipeline \(p), behavior \(b)"
                let plain = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) { $0.steadyTable = nil }
                // A table of the usual size, and one that holds a single block (the run
                // then meets steps without a block and must fall back mid-run).
                for maxBlocks in [SteadyStepTable.defaultMaxBlocks, k] {
                    let table = SteadyStepTable(setup: setup, maxBlocks: maxBlocks)
                    XCTAssertEqual(table.ticksPerStep(period: .seconds(15)), k, label)
                    let fast = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) { $0.steadyTable = table }
                    let l = "\(label), \(maxBlocks) blocks"
                    XCTAssertEqual("\(fast.series.rows)", "\(plain.series.rows)", l)   // NaN fields compare by their text
                    XCTAssertEqual(fast.decisions, plain.decisions, l)
                    XCTAssertEqual("\(fast.summary)", "\(plain.summary)", l)   // every number to the last bit of its text
                    XCTAssertEqual(plain.engine.steadyStepsRun, 0, l)
                    if maxBlocks > k {
                        XCTAssertGreaterThan(fast.engine.steadyStepsRun, n / 2, "\(l): the steady run must take most steps")
                        XCTAssertEqual(fast.engine.steadyReadings > 0, table.readsPast, "\(l): readings from the table")
                        // With several ticks per step, ticks inside a step scale and stop the run there.
                        XCTAssertEqual(fast.engine.steadyStopsInsideStep > 0, k > 1, l)
                        // Syncs given the table's utilization answer keeps from the interval seen to keep.
                        XCTAssertEqual(fast.engine.controller.keepsRemembered > 0, behavior != nil && table.readsPast, l)
                    } else {
                        XCTAssertEqual(table.blocksBuilt, 1, l)
                    }
                }
                // A sweep point keeps no rows: the steady run then closes steps from the table's verdicts.
                var pointSetup = setup
                pointSetup.keepSeries = false
                let table = SteadyStepTable(setup: setup)
                let point = try SimFixture.runHPA(hpa, scenario: scenario, setup: pointSetup) { $0.steadyTable = table }
                XCTAssertEqual("\(point.summary)", "\(plain.summary)", "\(label), no rows")
                XCTAssertEqual(point.decisions, plain.decisions, "\(label), no rows")
                XCTAssertGreaterThan(point.engine.steadyStepsRun, n / 2, "\(label), no rows")
                XCTAssertGreaterThan(plain.summary.scalingActions, 10, "\(label): the trace must scale both ways")
                scaled += plain.summary.scalingActions
            }
        }
        XCTAssertGreaterThan(scaled, 100)
    }

    /// The table's readings are what the metrics pipeline reads from a history of the same
    /// whole steps (computed here step by step with a history of its own), its values
    /// those of a segment computed directly, and `fits` is the fluid queue's shortcut.
    func testBlockEqualsDirectComputation() throws {
        let trace = SimFixture.noisyDay(seed: 12, gapEvery: 50)
        let hpa = HPASpec(name: "h", target: nil, minReplicas: 1, maxReplicas: 30,
                          metrics: [.resource(.cpu, .utilization(60))], behavior: nil)
        let scenario = SimFixture.hpaScenario(hpa, startup: .seconds(30), readiness: .zero, termination: .zero,
                                              pipeline: MetricsPipelineSpec(window: .seconds(45), lag: .seconds(5)))
        let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
        let table = SteadyStepTable(setup: setup)
        XCTAssertEqual(table.warmSteps, 4)   // ⌈50 s ÷ 15 s⌉
        let reader = MetricsReader(scenario.metrics)
        for ready in [1, 5, 12] {
            var history = SignalHistory(reach: .seconds(65))
            var fitted = 0
            for i in 0..<3_000 {
                guard let b = table.block(ready: ready, step: i, setup: setup) else { return XCTFail("no block for step \(i)") }
                let e = b.entries[i - b.first]
                let t = trace.time(at: i)
                let rate = setup.load.rate[i]
                let arrivals = rate * 15
                let cores = arrivals * setup.load.cpuPerWork[i] / 15 + setup.load.idlePerPod[i] * Double(ready)
                let cpu = setup.load.missing[i] ? Double.nan : cores / Double(ready)
                XCTAssertEqual(e.values.servedCores.bitPattern, cores.bitPattern, "step \(i), \(ready) pods")
                XCTAssertEqual(e.values.cpu.bitPattern, cpu.bitPattern, "step \(i), \(ready) pods")
                XCTAssertEqual(e.fits, arrivals > 0 && arrivals <= Double(ready) * setup.load.podCapacity[i] * 15, "step \(i)")
                if i >= b.first + table.warmSteps || b.first == 0 {
                    XCTAssertEqual(e.reading.bitPattern, reader.read(history, at: t).bitPattern, "step \(i), \(ready) pods")
                }
                history.set(cpu, at: t)
                if e.fits { fitted += 1 }
            }
            if ready > 1 { XCTAssertGreaterThan(fitted, 100, "\(ready) pods fit some steps") }
        }
        XCTAssertGreaterThanOrEqual(table.blocksBuilt, 9)
    }

    /// With four ticks per step, the table's reading at every tick (the step's start and
    /// the three inside it) is bit for bit what the general loop reads there: a fixed fleet
    /// that serves every step, its readings recorded by a controller that ticks every 15 s.
    /// Between ticks inside a step the history gets a piece only when the tick's projection
    /// over the rest of the step differs from the segment's value, as `record(cpu:)` does.
    func testInnerTickReadingsEqualTheGeneralLoop() throws {
        let trace = SimFixture.noisyDay(seed: 21, gapEvery: 40, step: .minutes(1))
        let pods = 40
        for pipeline in [MetricsPipelineSpec(), MetricsPipelineSpec(window: .seconds(50), lag: .seconds(5)),
                         MetricsPipelineSpec(window: .seconds(120), lag: .zero)] {
            var scenario = SimFixture.scenario()
            scenario.metrics = pipeline
            let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
            let recorder = ReadingRecorder(start: trace.start)
            var engine = SimulationEngine(setup: setup, controller: recorder, initialReplicas: pods, seriesNames: [])
            engine.steadyTable = nil
            _ = try engine.run()
            let readings = recorder.box.readings
            XCTAssertEqual(readings.count, trace.count * 4)
            let table = SteadyStepTable(setup: setup)
            XCTAssertEqual(table.ticksPerStep(period: .seconds(15)), 4)
            var compared = 0
            for i in table.warmSteps..<trace.count {
                guard let b = table.block(ready: pods, step: i, k: 4, setup: setup) else { return XCTFail("no block") }
                // Only where every step the reading looks back at was served whole.
                guard (i - table.warmSteps...i).allSatisfy({ b.first > $0 ? false : b.entries[$0 - b.first].fits }) else { continue }
                for m in 0..<4 {
                    let expected = readings[i * 4 + m]
                    let got = m == 0 ? b.entries[i - b.first].reading : b.innerTick(step: i, m).reading
                    XCTAssertEqual(got.bitPattern, expected.bitPattern, "step \(i), tick \(m): \(got) vs \(expected)")
                    compared += 1
                }
            }
            XCTAssertGreaterThan(compared, trace.count * 2, "most ticks compared")
            // The same fleet with the table: runs of steady steps stop at every gap, and the
            // readings after each stop come from the pieces the run recorded as it ended.
            let fastRecorder = ReadingRecorder(start: trace.start)
            var fast = SimulationEngine(setup: setup, controller: fastRecorder, initialReplicas: pods, seriesNames: [])
            fast.steadyTable = table
            _ = try fast.run()
            XCTAssertEqual(fastRecorder.box.readings.map(\.bitPattern), readings.map(\.bitPattern))
            XCTAssertGreaterThan(fast.steadyStepsRun, trace.count / 2)
            XCTAssertGreaterThan(fast.steadyReadings, trace.count)
        }
    }

    /// The HPA's utilization of a uniform reading, computed in advance, against the
    /// definition worked by hand: the reading in whole nanocores (rounded), read as
    /// millicores rounded up, summed over the pods, × 100 ÷ (request × pods), truncated.
    func testSteadyUtilizationIsTheHPAPercent() {
        var g = HPALazyReasonTests.LCG(s: 77)
        for _ in 0..<20_000 {
            let cores = Double(g.next(4_000_000)) / 1_000_000 + (g.next(2) == 0 ? 0 : 1e-7)
            let pods = 1 + g.next(60)
            let request = [0.25, 0.5, 1.5, 0.1][g.next(4)]
            guard let u = SteadyUtilization(cores: cores, pods: pods, request: request) else {
                return XCTFail("no utilization for \(cores) cores")
            }
            let nano = Int64((cores * 1e9).rounded())
            let milli = nano / 1_000_000 + (nano % 1_000_000 == 0 ? 0 : 1)
            let requestMilli = Int64((request * 1000).rounded())
            let expected = Int32(milli * Int64(pods) * 100 / (requestMilli * Int64(pods)))
            XCTAssertEqual(u.percent, expected, "\(cores) cores × \(pods) pods, request \(request)")
            XCTAssertEqual(u.pods, pods)
        }
        XCTAssertNil(SteadyUtilization(cores: .nan, pods: 3, request: 0.5))
        XCTAssertNil(SteadyUtilization(cores: 0.3, pods: 0, request: 0.5))
    }

    /// A queue timeout shorter than a step: the shortcut never serves a whole step, so the
    /// table does not apply and the run takes the general loop (the same run).
    func testShortTimeoutTakesTheGeneralLoop() throws {
        let trace = SimFixture.noisyDay(seed: 2, gapEvery: 300)
        let hpa = HPASpec(name: "h", target: nil, minReplicas: 2, maxReplicas: 40,
                          metrics: [.resource(.cpu, .utilization(70))], behavior: nil)
        var scenario = SimFixture.hpaScenario(hpa, startup: .seconds(30), readiness: .zero, termination: .zero)
        scenario.workload.queueTimeout = .seconds(10)
        let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
        let table = SteadyStepTable(setup: setup)
        XCTAssertFalse(table.applies)
        let fast = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) { $0.steadyTable = table }
        let plain = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) { $0.steadyTable = nil }
        XCTAssertEqual(fast.engine.steadyStepsRun, 0)
        XCTAssertEqual("\(fast.summary)", "\(plain.summary)")
    }
}

/// A controller that ticks every 15 s from `start`, records the CPU reading of each tick
/// in its context and never acts.
private struct ReadingRecorder: Controller {
    final class Box { var readings: [Double] = [] }
    let box = Box()
    let timers: [ControllerTimer]

    init(start: SimInstant) { timers = [ControllerTimer(first: start, period: .seconds(15))] }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        box.readings.append(context.cpuPerPodCores)
        return nil
    }
}
