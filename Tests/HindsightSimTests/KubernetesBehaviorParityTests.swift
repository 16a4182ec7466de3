import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// The `behavior` rate-limit tables of Kubernetes' `horizontal_test.go`
/// (`TestScalingWithRules`, `TestCalculateScaleUpLimitWithScalingRules`,
/// `TestCalculateScaleDownLimitWithBehaviors`, `TestStoreScaleEvents`) as data for
/// ``HPAController``'s rate limits and scale-event log. Upstream's event timestamps come
/// from `generateEventsUniformDistribution`: n events spread over a period, the k-th
/// (0-based) at age period − (period/n)·(k + 1) + (period/n)/2 seconds.
final class KubernetesBehaviorParityTests: XCTestCase {
    static let now = SimInstant.epoch + .hours(10)

    /// `generateScalingRules(pods, podsPeriod, percent, percentPeriod, window)`: Max, with
    /// the Pods policy when pods ≠ 0 and the Percent policy when percent ≠ 0.
    static func rules(_ pods: Int32, _ podsPeriod: Int32, _ percent: Int32, _ percentPeriod: Int32,
                      _ window: Int32) -> HPAScalingRules {
        var policies: [HPAScalingRules.Policy] = []
        if pods != 0 { policies.append(.init(kind: .pods, value: pods, periodSeconds: podsPeriod)) }
        if percent != 0 { policies.append(.init(kind: .percent, value: percent, periodSeconds: percentPeriod)) }
        return HPAScalingRules(stabilizationWindowSeconds: window, selectPolicy: .max, policies: policies)
    }

    /// `generateEventsUniformDistribution(changes, period)` at `now`.
    static func spread(_ changes: [Int32], over period: Int) -> [HPAScaleEvent] {
        let segment = Double(period) / Double(changes.count)
        return changes.enumerated().map { k, change in
            let age = Int64(Double(period) - segment * Double(k + 1) + segment / 2)
            return HPAScaleEvent(change: change, time: now - .seconds(age), outdated: false)
        }
    }

    /// Upstream's condition name for what bounded a behavior-path result.
    static func condition(_ b: HPAController.RateBound) -> String {
        switch b {
        case .none: return "DesiredWithinRange"
        case .scaleUpRule: return "ScaleUpLimit"
        case .maxReplicas: return "TooManyReplicas"
        case .scaleDownRule: return "ScaleDownLimit"
        case .minReplicas: return "TooFewReplicas"
        }
    }

    struct Rate {
        let name: String
        var up: [HPAScaleEvent] = []
        var down: [HPAScaleEvent] = []
        let min: Int32
        let max: Int32
        var upRules: HPAScalingRules? = nil
        var downRules: HPAScalingRules? = nil
        let current: Int32
        let desired: Int32
        let expected: Int32
        let condition: String
    }

    static let e159 = spread([1, 5, 9], over: 120)

