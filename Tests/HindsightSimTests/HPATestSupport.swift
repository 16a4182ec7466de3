@testable import HindsightSim
import HindsightTrace
import HindsightScenario

/// Helpers shared by the HPA and KEDA tests (no expected values live here).
enum HPAT {
    /// `n` pods started long ago and ready long ago (outside every CPU rule).
    static func readyPods(_ n: Int) -> [HPAPod] {
        Array(repeating: HPAPod(created: .epoch - .seconds(3_600), readyAt: .epoch - .seconds(3_500)), count: n)
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
