import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The O(1) tally of a pod summary must count exactly as the loop over the pods whenever
/// it answers, and a whole simulation must decide the same with and without it.
final class HPAPodSummaryTests: XCTestCase {
    typealias LCG = HPALazyReasonTests.LCG

    func testUniformTallyEqualsTheLoopWheneverItAnswers() {
        var g = LCG(s: 11)
        var answered = 0, declined = 0
        let now = SimInstant.epoch
        for _ in 0..<20_000 {
            let n = g.next(6)
            var pods: [HPAPod] = []
            for _ in 0..<n {
                let created = now - .seconds(Int64(g.next(900)))
                let readyAt: SimInstant? = g.next(6) == 0 ? nil : created + .seconds(Int64(g.next(200)))
                let runningAt: SimInstant? = readyAt.map { $0 - .seconds(Int64(g.next(20))) }
                pods.append(HPAPod(created: created, runningAt: runningAt, readyAt: readyAt))
            }
            let v: Int64? = g.next(8) == 0 ? nil : Int64(g.next(4)) * (g.next(10) == 0 ? Int64.max / 3 : 337)
            let values: HPAPodValues?
            switch g.next(5) {
            case 0: values = .uniform(v)
            case 1: values = .uniformNotReadyZero(v)
            case 2: values = .uniformRunning(v)
            case 3: values = .perPod(pods.map { _ in v })
            default: values = nil
            }
            let isCPU = g.next(3) != 0
            let sampleTime = now - .seconds(Int64(g.next(60)))
            let window = SimDuration.seconds(Int64(g.next(90)))
            let period = SimDuration.seconds(Int64(g.next(600)))
            let full = HPAPodTally.tally(pods: pods, values: values, isCPU: isCPU, now: now, sampleTime: sampleTime,
                                         sampleWindow: window, cpuInitializationPeriod: period,
                                         initialReadinessDelay: .seconds(30))
            let fast = HPAPodSummary(pods).uniformTally(values: values, isCPU: isCPU, now: now, sampleTime: sampleTime,
                                                         sampleWindow: window, cpuInitializationPeriod: period)
            if let fast {
                answered += 1
                XCTAssertEqual(fast, full)
                // When it answers, every pod is in the ready group.
                XCTAssertEqual(full.readyCount, pods.count)
                XCTAssertEqual(full.unready + full.missing, 0)
            } else {
                declined += 1
            }
        }
        // Both branches are exercised (the test could not pass by declining everything).
        XCTAssertGreaterThan(answered, 2_000)
        XCTAssertGreaterThan(declined, 2_000)
    }

    func testSummaryOfAHandBuiltList() {
        let t0 = SimInstant.epoch
        let pods = [HPAPod(created: t0, readyAt: t0 + .seconds(30)), HPAPod(created: t0 + .seconds(60), readyAt: t0 + .seconds(95))]
        let s = HPAPodSummary(pods)
        XCTAssertEqual(s.count, 2)
        XCTAssertEqual(s.latestReady, t0 + .seconds(95))
        XCTAssertEqual(s.latestCreated, t0 + .seconds(60))
        XCTAssertNil(HPAPodSummary(pods + [HPAPod(created: t0, readyAt: nil)]).latestReady)
        XCTAssertNil(HPAPodSummary([]).latestReady)
        // Ready at 95 s, samples at 120 s over 30 s: the newest pod is still held back by the
        // CPU rule (120 < 95 + 30) until its initialization period (300 s from 60 s) ends.
        let args = (now: t0 + .seconds(135), sample: t0 + .seconds(120))
        XCTAssertNil(s.uniformTally(values: .uniform(400), isCPU: true, now: args.now, sampleTime: args.sample,
                                    sampleWindow: .seconds(30), cpuInitializationPeriod: .seconds(300)))
        XCTAssertEqual(s.uniformTally(values: .uniform(400), isCPU: false, now: args.now, sampleTime: args.sample,
                                      sampleWindow: .seconds(30), cpuInitializationPeriod: .seconds(300))?.total, 800)
        XCTAssertEqual(s.uniformTally(values: .uniform(400), isCPU: true, now: args.now, sampleTime: t0 + .seconds(125),
                                      sampleWindow: .seconds(30), cpuInitializationPeriod: .seconds(300))?.readyCount, 2)
    }