    static let rateCases: [Rate] = [
        Rate(name: "within range", min: 3, max: 8, current: 5, desired: 7, expected: 7, condition: "DesiredWithinRange"),
        Rate(name: "below minReplicas", min: 2, max: 8, current: 3, desired: 1, expected: 2, condition: "TooFewReplicas"),
        Rate(name: "zero within range, min 0", min: 0, max: 10, current: 1, desired: 0, expected: 0, condition: "DesiredWithinRange"),
        Rate(name: "maxReplicas below the default limit", min: 1, max: 10, current: 20, desired: 1000, expected: 10,
             condition: "TooManyReplicas"),
        Rate(name: "desired above maxReplicas", min: 100, max: 150, current: 100, desired: 1000, expected: 150,
             condition: "TooManyReplicas"),
        Rate(name: "user percent policy limits", min: 1, max: 2000, upRules: rules(0, 0, 1, 60, 0), current: 3, desired: 1000,
             expected: 4, condition: "ScaleUpLimit"),
        // Marked testThis upstream, so skipped there; it holds here.
        Rate(name: "user pods policy limits a scale-down", min: 3, max: 2000, downRules: rules(20, 60, 0, 0, 0), current: 1000,
             desired: 3, expected: 980, condition: "ScaleDownLimit"),
        Rate(name: "default scale-up", min: 1, max: 1000, current: 10, desired: 50, expected: 20, condition: "ScaleUpLimit"),
        Rate(name: "pods policy above percent", min: 1, max: 1000, upRules: rules(100, 60, 100, 60, 0), current: 10, desired: 500,
             expected: 110, condition: "ScaleUpLimit"),
        Rate(name: "percent policy above pods", min: 1, max: 1000, upRules: rules(2, 60, 100, 60, 0), current: 10, desired: 500,
             expected: 20, condition: "ScaleUpLimit"),
        Rate(name: "large pods policy", min: 1, max: 1000, upRules: rules(100, 60, 0, 0, 0), current: 10, desired: 50, expected: 50,
             condition: "DesiredWithinRange"),
        Rate(name: "very large pods policy", min: 1, max: 1000, upRules: rules(10000, 60, 0, 0, 0), current: 10, desired: 50,
             expected: 50, condition: "DesiredWithinRange"),
        Rate(name: "pods policy limits", min: 1, max: 1000, upRules: rules(30, 60, 0, 0, 0), current: 10, desired: 50, expected: 40,
             condition: "ScaleUpLimit"),
        Rate(name: "percent policy limits", min: 1, max: 1000, upRules: rules(0, 0, 200, 60, 0), current: 10, desired: 50,
             expected: 30, condition: "ScaleUpLimit"),
        Rate(name: "down: percent above pods", min: 1, max: 1000, downRules: rules(20, 60, 1, 60, 300), current: 100, desired: 2,
             expected: 80, condition: "ScaleDownLimit"),
        Rate(name: "down: pods above percent", min: 1, max: 1000, downRules: rules(2, 60, 1, 60, 300), current: 100, desired: 2,
             expected: 98, condition: "ScaleDownLimit"),
        Rate(name: "down: minReplicas below a large pods policy", min: 1, max: 1000, downRules: rules(100, 60, 0, 0, 300),
             current: 10, desired: 0, expected: 1, condition: "TooFewReplicas"),
        Rate(name: "down: minReplicas below a large pods policy (2)", min: 1, max: 1000, downRules: rules(100, 60, 0, 0, 300),
             current: 10, desired: 0, expected: 1, condition: "TooFewReplicas"),
        Rate(name: "down: minReplicas above a large percent policy", min: 5, max: 1000, downRules: rules(0, 0, 100, 60, 300),
             current: 10, desired: 2, expected: 5, condition: "TooFewReplicas"),
        Rate(name: "down: pods policy limits", min: 1, max: 1000, downRules: rules(5, 60, 0, 0, 300), current: 10, desired: 2,
             expected: 5, condition: "ScaleDownLimit"),
        Rate(name: "down: percent policy meets desired", min: 1, max: 1000, downRules: rules(0, 0, 50, 60, 300), current: 10,
             desired: 5, expected: 5, condition: "DesiredWithinRange"),
        Rate(name: "events: maxReplicas below pods policy", up: e159, min: 1, max: 200, upRules: rules(300, 60, 0, 0, 0),
             current: 100, desired: 500, expected: 200, condition: "TooManyReplicas"),
        Rate(name: "events: maxReplicas below percent policy", up: e159, min: 1, max: 200, upRules: rules(0, 0, 10000, 60, 0),
             current: 100, desired: 500, expected: 200, condition: "TooManyReplicas"),
        // 85 + 5 < 100: the limit never goes below current.
        Rate(name: "events: recent scale-ups hold at current", up: e159, min: 1, max: 1000, upRules: rules(5, 120, 0, 0, 0),
             current: 100, desired: 500, expected: 100, condition: "ScaleUpLimit"),
        Rate(name: "events: pods policy from 85", up: e159, min: 1, max: 1000, upRules: rules(150, 120, 0, 0, 0), current: 100,
             desired: 500, expected: 235, condition: "ScaleUpLimit"),
        Rate(name: "events: percent policy from 85", up: e159, min: 1, max: 1000, upRules: rules(0, 0, 200, 120, 0), current: 100,
             desired: 500, expected: 255, condition: "ScaleUpLimit"),
        // Period start 6 − 4 + 2 = 4; 4 × 4 = 16.
        Rate(name: "events up and down: percent up", up: spread([4], over: 120), down: spread([2], over: 120), min: 1, max: 1000,
             upRules: rules(0, 0, 300, 300, 0), current: 6, desired: 24, expected: 16, condition: "ScaleUpLimit"),
        Rate(name: "down events, default policy", down: e159, min: 1, max: 1000, current: 10, desired: 5, expected: 5,
             condition: "DesiredWithinRange"),
        Rate(name: "down events: minReplicas below pods policy", down: e159, min: 1, max: 1000, downRules: rules(115, 120, 0, 0, 300),
             current: 100, desired: 0, expected: 1, condition: "TooFewReplicas"),
        Rate(name: "down events: minReplicas above pods policy", down: e159, min: 5, max: 1000, downRules: rules(130, 120, 0, 0, 300),
             current: 100, desired: 0, expected: 5, condition: "TooFewReplicas"),
        Rate(name: "down events: 100 % policy, minReplicas", down: e159, min: 5, max: 1000, downRules: rules(0, 0, 100, 120, 300),
             current: 100, desired: 2, expected: 5, condition: "TooFewReplicas"),
        // 100 + 15 − 5 = 110 > 100: held at current.
        Rate(name: "down events: pods policy", down: e159, min: 1, max: 1000, downRules: rules(5, 120, 0, 0, 300), current: 100,
             desired: 2, expected: 100, condition: "ScaleDownLimit"),
        Rate(name: "down events: percent policy from 112", down: spread([2, 4, 6], over: 120), min: 1, max: 1000,
             downRules: rules(0, 0, 50, 120, 300), current: 100, desired: 0, expected: 56, condition: "ScaleDownLimit"),
        Rate(name: "events up and down: percent down", up: spread([2], over: 120), down: spread([4], over: 120), min: 1, max: 1000,
             downRules: rules(0, 0, 50, 180, 0), current: 10, desired: 1, expected: 6, condition: "ScaleDownLimit"),
        Rate(name: "down events prevent more scale-down", down: spread([10, 10, 10], over: 120), min: 1, max: 1000,
             downRules: rules(0, 0, 10, 120, 300), current: 100, desired: 0, expected: 100, condition: "ScaleDownLimit"),
        Rate(name: "down events still allow scale-down", down: spread([10, 10, 10], over: 120), min: 1, max: 1000,
             downRules: rules(0, 0, 1000, 120, 300), current: 10, desired: 5, expected: 5, condition: "DesiredWithinRange"),
        Rate(name: "outdated: one policy up", up: spread([8, 12, 9, 11], over: 120), min: 1, max: 1000,
             upRules: rules(1000, 60, 0, 0, 0), current: 100, desired: 200, expected: 200, condition: "DesiredWithinRange"),
        Rate(name: "outdated: two policies up, not marked", up: spread([8, 12, 9, 11], over: 120), min: 1, max: 1000,
             upRules: rules(1000, 120, 100, 60, 0), current: 100, desired: 200, expected: 200, condition: "DesiredWithinRange"),
        Rate(name: "outdated: two policies up, marked", up: spread([8, 12, 9, 11], over: 120), min: 1, max: 1000,
             upRules: rules(1000, 30, 100, 60, 0), current: 100, desired: 200, expected: 200, condition: "DesiredWithinRange"),
        Rate(name: "outdated: one policy down", down: spread([8, 12, 9, 11], over: 120), min: 1, max: 1000,
             downRules: rules(1000, 60, 0, 0, 300), current: 100, desired: 5, expected: 5, condition: "DesiredWithinRange"),
        Rate(name: "outdated: two policies down, not marked", down: spread([8, 12, 9, 11], over: 120), min: 1, max: 1000,
             downRules: rules(1000, 120, 100, 60, 300), current: 100, desired: 5, expected: 5, condition: "DesiredWithinRange"),
        Rate(name: "outdated: two policies down, marked", down: spread([8, 12, 9, 11], over: 120), min: 1, max: 1000,
             downRules: rules(1000, 30, 100, 60, 300), current: 100, desired: 5, expected: 5, condition: "DesiredWithinRange"),
    ]

