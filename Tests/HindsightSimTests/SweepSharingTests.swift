import HindsightScenario
import HindsightStats
import HindsightTrace
import XCTest
@testable import HindsightSim

/// What the sweep shares between its points and the structures that replace scans, each
/// against the direct computation it stands for: the results must be the same bits.
final class SweepSharingTests: XCTestCase {
    func testErlangCTableEqualsDirectWaitBitForBit() {
        var rng = SeededGenerator(seed: 21)
        let n = 3000
        // Loads from idle to ~400 servers' worth, pod rates from 0.5 to 300 requests/s,
        // some steps without load, some with rate exactly k × μ.
        var rate = [Double](repeating: 0, count: n), podRate = [Double](repeating: 0, count: n)
        for i in 0..<n {
            podRate[i] = 0.5 + 300 * rng.nextUnit()
            switch i % 7 {
            case 0: rate[i] = 0
            case 1: rate[i] = podRate[i] * Double(1 + rng.below(20))
            default: rate[i] = podRate[i] * 400 * pow(rng.nextUnit(), 3)
            }
        }
        let table = ErlangCTable(rate: rate, podRate: podRate, jobs: 3)
        for i in 0..<n {
            let a = rate[i] / podRate[i]
            let around = Int(a)
            for servers in Set([0, 1, 2, around - 1, around, around + 1, around + 2, around + 5, Int(1.3 * a) + 1,
                                2 * around + 3, around + 700]) where servers >= 0 {
                let direct = ErlangC.waitP99(servers: servers, mu: podRate[i], lambda: rate[i])
                let looked = table.wait(step: i, servers: servers, mu: podRate[i], lambda: rate[i])
                XCTAssertEqual(looked.bitPattern, direct.bitPattern, "step \(i), \(servers) servers, a = \(a)")
            }
        }
    }

    func testWindowExtremaEqualScanOfEveryEntry() {
        var rng = SeededGenerator(seed: 8)
        for windowSeconds in [0, 15, 45, 300, 2940] {
            let window = SimDuration.seconds(Int64(windowSeconds))
            var low = HPAWindowExtremum(window: window, largest: false)
            var high = HPAWindowExtremum(window: window, largest: true)
            var all: [HPATimedRecommendation] = []
            var now = SimInstant.epoch
            for step in 0..<3000 {
                now += .seconds(15) * rng.below(3)   // repeated instants too
                let expectedLow = all.filter { now - $0.time < window }.map(\.replicas).min()
                let expectedHigh = all.filter { now - $0.time < window }.map(\.replicas).max()
                XCTAssertEqual(low.value(now: now), expectedLow, "window \(windowSeconds) s, step \(step)")
                XCTAssertEqual(high.value(now: now), expectedHigh, "window \(windowSeconds) s, step \(step)")
                let rec = HPATimedRecommendation(replicas: Int32(1 + rng.below(step % 600 < 300 ? 3 : 30)), time: now)
                all.append(rec)
                low.push(rec)
                high.push(rec)
            }
        }
    }

    /// 24 HPA points (≥ `SharedErlangC.minimumPoints`, so the shared table is used) with
    /// scale-down windows up to 15 minutes: every summary equals a plain run's.
    func testLargeSweepPointsEqualPlainRuns() throws {
        try assertHPAPointsEqualPlainRuns(step: .seconds(15))
    }

    /// The same 24 points on a 1-minute trace: four HPA syncs per step, so the steady
    /// steps run with ticks inside each step.
    func testLargeSweepOfOneMinuteTraceEqualsPlainRuns() throws {
        try assertHPAPointsEqualPlainRuns(step: .minutes(1))
    }

