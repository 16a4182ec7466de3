import HindsightScenario
import HindsightTrace

extension LatencyModelEmpirical {
    /// The mix feature of every trace step, read from the recording (so the same in every
    /// policy's replay). `unexplainedCPU`: `recorded cpu − idle per pod × recorded
    /// replicas − cost per request × rps` with the CPU fit's coefficients (``CPUFit``),
    /// cores; NaN where the recorded CPU or replicas are missing.
    /// - Throws: `InputMessage` when the trace gives no CPU fit.
    /// - Complexity: O(n).
    static func mixFeature(_ mix: LatencyMix, load: LoadModel, replicas: [Double]?, scenarioFile: String) throws -> [Double] {
        switch mix {
        case .unexplainedCPU:
            guard let fit = load.cpuFit, let cpu = load.recordedCPU, let replicas else {
                throw InputMessage("\(scenarioFile): spec.latency.mix: unexplainedCPU needs the CPU fit (an rps series, a CPU signal and recorded replicas, with workload.cpuModel: fitted), and this trace gives none (\(load.notes.isEmpty ? "no CPU model notes" : load.notes.joined(separator: "; "))); expected such a trace, or no mix")
            }
            let n = min(cpu.count, replicas.count, load.rate.count)
            return (0..<n).map { cpu[$0] - fit.idlePerPod * replicas[$0] - fit.costPerRequest * load.rate[$0] }
        }
    }
}

extension LatencyModelEmpirical {
    /// `other` with `mix` in place of its own split (a fit made elsewhere, e.g. by hand).
    init(_ other: LatencyModelEmpirical, mix: EmpiricalMixFit?) {
        feature = other.feature
        points = other.points
        queueTimeout = other.queueTimeout
        fittedMax = other.fittedMax
        self.mix = mix
    }
}
