import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md §12 "Exactness": syncs every 15 s, metrics lag 0 and window 0, pods ready at
/// once (startup delay 0), cpu request 1000m, demand spread evenly over the pods, target
/// 50 % utilization. Every replica sequence below is worked out by hand, sync by sync.
final class HPAExactnessTests: XCTestCase {
    /// Runs syncs at t = 0, 15 s, … with `demand(k)` total millicores at sync k.
    private func run(_ spec: HPASpec, initial: Int32, syncs: Int, kube: KubernetesSpec = HPAT.kube(),
                     demand: (Int) -> Int64) -> [Int32] {
        var c = HPAController(spec: spec, kubernetes: kube, initialReplicas: initial, start: .epoch)
        var replicas = initial
        var seq: [Int32] = []
        for k in 0..<syncs {
            let t = SimInstant.epoch + .seconds(15) * k
            let n = Int(replicas)
            let out = c.sync(now: t, specReplicas: replicas, statusReplicas: replicas, pods: HPAT.readyPods(n),
                             readings: HPAT.cpu(HPAT.spread(demand(k), over: n), at: t))
            replicas = out.desired
            seq.append(replicas)
        }
        return seq
    }

    func testLegacyScaleUpLimitedAndScaleDownAfterTheWindow() {
        // Legacy path (no behavior), min 1, max 20, start at 1 replica.
        // Demand 8000m for syncs 0–3 (t = 0…45 s), then 2000m.
        // t=0   1 pod:  8000m → 800 % → ratio 16 → raw 16; limit max(2·1, 4) = 4 → 4
        // t=15  4 pods: 2000m each → 200 % → 4.0 → raw 16; limit 8 → 8
        // t=30  8 pods: 1000m → 100 % → 2.0 → raw 16; limit 16 → 16
        // t=45  16 pods: 500m → 50 % → 1.0, inside → raw 16 → 16
        // t=60  demand 2000m: 125m → floor(12.5) = 12 % → 0.24 → ceil(3.84) = 4 raw,
        //       but raws of 16 recorded at t = 0, 15, 30, 45 are younger than 300 s → 16
        // t=330 the t=45 entry is 285 s old → still 16
        // t=345 = 45 + 300: it is out (age < 300 fails); everything younger is 4 → 4 —
        //       the 21st sync counting the one that recorded the last 16 (t = 45) as the 1st.
        // t=360 4 pods: 500m → 50 % → inside → 4.
        let seq = run(HPAT.spec(HPAT.cpuUtil(50), max: 20), initial: 1, syncs: 25) { $0 < 4 ? 8000 : 2000 }
        XCTAssertEqual(Array(seq[0..<4]), [4, 8, 16, 16])
        XCTAssertEqual(Array(seq[4...22]), Array(repeating: 16, count: 19))   // t = 60 … 330
        XCTAssertEqual(seq[23], 4)                                            // t = 345
        XCTAssertEqual(seq[24], 4)
    }

    func testLegacyScaleDownOnThe21stSync() {
        // HPA.md §7: start at 16 replicas with low demand 2000m (raw 4 every sync). The seed
        // (16, t=0) holds 16 for t = 0 … 285 s (20 syncs); the 21st sync, t = 300 s, drops to 4.
        let seq = run(HPAT.spec(HPAT.cpuUtil(50), max: 20), initial: 16, syncs: 22) { _ in 2000 }
        XCTAssertEqual(Array(seq[0..<20]), Array(repeating: 16, count: 20))
        XCTAssertEqual(seq[20], 4)
        XCTAssertEqual(seq[21], 4)
    }

    func testDefaultBehaviorAddsMaxOfFourAndDoublePerSync() {
        // Default behavior, max 100, demand 40000m from 1 replica:
        // util(s) = floor(40000·100 / (s·1000)) %, raw = ceil(util/50 × s) = 80 for s < 80.
        // t=0  s=1:  raw 80; periodStart 1 → max(1+4, ceil(1·2)) = 5
        // t=15 s=5:  the +4 event is exactly 15 s old → not counted → max(9, 10) = 10
        // t=30 s=10: max(14, 20) = 20;  t=45 s=20: max(24, 40) = 40
        // t=60 s=40: max(44, 80) = 80;  t=75 s=80: 50 % → inside → 80
        let seq = run(HPAT.spec(HPAT.cpuUtil(50), behavior: HPABehavior()), initial: 1, syncs: 6) { _ in 40_000 }
        XCTAssertEqual(seq, [5, 10, 20, 40, 80, 80])
    }

    func testSelectPolicyMinTakesTheSmallerStep() {
        // scaleUp selectPolicy Min with the default policies [Pods 4, Percent 100] / 15 s:
        // s=1: min(5, 2) = 2; s=2: min(6, 4) = 4; s=4: min(8, 8) = 8; s=8: min(12, 16) = 12;
        // s=12: util floor(333.3) = 333 → 6.66 × 12 = 79.92 → raw 80; min(16, 24) = 16;
        // s=16: min(20, 32) = 20.
        var b = HPABehavior()
        b.scaleUp.selectPolicy = .min
        let seq = run(HPAT.spec(HPAT.cpuUtil(50), behavior: b), initial: 1, syncs: 6) { _ in 40_000 }
        XCTAssertEqual(seq, [2, 4, 8, 12, 16, 20])
    }

    func testSelectPolicyDisabledNeverMovesThatWay() {
        // scaleUp Disabled: raw 80 every sync, the limit is spec → 1 forever.
        var up = HPABehavior()
        up.scaleUp.selectPolicy = .disabled
        XCTAssertEqual(run(HPAT.spec(HPAT.cpuUtil(50), behavior: up), initial: 1, syncs: 5) { _ in 40_000 },
                       [1, 1, 1, 1, 1])
        // scaleDown Disabled (window 0): 10 pods at 100m → 10 % → raw 2, but no scale-down → 10.
        var down = HPABehavior()
        down.scaleDown = HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: .disabled,
                                         policies: HPAScalingRules.defaultScaleDown.policies)
        XCTAssertEqual(run(HPAT.spec(HPAT.cpuUtil(50), behavior: down), initial: 10, syncs: 5) { _ in 1000 },
                       [10, 10, 10, 10, 10])
        // The same with the default scaleDown (Max, window 0) drops at once: Percent 100 →
        // limit 0 → max(min 1, 0) = 1 ≤ raw 2 → 2; then 2 pods at 500m = 50 % → inside → 2.
        var free = HPABehavior()
        free.scaleDown = HPAScalingRules(stabilizationWindowSeconds: 0, policies: HPAScalingRules.defaultScaleDown.policies)
        XCTAssertEqual(run(HPAT.spec(HPAT.cpuUtil(50), behavior: free), initial: 10, syncs: 2) { _ in 1000 }, [2, 2])
    }
}