    private func assertHPAPointsEqualPlainRuns(step: SimDuration) throws {
        let n = 2000
        var rng = SeededGenerator(seed: 3)
        let rps = (0..<n).map { i in (300 + 250 * sin(Double(i) / 90)) * (0.8 + 0.4 * rng.nextUnit()) }
        let trace = PoliciesEndToEndTests.webTrace(step: step, rps: rps)
        let scenario = PoliciesEndToEndTests.web([PolicySpec(name: "fixed", kind: .fixed(replicas: 3))])
        @Sendable func point(_ k: Int) -> PolicySpec {
            let window = Int32(60 * (k / 4))
            let hpa = HPASpec(name: "p\(k)", target: nil, minReplicas: 1, maxReplicas: 60,
                              metrics: [.resource(.cpu, .utilization(Int32(40 + 10 * (k % 4))))],
                              behavior: k < 4 ? nil : HPABehavior(scaleDown: HPAScalingRules(
                                  stabilizationWindowSeconds: window, policies: HPAScalingRules.defaultScaleDown.policies)))
            return PolicySpec(name: "p\(k)", kind: .hpa(hpa))
        }
        let costs = try assertPointsEqualPlainRuns(scenario, trace, count: 24, point: point)
        XCTAssertGreaterThan(costs, 12, "the points differ")
    }

    /// Runs `count` (≥ `SharedErlangC.minimumPoints`, so the shared tables are used) points
    /// through `runPoints` on two workers and each alone on a fresh prepared scenario:
    /// every summary must be the same to the last bit of its text.
    /// - Returns: the number of distinct costs among the points.
    func assertPointsEqualPlainRuns(_ scenario: Scenario, _ trace: Trace, count: Int,
                                    point: @escaping @Sendable (Int) -> PolicySpec) throws -> Int {
        XCTAssertGreaterThanOrEqual(count, SharedErlangC.minimumPoints)
        let prepared = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
        let swept = try prepared.runPoints(count: count, jobs: 2) { point($0) }
        var costs = Set<Double>()
        for k in 0..<count {
            let alone = try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
                .run([point(k)]).runs[0]
            XCTAssertEqual("\(swept[k].summary)", "\(alone.summary)", "point \(k)")
            costs.insert(alone.summary.costUSD)
        }
        return costs.count
    }

    /// 20 `AIOptimizationPolicy` points evaluated every step (so the steady steps apply, with
    /// the controller's full tick): every summary equals a plain run's.
    func testLargeAIPolicySweepEqualsPlainRuns() throws {
        let n = 1500
        var rng = SeededGenerator(seed: 5)
        let rps = (0..<n).map { i in (320 + 260 * sin(Double(i) / 120)) * (0.85 + 0.3 * rng.nextUnit()) }
        let trace = PoliciesEndToEndTests.webTrace(rps: rps)
        let scenario = PoliciesEndToEndTests.web([PolicySpec(name: "fixed", kind: .fixed(replicas: 3))]) {
            $0.workload.initialReplicas = 4
        }
        @Sendable func point(_ k: Int) -> PolicySpec {
            var spec = PoliciesEndToEndTests.seed(model: .none)
            spec.evaluationInterval = .seconds(15)
            spec.goals[0].threshold = Double(30 + 3 * k)
            spec.name = "ai\(k)"
            return PoliciesEndToEndTests.policy(spec)
        }
        XCTAssertGreaterThan(try assertPointsEqualPlainRuns(scenario, trace, count: 20, point: point), 3, "the points differ")
        // The engine does take the steady steps for such a policy (with the whole context per tick).
        var setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
        setup.keepSeries = false
        guard case .aiOptimization(let spec) = point(7).kind else { return XCTFail("not an AI policy") }
        var runs: [(RunSummary, Int)] = []
        for table in [nil, SteadyStepTable(setup: setup)] {
            var e = SimulationEngine(setup: setup, controller: AIPolicyController(spec: spec, setup: setup, agent: nil),
                                     initialReplicas: 4, seriesNames: [])
            e.steadyTable = table
            let (summary, _, _) = try e.run()
            runs.append((summary, e.steadyStepsRun))
        }
        XCTAssertEqual("\(runs[0].0)", "\(runs[1].0)")
        XCTAssertEqual(runs[0].1, 0)
        XCTAssertGreaterThan(runs[1].1, n / 2)
    }
}
