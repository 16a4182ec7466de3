import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md §2–§3: per-metric proposals. Every expected value is worked out by hand in
/// the comment above the assertion.
final class HPAReplicaCalculatorTests: XCTestCase {
    /// One sync of a fresh controller at t = 0 (history seeded with spec at t = 0).
    private func once(_ metrics: [HPAMetricSpec], spec: Int32, status: Int32? = nil, pods: [HPAPod],
                      readings: HPAReadings, kube: KubernetesSpec = HPAT.kube(), now: SimInstant = .epoch,
                      min: Int32 = 1) -> HPASyncOutcome {
        var c = HPAController(spec: HPAT.spec(metrics, min: min), kubernetes: kube, initialReplicas: spec, start: now)
        return c.sync(now: now, specReplicas: spec, statusReplicas: status ?? Int32(pods.count), pods: pods,
                      readings: readings)
    }

    func testUtilizationPercentIsTruncatedBeforeTheRatio() {
        // 3 pods × 1000m request, usage 1010m in total, target 50 %.
        // percent = floor(1010·100 / 3000) = floor(33.67) = 33 → ratio 33/50 = 0.66
        // → ceil(0.66 × 3) = ceil(1.98) = 2. (Untruncated: 0.6733 × 3 = 2.02 → 3.)
        let out = once(HPAT.cpuUtil(50), spec: 3, pods: HPAT.readyPods(3), readings: HPAT.cpu([400, 310, 300]))
        XCTAssertEqual(out.rawProposal, 2)
        XCTAssertTrue(out.reason.contains("33%"), out.reason)
    }

    func testSimplePathCeilOfRatioTimesReadyPods() {
        // 4 ready pods × 500m, usage 400+300+350+250 = 1300 → 1300·100/2000 = 65 %;
        // target 50 → ratio 1.3 → ceil(1.3 × 4) = ceil(5.2) = 6.
        let out = once(HPAT.cpuUtil(50), spec: 4, pods: HPAT.readyPods(4), readings: HPAT.cpu([400, 300, 350, 250], request: 500))
        XCTAssertEqual(out.rawProposal, 6)
    }

    func testInsideTheBandKeepsSpecNotPodCount() {
        // spec 5 but only 4 pods; 4 × 530m of 1000m = 53 % vs 50 → ratio 1.06, inside
        // [0.9, 1.1] → the proposal is spec = 5.
        let out = once(HPAT.cpuUtil(50), spec: 5, pods: HPAT.readyPods(4), readings: HPAT.cpu([530, 530, 530, 530]))
        XCTAssertEqual(out.rawProposal, 5)
    }

    func testMissingPodsOnScaleDownUseMaxOf100AndTarget() {
        // 3 ready pods at 200m of 1000m + 1 ready pod without a sample; target 200 %.
        // percent = 600·100/3000 = 20 → ratio 0.1 < 1 → the missing pod is assumed at
        // max(100, 200) = 200 % → 2000m. New percent = 2600·100/4000 = 65 → 0.325;
        // ceil(0.325 × 4) = ceil(1.3) = 2. (The old 100 % rule would give 40 % → 0.2 → 1.)
        let out = once(HPAT.cpuUtil(200), spec: 4, pods: HPAT.readyPods(4), readings: HPAT.cpu([200, 200, 200, nil]))
        XCTAssertEqual(out.rawProposal, 2)
    }

    func testMissingPodsOnScaleUpCountAsZero() {
        // 3 ready pods at 900m of 1000m + 1 missing; target 50. percent 2700·100/3000 = 90
        // → ratio 1.8 → the missing pod counts 0: 2700·100/4000 = 67 (67.5 truncated)
        // → 1.34 → ceil(1.34 × 4) = ceil(5.36) = 6.
        let out = once(HPAT.cpuUtil(50), spec: 4, pods: HPAT.readyPods(4), readings: HPAT.cpu([900, 900, 900, nil]))
        XCTAssertEqual(out.rawProposal, 6)
    }

    func testUnreadyPodsAtZeroWhenScalingUp() {
        // 3 ready at 900m + 1 starting pod (Pending), target 50: 90 % → ratio 1.8 > 1 with
        // unready pods → rebalance: 2700·100/4000 = 67 → 1.34 → ceil(5.36) = 6.
        let pods = HPAT.readyPods(3) + HPAT.startingPods(1)
        let out = once(HPAT.cpuUtil(50), spec: 4, pods: pods, readings: HPAT.cpu([900, 900, 900, 900]))
        XCTAssertEqual(out.rawProposal, 6)
    }