    /// A controller with `behavior` and no history (the sync path is not used).
    static func controller(min: Int32, max: Int32, _ b: HPABehavior) -> HPAController {
        let spec = HPASpec(name: "test-hpa", target: "deployment/test", minReplicas: min, maxReplicas: max,
                           metrics: [.resource(.cpu, .utilization(50))], behavior: b)
        return HPAController(spec: spec, kubernetes: HPAT.kube(), initialReplicas: 1, start: now - .hours(1))
    }

    func testScalingWithRules() {
        var passed = 0
        for c in Self.rateCases {
            let b = HPABehavior(scaleUp: c.upRules ?? .defaultScaleUp, scaleDown: c.downRules ?? .defaultScaleDown)
            var hpa = Self.controller(min: c.min, max: c.max, b)
            hpa.events.up = c.up
            hpa.events.down = c.down
            let out = hpa.convertWithBehaviorRate(b, now: Self.now, specReplicas: c.current, desired: c.desired)
            XCTAssertEqual(out.replicas, c.expected, c.name)
            XCTAssertEqual(Self.condition(out.bound), c.condition, c.name)
            if out.replicas == c.expected && Self.condition(out.bound) == c.condition { passed += 1 }
        }
        XCTAssertEqual(Self.rateCases.count, 42)
        XCTAssertEqual(passed, Self.rateCases.count)
    }

