import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md §4: the band test, old and new forms, per-direction tolerances.
final class HPAToleranceTests: XCTestCase {
    private func raw(_ usage: Int64, target: Int32, pods n: Int, kube: KubernetesSpec,
                     behavior: HPABehavior? = nil) -> Int32? {
        var c = HPAController(spec: HPAT.spec(HPAT.cpuUtil(target), behavior: behavior), kubernetes: kube,
                              initialReplicas: Int32(n), start: .epoch)
        return c.sync(now: .epoch, specReplicas: Int32(n), statusReplicas: Int32(n), pods: HPAT.readyPods(n),
                      readings: HPAT.cpu(Array(repeating: usage, count: n))).rawProposal
    }

    func testExactlyTenPercentAboveNewFormIsInside() {
        // 55 % vs 50 % → ratio 55/50 = 1.1000000000000000888; new form: 0.9 ≤ r ≤ 1.1
        // where 1 + 0.1 = 1.1000000000000000888 too → inside → spec 4.
        XCTAssertEqual(raw(550, target: 50, pods: 4, kube: HPAT.kube(minor: 33)), 4)
    }

    func testExactlyTenPercentAboveOldFormScalesUp() {
        // Old form (1.32): |1 − 1.1000000000000000888| = 0.10000000000000009 > 0.1 →
        // outside → ceil(1.1 × 4) = ceil(4.4) = 5.
        XCTAssertEqual(raw(550, target: 50, pods: 4, kube: HPAT.kube(minor: 32)), 5)
        // The same with 66/60 and 88/80 (both the same double 1.1000000000000000888).
        XCTAssertEqual(raw(660, target: 60, pods: 4, kube: HPAT.kube(minor: 32)), 5)
        XCTAssertEqual(raw(880, target: 80, pods: 4, kube: HPAT.kube(minor: 33)), 4)
    }

    func testExactlyTenPercentBelowBothFormsAgree() {
        // 45/50 = 0.9 exactly representable as the same double as 1 − 0.1 → inside in both.
        XCTAssertEqual(raw(450, target: 50, pods: 4, kube: HPAT.kube(minor: 33)), 4)
        XCTAssertEqual(raw(450, target: 50, pods: 4, kube: HPAT.kube(minor: 32)), 4)
        // Just outside: 44 % → 0.88 < 0.9 → ceil(0.88 × 10) = ceil(8.8) = 9.
        XCTAssertEqual(raw(440, target: 50, pods: 10, kube: HPAT.kube(minor: 33)), 9)
    }

    func testPerDirectionToleranceNeedsGateAndBehavior() {
        // scaleUp tolerance 0.05: 53 % / 50 = 1.06 > 1.05 → ceil(1.06 × 4) = ceil(4.24) = 5.
        var b = HPABehavior()
        b.scaleUp.tolerance = 0.05
        b.scaleDown.tolerance = 0.2
        XCTAssertEqual(raw(530, target: 50, pods: 4, kube: HPAT.kube(gate: true), behavior: b), 5)
        // Gate off → cluster 0.1 → 1.06 inside → 4.
        XCTAssertEqual(raw(530, target: 50, pods: 4, kube: HPAT.kube(gate: false), behavior: b), 4)
        // Gate on but behavior nil → cluster value → 4.
        XCTAssertEqual(raw(530, target: 50, pods: 4, kube: HPAT.kube(gate: true), behavior: nil), 4)
        // scaleDown tolerance 0.2: 42/50 = 0.84 ≥ 0.8 → inside → 4; gate off → ceil(0.84·4) = ceil(3.36) = 4
        // — use 10 pods to tell them apart: gate on → 10, gate off → ceil(8.4) = 9.
        XCTAssertEqual(raw(420, target: 50, pods: 10, kube: HPAT.kube(gate: true), behavior: b), 10)
        XCTAssertEqual(raw(420, target: 50, pods: 10, kube: HPAT.kube(gate: false), behavior: b), 9)
    }

    func testBandValues() {
        let t = HPATolerances(down: 0.1, up: 0.1, legacyAbs: false)
        XCTAssertTrue(t.isWithin(1.0))
        XCTAssertFalse(t.isWithin(.nan))
        XCTAssertFalse(t.isWithin(.infinity))
        XCTAssertFalse(t.isWithin(0.8999))
        let old = HPATolerances(down: 0.1, up: 0.1, legacyAbs: true)
        XCTAssertFalse(old.isWithin(55.0 / 50.0))
        XCTAssertTrue(t.isWithin(55.0 / 50.0))
    }
}