    func testDirectionFlipKeepsSpec() {
        // 2 ready at 800m + 2 starting, target 50: 1600·100/2000 = 80 % → 1.6 > 1; unready
        // at 0 → 1600·100/4000 = 40 % → 0.8 < 1: the direction flips → spec 4.
        let pods = HPAT.readyPods(2) + HPAT.startingPods(2)
        let out = once(HPAT.cpuUtil(50), spec: 4, pods: pods, readings: HPAT.cpu([800, 800, nil, nil]))
        XCTAssertEqual(out.rawProposal, 4)
        XCTAssertTrue(out.reason.contains("flips"), out.reason)
    }

    func testScaleDownSimplyLeavesUnreadyPodsOut() {
        // 2 ready at 100m + 2 starting, target 50: 10 % → ratio 0.2 < 1, so no rebalance
        // (unready pods only matter when the ratio is > 1) → ceil(0.2 × 2) = 1 < spec 4.
        let pods = HPAT.readyPods(2) + HPAT.startingPods(2)
        let out = once(HPAT.cpuUtil(50), spec: 4, pods: pods, readings: HPAT.cpu([100, 100, nil, nil]))
        XCTAssertEqual(out.rawProposal, 1)
    }

    func testFinalDirectionCheckKeepsSpec() {
        // spec 10, 2 ready at 1000m + 1 starting, target 50: 100 % → ratio 2.0; unready at
        // 0 → 2000·100/3000 = 66 → 1.32 > 1, ceil(1.32 × 3) = ceil(3.96) = 4 < spec 10:
        // moving down against an up ratio → spec 10.
        let pods = HPAT.readyPods(2) + HPAT.startingPods(1)
        let out = once(HPAT.cpuUtil(50), spec: 10, pods: pods, readings: HPAT.cpu([1000, 1000, nil]))
        XCTAssertEqual(out.rawProposal, 10)
    }

    func testStartupChangesProposalThroughTruncation() {
        // Demand 2504m spread over 3 ready pods (835+835+834) + 1 starting, target 50 %.
        // Ready percent = floor(250400/3000) = 83 → 1.66 > 1 → rebalance with the starting
        // pod at 0: floor(250400/4000) = 62 (62.6 truncated) → 1.24 → ceil(1.24 × 4) =
        // ceil(4.96) = 5. Untruncated demand/(4 × 1000) = 62.6 % would give 5.008 → 6.
        let pods = HPAT.readyPods(3) + HPAT.startingPods(1)
        let out = once(HPAT.cpuUtil(50), spec: 4, pods: pods, readings: HPAT.cpu([835, 835, 834]))
        XCTAssertEqual(out.rawProposal, 5)
    }

    func testCPUReadinessRuleInsideInitializationPeriod() {
        // Pod created 0, Ready at 20 s; sync at 40 s (< 0 + 300 s init period), window 30 s.
        // Sample time 40 s < 20 + 30 = 50 s → unready: no sample left → the metric errors.
        let pod = [HPAPod(created: .epoch, readyAt: .epoch + .seconds(20))]
        var r = HPAReadings(podValuesMilli: ["cpu": [900]], requestMilli: ["cpu": 1000], sampleTime: .epoch + .seconds(40), sampleWindow: .seconds(30))
        let early = once(HPAT.cpuUtil(50), spec: 1, pods: pod, readings: r, now: .epoch + .seconds(40))
        XCTAssertNil(early.rawProposal)
        XCTAssertNotNil(early.error)
        // Sample time 50 s is not < 50 s → ready: 90 % / 50 → 1.8 → ceil(1.8) = 2.
        r.sampleTime = .epoch + .seconds(50)
        XCTAssertEqual(once(HPAT.cpuUtil(50), spec: 1, pods: pod, readings: r, now: .epoch + .seconds(50)).rawProposal, 2)
    }

    func testCPUReadinessRuleEndsWithInitializationPeriod() {
        // created 0, Ready at 290 s, sync at 300 s: now < created + 300 s is false → the
        // window test no longer applies → ready → 90 % / 50 → 2. One ms earlier → unready.
        let pod = [HPAPod(created: .epoch, readyAt: .epoch + .seconds(290))]
        let r = HPAReadings(podValuesMilli: ["cpu": [900]], requestMilli: ["cpu": 1000], sampleTime: .epoch + .seconds(300), sampleWindow: .seconds(30))
        XCTAssertEqual(once(HPAT.cpuUtil(50), spec: 1, pods: pod, readings: r, now: .epoch + .seconds(300)).rawProposal, 2)
        var r2 = r; r2.sampleTime = .epoch + .milliseconds(299_999)
        XCTAssertNil(once(HPAT.cpuUtil(50), spec: 1, pods: pod, readings: r2, now: .epoch + .milliseconds(299_999)).rawProposal)
    }

