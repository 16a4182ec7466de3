import Foundation
@testable import HindsightSim
import HindsightTrace
import HindsightScenario

/// Helpers shared by the HPA and KEDA tests (no expected values live here).
enum HPAT {
    /// `n` pods started long ago and ready long ago (outside every CPU rule).
    static func readyPods(_ n: Int) -> [HPAPod] {
        Array(repeating: HPAPod(created: .epoch - .seconds(3_600), readyAt: .epoch - .seconds(3_500)), count: n)
    }

    /// The scripted load of the sync-equivalence tests: cpu demand (millicores) at sync `k`,
    /// a wave of period 30π syncs plus `noise`.
    static func waveDemand(_ k: Int, noise: Int) -> Int64 {
        Int64(1600 + 1500 * sin(Double(k) / 15)) + Int64(noise)
    }

    /// The HPAs of the sync-equivalence tests: cpu at 60 %, legacy (2–40 replicas) or with a
    /// `behavior` whose scale-down window is 60 s (2–12 replicas).
    static func scriptedSpec(behavior: Bool) -> HPASpec {
        guard behavior else { return spec(cpuUtil(60), min: 2, max: 40) }
        let b = HPABehavior(scaleDown: HPAScalingRules(stabilizationWindowSeconds: 60,
                                                       policies: HPAScalingRules.defaultScaleDown.policies))
        return spec(cpuUtil(60), min: 2, max: 12, behavior: b)
    }

    /// Pods following a decision of `spec` replicas at `now`: new pods start then and are
    /// Ready 30 s later; surplus pods leave, newest first.
    static func follow(_ pods: inout [HPAPod], to spec: Int32, now: SimInstant) {
        while pods.count < Int(spec) { pods.append(HPAPod(created: now, readyAt: now + .seconds(30))) }
        if pods.count > Int(spec) { pods.removeLast(pods.count - Int(spec)) }
    }

    /// `n` pods still starting (Pending).
    static func startingPods(_ n: Int, created: SimInstant = .epoch) -> [HPAPod] {
        Array(repeating: HPAPod(created: created, readyAt: nil), count: n)
    }

    /// Readings with per-pod cpu values (milli) and a cpu request.
    static func cpu(_ values: [Int64?], request: Int64 = 1000, at t: SimInstant = .epoch) -> HPAReadings {
        HPAReadings(podValuesMilli: ["cpu": values], requestMilli: ["cpu": request], totals: [:],
                    sampleTime: t, sampleWindow: .zero)
    }

    /// Readings with series totals only.
    static func totals(_ totals: [String: Double]) -> HPAReadings {
        HPAReadings(totals: totals)
    }

    /// An HPA spec.
    static func spec(_ metrics: [HPAMetricSpec], min: Int32 = 1, max: Int32 = 100,
                     behavior: HPABehavior? = nil) -> HPASpec {
        HPASpec(name: "test", target: "deployment/test", minReplicas: min, maxReplicas: max,
                metrics: metrics, behavior: behavior)
    }

    /// cpu Utilization metric.
    static func cpuUtil(_ pct: Int32) -> [HPAMetricSpec] { [.resource(.cpu, .utilization(pct))] }

    /// Kubernetes flags with a given minor version.
    static func kube(minor: Int = 33, downscale: SimDuration = .minutes(5), gate: Bool = false) -> KubernetesSpec {
        var k = KubernetesSpec()
        k.minorVersion = minor; k.downscaleStabilization = downscale; k.configurableTolerance = gate
        return k
    }

    /// Demand (total millicores) spread evenly over `n` ready pods, rounded to whole
    /// millicores with the remainder on the first pods.
    static func spread(_ total: Int64, over n: Int) -> [Int64?] {
        guard n > 0 else { return [] }
        let each = total / Int64(n), rest = Int(total % Int64(n))
        return (0..<n).map { i in each + (i < rest ? 1 : 0) }
    }
}
