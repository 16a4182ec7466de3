import HindsightTrace

/// The `instance` cost model: pods are packed onto instances of `vcpu` cores and
/// `memoryGiB`, and every started instance is billed `hourly` USD per hour.
struct CostModelInstance: CostModel {
    /// USD per instance-hour at multiplier 1.
    let instanceHourUSD: Double
    /// Pods one instance holds (≥ 1).
    let podsPerInstance: Int
    let priceMultiplier: StepSeries?

    /// - Parameters:
    ///   - vcpuPerPod: CPU request, cores (> 0).
    ///   - memoryGiBPerPod: memory request, GiB (≥ 0; 0 = memory does not limit packing).
    ///   - instanceVCPU, instanceMemoryGiB: the instance's size, cores and GiB.
    ///   - instanceHourUSD: USD per instance-hour (≥ 0).
    ///   - priceMultiplier: dimensionless factor over time, nil for none.
    /// - Throws: `InputMessage` when a pod does not fit one instance or the price is
    ///   negative or not finite.
    init(vcpuPerPod: Double, memoryGiBPerPod: Double, instanceVCPU: Double, instanceMemoryGiB: Double,
         instanceHourUSD: Double, priceMultiplier: StepSeries? = nil) throws {
        // The small slack keeps 4 / 0.5 = 8 pods when the division lands just below 8.
        var fitReal = (instanceVCPU / vcpuPerPod + 1e-9).rounded(.down)
        if memoryGiBPerPod > 0 { fitReal = min(fitReal, (instanceMemoryGiB / memoryGiBPerPod + 1e-9).rounded(.down)) }
        let fit = fitReal.isFinite ? Int(min(max(fitReal, 0), 1e9)) : 0
        guard fit >= 1, instanceHourUSD.isFinite, instanceHourUSD >= 0 else {
            throw InputMessage("spec.cost.instance: a pod (\(vcpuPerPod) vCPU, \(memoryGiBPerPod) GiB) does not fit an instance of \(instanceVCPU) vCPU and \(instanceMemoryGiB) GiB; expected an instance at least as large as one pod")
        }
        podsPerInstance = fit
        self.instanceHourUSD = instanceHourUSD
        self.priceMultiplier = priceMultiplier
    }

    /// Instances needed for `pods` pods: ⌈pods / podsPerInstance⌉.
    @inline(__always)
    func instances(forPods pods: Int) -> Int { (pods + podsPerInstance - 1) / podsPerInstance }

    @inline(__always)
    func baseUSD(billedPods: Int, duration: SimDuration) -> Double {
        Double(instances(forPods: billedPods)) * instanceHourUSD * duration.hours
    }
}
