import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// `KeepInterval` rests on one claim: for a `behavior` HPA whose spec equals its ready pods,
/// the utilization percents whose steady sync keeps spec form one interval, as long as the
/// tolerance band holds ratio 1. Checked here by brute force on the controller itself, and
/// the counterexample that makes the band condition necessary.
final class KeepIntervalTests: XCTestCase {
    /// The percents 0 ..< 400 whose steady sync keeps spec by a proposal equal to it (the
    /// keeps left pending, the only ones `KeepInterval` remembers; a scale-down held back
    /// by the stabilization window keeps spec too, but not this way) for `pods` pods at
    /// target `target`.
    private func keeping(target: Int32, pods: Int, kubernetes: KubernetesSpec, behavior: HPABehavior) -> [Int32] {
        let spec = HPASpec(name: "h", target: nil, minReplicas: 1, maxReplicas: 500,
                           metrics: [.resource(.cpu, .utilization(target))], behavior: behavior)
        let start = SimInstant(unixSeconds: 1_767_225_600)
        let base = HPAController(spec: spec, kubernetes: kubernetes, initialReplicas: Int32(pods), start: start)
        return (0..<400).compactMap { u -> Int32? in
            var c = base
            let result = c.steadyResult(utilization: Int32(u), readyCount: pods, target: target, now: start + .seconds(15),
                                        specReplicas: Int32(pods))
            guard case .keep = result else { return nil }
            return c.keepsLeftPending > base.keepsLeftPending ? Int32(u) : nil
        }
    }

    private func isInterval(_ xs: [Int32]) -> Bool {
        guard let first = xs.first, let last = xs.last else { return true }
        return Int(last - first) + 1 == xs.count
    }

    func testKeepingPercentsFormAnIntervalWhenTheBandHoldsOne() {
        var checked = 0
        for (down, up) in [(0.1, 0.1), (0.0, 0.0), (0.05, 0.3), (0.3, 0.02), (0.0, 0.5)] {
            var k = KubernetesSpec()
            k.configurableTolerance = true
            var behavior = HPABehavior()
            behavior.scaleDown.tolerance = down
            behavior.scaleUp.tolerance = up
            for target in stride(from: Int32(20), through: 95, by: 15) {
                for pods in [1, 2, 3, 7, 10, 33, 100] {
                    let keeps = keeping(target: target, pods: pods, kubernetes: k, behavior: behavior)
                    XCTAssertTrue(isInterval(keeps), "band [\(1 - down), \(1 + up)], target \(target), \(pods) pods: \(keeps)")
                    XCTAssertTrue(keeps.contains(target), "ratio 1 keeps: target \(target), \(pods) pods")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 5 * 6 * 7)
    }

    /// A negative scale-down tolerance moves the band off 1: band [1.2, 1.5] and
    /// ⌈ratio × 10⌉ = 10 for ratio in (0.9, 1] keep two separate runs of percents, which is
    /// why the controller remembers keeps only when the band holds 1 (the loader refuses a
    /// negative tolerance; a controller built in code may still have one).
    func testABandOffOneKeepsTwoSeparateRuns() {
        var k = KubernetesSpec()
        k.configurableTolerance = true
        var behavior = HPABehavior()
        behavior.scaleDown.tolerance = -0.2
        behavior.scaleUp.tolerance = 0.5
        let keeps = keeping(target: 50, pods: 10, kubernetes: k, behavior: behavior)
        XCTAssertEqual(keeps, Array(46...50) + Array(60...75))
        XCTAssertFalse(HPATolerances(kubernetes: k, behavior: behavior).isWithin(1))
    }
}
