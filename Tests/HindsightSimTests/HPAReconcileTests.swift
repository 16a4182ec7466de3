import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md §1 reconcile order, §5 several metrics, §8 zero replicas.
final class HPAReconcileTests: XCTestCase {
    private let ext100 = HPAMetricSpec.external(series: "rps", .averageValue(milli: 100_000))

    func testSpecZeroWithMinOneIsDisabled() {
        var c = HPAController(spec: HPAT.spec([ext100]), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 0, statusReplicas: 0, pods: [], readings: HPAT.totals(["rps": 900]))
        XCTAssertEqual(out.desired, 0)
        XCTAssertNil(out.rawProposal)
        XCTAssertNil(out.error)
        XCTAssertTrue(out.reason.contains("disabled"), out.reason)
    }

    func testAboveMaxGoesToMaxSkippingMetrics() {
        // spec 12 > max 10 → 10 with no readings at all (metrics are not read: no error).
        var c = HPAController(spec: HPAT.spec([ext100], max: 10, behavior: HPABehavior()), kubernetes: HPAT.kube(),
                              initialReplicas: 12, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 12, statusReplicas: 12, pods: HPAT.readyPods(12), readings: HPAT.totals([:]))
        XCTAssertEqual(out.desired, 10)
        XCTAssertNil(out.rawProposal)
        XCTAssertNil(out.error)
        // With behavior the correction is a scale event: down by 2 at t = 0.
        XCTAssertEqual(c.events.down, [HPAScaleEvent(change: 2, time: .epoch, outdated: false)])
        // ... and no recommendation is recorded (only the seed).
        XCTAssertEqual(c.recommendations.count, 1)
    }

    func testBelowMinGoesToMinAndLegacyStoresNoEvent() {
        var c = HPAController(spec: HPAT.spec([ext100], min: 3), kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 1, statusReplicas: 1, pods: HPAT.readyPods(1), readings: HPAT.totals([:]))
        XCTAssertEqual(out.desired, 3)
        XCTAssertNil(out.rawProposal)
        XCTAssertTrue(c.events.up.isEmpty && c.events.down.isEmpty)
    }

    func testMaxProposalWins() {
        // cpu: 4 pods at 900m/1000m vs 50 % → 1.8 → ceil(7.2) = 8; rps 250 vs 100/pod,
        // status 4 → 0.625 → ceil(2.5) = 3. Max = 8. Legacy limit max(2·4, 4) = 8 → 8.
        var c = HPAController(spec: HPAT.spec(HPAT.cpuUtil(50) + [ext100]), kubernetes: HPAT.kube(),
                              initialReplicas: 4, start: .epoch)
        var r = HPAT.cpu([900, 900, 900, 900]); r.totals = ["rps": 250]
        let out = c.sync(now: .epoch, specReplicas: 4, statusReplicas: 4, pods: HPAT.readyPods(4), readings: r)
        XCTAssertEqual(out.rawProposal, 8)
        XCTAssertEqual(out.desired, 8)
        XCTAssertNil(out.error)
    }

    func testAllInvalidIsAnErrorAndRecordsNothing() {
        var c = HPAController(spec: HPAT.spec([ext100, .external(series: "q", .value(milli: 1000))]),
                              kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        let out = c.sync(now: .epoch + .seconds(15), specReplicas: 4, statusReplicas: 4, pods: HPAT.readyPods(4), readings: HPAT.totals([:]))
        XCTAssertEqual(out.desired, 4)
        XCTAssertNil(out.rawProposal)
        XCTAssertNotNil(out.error)
        XCTAssertEqual(c.recommendations, [HPATimedRecommendation(replicas: 4, time: .epoch)])
    }

    func testSomeInvalidBelowSpecIsAnError() {
        // rps valid: 100 vs 100/pod at status 4 → 0.25 → ceil(1) = 1 < spec 4; "q" invalid →
        // error, no scaling, nothing recorded.
        var c = HPAController(spec: HPAT.spec([ext100, .external(series: "q", .value(milli: 1000))]),
                              kubernetes: HPAT.kube(downscale: .zero), initialReplicas: 4, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 4, statusReplicas: 4, pods: HPAT.readyPods(4), readings: HPAT.totals(["rps": 100]))
        XCTAssertEqual(out.desired, 4)
        XCTAssertNil(out.rawProposal)
        XCTAssertNotNil(out.error)
        XCTAssertEqual(c.recommendations.count, 1)
    }

    func testSomeInvalidAtOrAboveSpecStillScales() {
        // rps 900 vs 100/pod at status 4 → 2.25 → ceil(9) = 9 ≥ spec; legacy limit 8 → 8,
        // and the error of "q" is still reported.
        var c = HPAController(spec: HPAT.spec([ext100, .external(series: "q", .value(milli: 1000))]),
                              kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 4, statusReplicas: 4, pods: HPAT.readyPods(4), readings: HPAT.totals(["rps": 900]))
        XCTAssertEqual(out.rawProposal, 9)
        XCTAssertEqual(out.desired, 8)
        XCTAssertNotNil(out.error)
    }

    func testMinZeroValueTargetAtSpecZero() {
        // minReplicas 0, External Value 100: at spec 0, value 105 → ceil(1.05) = 2 with no
        // band (at spec ≠ 0 1.05 would be inside). Legacy: max(2, seed 0) = 2, limit
        // max(0, 4) = 4 → 2.
        var c = HPAController(spec: HPAT.spec([.external(series: "q", .value(milli: 100_000))], min: 0),
                              kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 0, statusReplicas: 0, pods: [], readings: HPAT.totals(["q": 105]))
        XCTAssertEqual(out.rawProposal, 2)
        XCTAssertEqual(out.desired, 2)
    }

    func testMinZeroAverageValueAtStatusZero() {
        // AverageValue 100/pod at status 0: 250/(100·0) = +Inf outside the band →
        // ceil(250/100) = 3; value 0: 0/0 = NaN outside → ceil(0) = 0.
        var c = HPAController(spec: HPAT.spec([ext100], min: 0), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        XCTAssertEqual(c.sync(now: .epoch, specReplicas: 0, statusReplicas: 0, pods: [], readings: HPAT.totals(["rps": 250])).rawProposal, 3)
        var d = HPAController(spec: HPAT.spec([ext100], min: 0), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        let z = d.sync(now: .epoch, specReplicas: 0, statusReplicas: 0, pods: [], readings: HPAT.totals(["rps": 0]))
        XCTAssertEqual(z.rawProposal, 0)
        XCTAssertEqual(z.desired, 0)
    }

    func testMinZeroResourceMetricFailsWithoutPods() {
        var c = HPAController(spec: HPAT.spec(HPAT.cpuUtil(50), min: 0), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        let out = c.sync(now: .epoch, specReplicas: 0, statusReplicas: 0, pods: [], readings: HPAT.cpu([]))
        XCTAssertNil(out.rawProposal)
        XCTAssertNotNil(out.error)
    }

    func testEmptyMetricsDefaultToCPU80() {
        let c = HPAController(spec: HPAT.spec([]), kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
        XCTAssertEqual(c.spec.metrics, [.resource(.cpu, .utilization(80))])
    }
}