    /// `syncSteady` against the full `sync` (no summary, every sync explained) on a scripted
    /// wave with missing samples and pods that start for 30 s: whenever it answers, its
    /// decision, raw proposal, error and state equal the full reconcile's, and on a change
    /// its reason is the same text.
    private func compareSteady(_ spec: HPASpec, seed: UInt64) {
        var g = LCG(s: seed)
        var full = HPAController(spec: spec, kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        var steady = full
        var pods = HPAT.readyPods(3)
        var specReplicas: Int32 = 3
        var answered = 0, changes = 0
        for k in 0..<600 {
            let now = SimInstant.epoch + .seconds(15) * k
            let demand = HPAT.waveDemand(k, noise: g.next(300))
            let ready = pods.filter { $0.isReady(at: now) }.count
            let each: Int64? = ready > 0 && g.next(25) != 0 ? demand / Int64(ready) : nil
            var r = HPAReadings(requestMilli: ["cpu": 500], sampleTime: now - .seconds(15), sampleWindow: .seconds(30))
            r.cpu = .uniform(each)
            let a = full.sync(now: now, specReplicas: specReplicas, statusReplicas: Int32(pods.count), pods: pods, readings: r)
            let quick = steady.syncSteady(now: now, specReplicas: specReplicas, statusReplicas: Int32(pods.count), pods: pods,
                                          readings: r, podSummary: HPAPodSummary(pods))
            if quick != nil { answered += 1 }
            let b = quick
                ?? steady.sync(now: now, specReplicas: specReplicas, statusReplicas: Int32(pods.count), pods: pods,
                               readings: r, podSummary: nil, explain: false)
            XCTAssertEqual(a.desired, b.desired, "sync \(k)")
            XCTAssertEqual(a.rawProposal, b.rawProposal, "sync \(k)")
            XCTAssertEqual(a.error, b.error, "sync \(k)")
            if a.desired != specReplicas { XCTAssertEqual(a.reason, b.reason, "sync \(k)"); changes += 1 }
            XCTAssertEqual(full.recommendations, steady.recommendations, "sync \(k)")
            steady.flushPendingKeep()   // a keep's push may be pending
            XCTAssertEqual(full.upWindow.value(now: now), steady.upWindow.value(now: now), "sync \(k)")
            XCTAssertEqual(full.downWindow.value(now: now), steady.downWindow.value(now: now), "sync \(k)")
            XCTAssertEqual(full.events, steady.events, "sync \(k)")
            specReplicas = a.desired
            HPAT.follow(&pods, to: specReplicas, now: now)
        }
        XCTAssertGreaterThanOrEqual(changes, 8, "the script must exercise decisions")
        XCTAssertGreaterThan(answered, 300, "the steady path must answer most syncs")
        XCTAssertLessThan(answered, 600, "and decline some (starting pods, missing samples)")
    }

    func testSteadySyncEqualsTheFullReconcileLegacy() {
        compareSteady(HPAT.scriptedSpec(behavior: false), seed: 1)
    }

    func testSteadySyncEqualsTheFullReconcileWithBehavior() {
        compareSteady(HPAT.scriptedSpec(behavior: true), seed: 2)
    }

    /// A day of a noisy diurnal load with gaps, pods that start for 45 s (15 s of them
    /// Running-not-Ready), legacy and `behavior` HPAs: every step's replica counts, the
    /// decisions and the summary are identical with the summary and without it.
    func testEngineDecidesTheSameWithAndWithoutTheSummary() throws {
        let trace = SimFixture.noisyDay(seed: 5, gapEvery: 97)
        let behaviors: [HPABehavior?] = [nil, HPABehavior(), HPABehavior(scaleDown: HPAScalingRules(
            stabilizationWindowSeconds: 60, policies: HPAScalingRules.defaultScaleDown.policies))]
        var scaled = 0
        for (k, behavior) in behaviors.enumerated() {
            let hpa = HPASpec(name: "h\(k)", target: nil, minReplicas: 2, maxReplicas: 60,
                              metrics: [.resource(.cpu, .utilization(Int32(45 + 10 * k)))], behavior: behavior)
            let scenario = SimFixture.hpaScenario(hpa, startup: .seconds(45), readiness: .seconds(15), termination: .seconds(20))
            let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
            func run(summarized: Bool) throws -> (RunSummary, RunSeries, [Decision]) {
                let r = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) { $0.controller.builder.summarizesPods = summarized }
                return (r.summary, r.series, r.decisions)
            }
            let (fast, fastSeries, fastDecisions) = try run(summarized: true)
            let (slow, slowSeries, slowDecisions) = try run(summarized: false)
            XCTAssertEqual(fastSeries[\.desiredReplicas], slowSeries[\.desiredReplicas])
            XCTAssertEqual(fastSeries[\.readyReplicas], slowSeries[\.readyReplicas])
            XCTAssertEqual(fastSeries[\.totalReplicas], slowSeries[\.totalReplicas])
            XCTAssertEqual(fastDecisions, slowDecisions)
            XCTAssertEqual("\(fast)", "\(slow)")   // every number, NaN included, to the last bit of its text
            scaled += fast.scalingActions
            XCTAssertGreaterThan(fast.scalingActions, 10, "the trace must scale both ways for the comparison to mean anything")
        }
        XCTAssertGreaterThan(scaled, 30)
    }
}
