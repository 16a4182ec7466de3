import HindsightScenario
import HindsightTrace

extension PolicyRunner {
    /// HorizontalPodAutoscaler: waiting for the HPA controller (branch wt/hpa).
    static func runHPA(_ policy: PolicySpec, _ hpa: HPASpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        throw InputMessage("HPA not merged yet")
    }

    /// ScaledObject: waiting for the KEDA controller (branch wt/hpa).
    static func runKEDA(_ policy: PolicySpec, _ so: ScaledObjectSpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        throw InputMessage("KEDA not merged yet")
    }
}