    func testReadinessWindowRuleIsCPUOnly() {
        // Same young pod for memory AverageValue 500m: 900m → ratio 1.8 → ceil(1.8) = 2.
        let pod = [HPAPod(created: .epoch, readyAt: .epoch + .seconds(20))]
        let r = HPAReadings(podValuesMilli: ["memory": [900]], requestMilli: ["memory": 1000], sampleTime: .epoch + .seconds(40), sampleWindow: .seconds(30))
        let out = once([.resource(.memory, .averageValue(milli: 500))], spec: 1, pods: pod, readings: r, now: .epoch + .seconds(40))
        XCTAssertEqual(out.rawProposal, 2)
    }

    func testGroupPodsOrder() {
        // Pending with a sample → unready; ready without sample → missing; in-init cpu
        // pod with a fresh sample → unready; old ready pod → sample.
        let pods = [HPAPod(created: .epoch, readyAt: nil), HPAPod(created: .epoch, readyAt: .epoch + .seconds(1)),
                    HPAPod(created: .epoch, readyAt: .epoch + .seconds(1)), HPAPod(created: .epoch - .seconds(400), readyAt: .epoch - .seconds(390))]
        let g = HPAPodGroups.group(pods: pods, values: [5, nil, 7, 9], isCPU: true, now: .epoch + .seconds(10),
                                   sampleTime: .epoch + .seconds(10), sampleWindow: .seconds(30), cpuInitializationPeriod: .seconds(300),
                                   initialReadinessDelay: .seconds(30))
        XCTAssertEqual(g.unready, [0, 2])
        XCTAssertEqual(g.missing, [1])
        XCTAssertEqual(g.samples.map(\.index), [3])
        XCTAssertEqual(g.samples.map(\.value), [9])
    }

    func testUtilizationInvalidWithoutRequest() {
        let r = HPAReadings(podValuesMilli: ["cpu": [500]], requestMilli: [:])
        let out = once(HPAT.cpuUtil(50), spec: 1, pods: HPAT.readyPods(1), readings: r)
        XCTAssertNil(out.rawProposal)
        XCTAssertEqual(out.desired, 1)
        XCTAssertNotNil(out.error)
    }

    func testAverageValueTruncatedMean() {
        // Pods metric "rps", samples 100+200+301 = 601 milli → mean 200 (truncated);
        // target 100m → ratio 2.0 → ceil(2 × 3) = 6.
        let r = HPAReadings(podValuesMilli: ["rps": [100, 200, 301]])
        let out = once([.pods(series: "rps", .averageValue(milli: 100))], spec: 3, pods: HPAT.readyPods(3), readings: r)
        XCTAssertEqual(out.rawProposal, 6)
    }

    func testAverageValueMissingPodsAtExactlyTarget() {
        // 2 ready [20, 40] + 1 missing, target 100: mean 30 → 0.3; missing at 100 →
        // 160/3 = 53 → 0.53 → ceil(0.53 × 3) = ceil(1.59) = 2.
        let r = HPAReadings(podValuesMilli: ["rps": [20, 40, nil]])
        let out = once([.pods(series: "rps", .averageValue(milli: 100))], spec: 3, pods: HPAT.readyPods(3), readings: r)
        XCTAssertEqual(out.rawProposal, 2)
    }

    func testObjectValueUsesReadyPodCountNotSpec() {
        // spec 3: 2 ready + 1 starting; value 300 vs target 100 → ratio 3 → ceil(3 × 2) = 6.
        let pods = HPAT.readyPods(2) + HPAT.startingPods(1)
        let out = once([.object(series: "q", .value(milli: 100_000))], spec: 3, pods: pods, readings: HPAT.totals(["q": 300]))
        XCTAssertEqual(out.rawProposal, 6)
    }

    func testObjectValueWithoutPodsIsAnError() {
        let out = once([.external(series: "q", .value(milli: 100_000))], spec: 2, pods: [], readings: HPAT.totals(["q": 300]))
        XCTAssertNil(out.rawProposal)
        XCTAssertNotNil(out.error)
    }