    func testCalculateLimitsWithMinSelectPolicy() {
        // Min of [Pods 2 / 60 s, Percent 50 / 60 s]: up from 1 → min(3, ceil(1.5)) = 2;
        // down from 5 → max(3, trunc(2.5)) = 3.
        var r = HPAScalingRules(stabilizationWindowSeconds: 300, selectPolicy: .min,
                                policies: [.init(kind: .pods, value: 2, periodSeconds: 60), .init(kind: .percent, value: 50, periodSeconds: 60)])
        let hpa = Self.controller(min: 1, max: 10, HPABehavior(scaleUp: r, scaleDown: r))
        XCTAssertEqual(hpa.scaleUpLimit(r, now: Self.now, specReplicas: 1), 2)
        XCTAssertEqual(hpa.scaleDownLimit(r, now: Self.now, specReplicas: 5), 3)
        r.selectPolicy = .max   // the same rules with Max: the other policy wins each way
        XCTAssertEqual(hpa.scaleUpLimit(r, now: Self.now, specReplicas: 1), 3)
        XCTAssertEqual(hpa.scaleDownLimit(r, now: Self.now, specReplicas: 5), 2)
    }

    struct Store {
        let name: String
        /// (change, age in seconds).
        let previous: [(Int32, Int64)]
        /// Stored afterwards: (change, outdated).
        let after: [(Int32, Bool)]
        let rules: HPAScalingRules?
        /// Sum of the previous changes younger than 60 s.
        let changeIn60s: Int64
    }

    static let storeCases: [Store] = [
        Store(name: "empty, no behavior", previous: [], after: [], rules: nil, changeIn60s: 0),
        Store(name: "empty, two policies", previous: [], after: [(5, false)], rules: rules(10, 60, 100, 60, 0), changeIn60s: 0),
        Store(name: "outdated entry kept without behavior", previous: [(7, 61)], after: [(7, false)], rules: nil, changeIn60s: 0),
        Store(name: "outdated entry replaced", previous: [(7, 61)], after: [(5, false)], rules: rules(10, 60, 100, 60, 0),
              changeIn60s: 0),
        Store(name: "live entry kept", previous: [(7, 58)], after: [(7, false), (5, false)], rules: rules(10, 60, 100, 60, 0),
              changeIn60s: 7),
        Store(name: "two entries, one replaced", previous: [(7, 61), (6, 59)], after: [(5, false), (6, false)],
              rules: rules(10, 60, 0, 0, 0), changeIn60s: 6),
        // Longest period 60 s: both 61 s entries are outdated, the last of them is overwritten.
        Store(name: "different periods", previous: [(8, 29), (6, 59), (7, 61), (9, 61)],
              after: [(8, false), (6, false), (7, true), (5, false)], rules: rules(10, 60, 100, 30, 0), changeIn60s: 14),
        Store(name: "two live entries", previous: [(7, 58), (6, 59)], after: [(7, false), (6, false), (5, false)],
              rules: rules(10, 120, 100, 30, 0), changeIn60s: 13),
    ]

    func testStoreScaleEvents() {
        var passed = 0
        for c in Self.storeCases {
            let previous = c.previous.map { HPAScaleEvent(change: $0.0, time: Self.now - .seconds($0.1), outdated: false) }
            XCTAssertEqual(HPAScaleEventLog.changes(within: .seconds(60), previous, now: Self.now), c.changeIn60s, c.name)
            var ok = HPAScaleEventLog.changes(within: .seconds(60), previous, now: Self.now) == c.changeIn60s
            for up in [true, false] {
                let b = c.rules.map { up ? HPABehavior(scaleUp: $0) : HPABehavior(scaleDown: $0) }
                let spec = HPASpec(name: "test-hpa", target: "deployment/test", minReplicas: 1, maxReplicas: 100,
                                   metrics: [.resource(.cpu, .utilization(50))], behavior: b)
                var hpa = HPAController(spec: spec, kubernetes: HPAT.kube(), initialReplicas: 10, start: Self.now)
                if up { hpa.events.up = previous } else { hpa.events.down = previous }
                hpa.storeScaleEvent(from: 10, to: up ? 15 : 5, now: Self.now)
                let stored = (up ? hpa.events.up : hpa.events.down).map { "\($0.change)/\($0.outdated)" }
                let expected = c.after.map { "\($0.0)/\($0.1)" }
                XCTAssertEqual(stored, expected, "\(c.name) (\(up ? "up" : "down"))")
                ok = ok && stored == expected
            }
            if ok { passed += 1 }
        }
        XCTAssertEqual(Self.storeCases.count, 8)
        XCTAssertEqual(passed, Self.storeCases.count)
    }
}
