import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// Predictive models and the carbon goal, end to end.
extension PoliciesEndToEndTests {
    /// Requests/s over a day (minute of day `m`): 100 at night, a 20-minute ramp to
    /// 1000 at 08:00, 1000 until 17:00, a 20-minute ramp back down.
    static func officeHours(minute m: Int) -> Double {
        let ramp = 20.0
        switch m {
        case ..<480: return 100
        case 480..<500: return 100 + 900 * Double(m - 480) / ramp
        case 500..<1020: return 1000
        case 1020..<1040: return 1000 - 900 * Double(m - 1020) / ramp
        default: return 100
        }
    }

    /// A latency-driven AI policy: up 50 % when p99 > 150 ms (1-minute cooldown), down
    /// one pod when the 30-minute mean CPU is under 50 % (5-minute cooldown), in [2, 40].
    static func latencyPolicy(_ model: AIOptimizationSpec.Model, name: String) -> AIOptimizationSpec {
        var spec = AIOptimizationSpec(
            name: name, targetWorkload: nil,
            goals: [.init(type: .costEfficiency, metric: .cpuUtilizationAvg, threshold: 50, window: .minutes(30)),
                    .init(type: .performance, metric: .latencyP99, threshold: 0.15, window: .minutes(1))],
            agentName: nil, model: model, modelRef: name,
            actions: [.init(direction: .down, ifCondition: .costEfficiency, step: .replicas(1), cooldown: .minutes(5)),
                      .init(direction: .up, ifCondition: .performance, step: .percent(50), cooldown: .minutes(1))])
        spec.minReplicas = 2
        spec.maxReplicas = 40
        return spec
    }

    // (c) On a strongly periodic trace with a slow startup, Holt-Winters scales before the load arrives.
    func testHoltWintersScalesBeforeTheRampAndViolatesTheSLOLessThanReactive() throws {
        let days = 5, perDay = 1440
        let rps = (0..<(days * perDay)).map { Self.officeHours(minute: $0 % perDay) }
        let trace = Self.webTrace(step: Self.minute, rps: rps)
        let sc = Self.web([Self.policy(Self.latencyPolicy(.holtWinters, name: "holt-winters")),
                           Self.policy(Self.latencyPolicy(.none, name: "none"))]) {
            $0.workload.startupDelay = 5 * Self.minute   // horizon defaults to this
            $0.workload.initialReplicas = 2
        }
        let runs = try SimFixture.run(sc, trace)
        let (hw, none) = (runs[0], runs[1])
        // The last day's morning ramp starts at minute 480 of day 5.
        let rampStart = trace.start + ((days - 1) * perDay + 480) * Self.minute
        func firstUp(_ r: RunResult) -> SimInstant? {
            r.decisions.first { $0.time >= rampStart - 60 * Self.minute && $0.to > $0.from }?.time
        }
        let hwUp = try XCTUnwrap(firstUp(hw)), noneUp = try XCTUnwrap(firstUp(none))
        // Holt-Winters (initialised after two days) sees the ramp one startup delay ahead
        // and asks for pods before it begins; the reactive policy only after the latency rose.
        XCTAssertLessThan(hwUp, rampStart)
        XCTAssertGreaterThan(noneUp, rampStart)
        XCTAssertGreaterThan(none.summary.sloViolationSeconds, 0)
        XCTAssertLessThan(hw.summary.sloViolationSeconds, none.summary.sloViolationSeconds)
        // Days 1–2 are the forecaster's warm-up (it answers like none); on the last day
        // the difference is the forecast's alone.
        func lastDayViolations(_ r: RunResult) -> Int {
            r.series[\.slo][((days - 1) * perDay)...].reduce(0) { $0 + ($1 == .violated ? 1 : 0) }
        }
        XCTAssertLessThan(lastDayViolations(hw), lastDayViolations(none))
        // Pods asked for ahead of the load count in the predicted latency (they are ready
        // by the horizon): the predictive fleet grows to what the plateau needs and no
        // further, so it is also the cheaper one. The reactive one overshoots while its
        // new pods start (its observed latency stays high for the whole startup delay).
        let lastDay = (days - 1) * perDay
        let plateau = hw.series[\.desiredReplicas][lastDay + 720]
        XCTAssertEqual(hw.series[\.desiredReplicas][(lastDay + 420)..<(lastDay + 720)].max(), plateau)
        XCTAssertGreaterThan(none.series[\.desiredReplicas][(lastDay + 420)..<(lastDay + 720)].max() ?? 0, plateau)
        XCTAssertLessThan(hw.summary.costUSD, none.summary.costUSD)
    }
}

extension PoliciesEndToEndTests {
    // (d) carbonEfficiency sheds capacity while the grid is dirty, and only then.
    func testCarbonGoalShedsReplicasWhileTheGridIsDirty() throws {
        // 6 hours at 50 requests/s on 8 pods; the grid is 200 g/kWh, then 600 from 2 h to 4 h.
        let n = 6 * 240
        let trace = Self.webTrace(rps: SimFixture.constant(50, n))
        var spec = AIOptimizationSpec(
            name: "green", targetWorkload: nil,
            goals: [.init(type: .carbonEfficiency, metric: .carbonIntensity, threshold: 400, window: .minutes(1)),
                    .init(type: .performance, metric: .latencyP99, threshold: 0.2, window: .minutes(1))],
            agentName: nil, model: .none, modelRef: "none",
            actions: [.init(direction: .down, ifCondition: .carbonEfficiency, step: .replicas(1), cooldown: .minutes(5)),
                      .init(direction: .up, ifCondition: .performance, step: .replicas(1), cooldown: .minutes(1))])
        spec.minReplicas = 3
        let sc = Self.web([Self.policy(spec)]) { $0.workload.initialReplicas = 8 }
        let env = SimEnvironment(intensity: StepSeries(
            times: [trace.start, trace.start + .hours(2), trace.start + .hours(4)], values: [200, 600, 200]))
        let run = try XCTUnwrap(SimFixture.run(sc, trace, env: env).first)
        // By hand: the evaluation at 2 h sees 600 > 400 → 7; then one fewer per 5-minute
        // cooldown: 6 at 2:05, 5 at 2:10, 4 at 2:15, 3 at 2:20 (the minimum). 50 requests/s
        // on 3 pods keeps p99 far below 200 ms, so nothing brings them back when it is clean.
        var expected = [Int32](repeating: 8, count: n)
        for (k, minutes) in [120, 125, 130, 135, 140].enumerated() {
            for i in (minutes * 4)..<n { expected[i] = Int32(7 - k) }
        }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
        XCTAssertEqual(run.decisions.count, 5)
        XCTAssertTrue(run.decisions.allSatisfy { $0.reason.contains("down on carbonEfficiency") })
        // Emissions per step fall while dirty: fewer pods at a higher intensity.
        XCTAssertEqual(run.series[\.carbonIntensity][8 * 60 - 1], 200)
        XCTAssertEqual(run.series[\.carbonIntensity][8 * 60], 600)
    }
}