    func testExternalAverageValueUsesStatusReplicas() {
        // value 250 vs 100 per pod, status 2 (spec 5): ratio 250/(100·2) = 1.25 → ceil(250/100) = 3.
        let out = once([.external(series: "rps", .averageValue(milli: 100_000))], spec: 5, status: 2,
                       pods: HPAT.readyPods(2), readings: HPAT.totals(["rps": 250]))
        XCTAssertEqual(out.rawProposal, 3)
        // value 210, status 2: ratio 1.05 inside → status 2 (not spec 5).
        let inside = once([.external(series: "rps", .averageValue(milli: 100_000))], spec: 5, status: 2,
                          pods: HPAT.readyPods(2), readings: HPAT.totals(["rps": 210]))
        XCTAssertEqual(inside.rawProposal, 2)
    }

    func testExternalSeriesAbsentIsInvalid() {
        let out = once([.external(series: "rps", .averageValue(milli: 100_000))], spec: 2, pods: HPAT.readyPods(2),
                       readings: HPAT.totals([:]))
        XCTAssertNil(out.rawProposal)
        XCTAssertNotNil(out.error)
    }

    func testMilliValueRoundsUp() {
        // 0.0012 → 1.2 milli → MilliValue rounds up → 2; 0.07 (binary 0.07000000000000000666)
        // is meant as 70 milli exactly; 2.5 → 2500.
        XCTAssertEqual(HPAQuantity.milli(fromReal: 0.0012), 2)
        XCTAssertEqual(HPAQuantity.milli(fromReal: 0.07), 70)
        XCTAssertEqual(HPAQuantity.milli(fromReal: 2.5), 2500)
        XCTAssertNil(HPAQuantity.milli(fromReal: .nan))
    }

    func testContainerResourceBehavesAsResource() {
        // One container = the pod: 2 pods at 900m/1000m vs 60 % → floor(1800·100/2000) = 90
        // → 1.5 → ceil(1.5 × 2) = 3.
        let out = once([.containerResource(.cpu, container: "app", .utilization(60))], spec: 2,
                       pods: HPAT.readyPods(2), readings: HPAT.cpu([900, 900]))
        XCTAssertEqual(out.rawProposal, 3)
    }

    func testObjectAverageValueUsesStatus() {
        // Object AverageValue 50/pod, value 120, status 2 → 120/(50·2) = 1.2 → ceil(120/50) = 3.
        let out = once([.object(series: "q", .averageValue(milli: 50_000))], spec: 4, status: 2,
                       pods: HPAT.readyPods(2), readings: HPAT.totals(["q": 120]))
        XCTAssertEqual(out.rawProposal, 3)
    }

    func testWrongTargetKindsAreInvalid() {
        // Pods metric with a Value target, Resource with a Value target, External with Utilization.
        let bad: [HPAMetricSpec] = [.pods(series: "rps", .value(milli: 1)), .resource(.cpu, .value(milli: 1)),
                                    .external(series: "q", .utilization(50))]
        for m in bad {
            let out = once([m], spec: 2, pods: HPAT.readyPods(2), readings: HPAReadings(
                podValuesMilli: ["rps": [1, 1], "cpu": [1, 1]], requestMilli: ["cpu": 1000], totals: ["q": 1]))
            XCTAssertNil(out.rawProposal, "\(m)")
            XCTAssertNotNil(out.error)
        }
    }

    func testReasonNamesWhatBoundedTheDecision() {
        // 3 ready at 100m + 1 starting vs 50 %: 10 % → 0.2 → ceil(0.2 × 3) = 1, kept at 4 by the seed.
        let pods = HPAT.readyPods(3) + HPAT.startingPods(1)
        let down = once(HPAT.cpuUtil(50), spec: 4, pods: pods, readings: HPAT.cpu([100, 100, 100])).reason
        XCTAssertTrue(down.contains("cpu 10% of request vs target 50%"), down)
        XCTAssertTrue(down.contains("downscale stabilization (300 s) kept 4"), down)
        // rps 900 vs 100/pod at 1 replica → 9, legacy limit max(2·1, 4) = 4.
        let up = once([.external(series: "rps", .averageValue(milli: 100_000))], spec: 1, status: 1,
                      pods: HPAT.readyPods(1), readings: HPAT.totals(["rps": 900])).reason
        XCTAssertTrue(up.contains("raw 9"), up)
        XCTAssertTrue(up.contains("scale-up limit max(2×1, 4) = 4 → 4"), up)
    }
}
