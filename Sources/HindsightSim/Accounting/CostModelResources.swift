import HindsightTrace

/// The `resources` cost model (OpenCost allocation on requests): each billed pod costs
/// cpuRequest × `cpuHour` + memoryRequest GiB × `memoryGiBHour` + GPUs × `gpuHour` per hour.
struct CostModelResources: CostModel {
    /// USD per pod-hour at multiplier 1.
    let podHourUSD: Double
    let priceMultiplier: StepSeries?

    /// - Parameters:
    ///   - vcpuPerPod: CPU request, cores (> 0).
    ///   - memoryGiBPerPod: memory request, GiB (≥ 0).
    ///   - gpusPerPod: GPUs per pod (≥ 0).
    ///   - cpuHourUSD, memoryGiBHourUSD, gpuHourUSD: USD per vCPU-hour, GiB-hour, GPU-hour (≥ 0).
    ///   - priceMultiplier: dimensionless factor over time, nil for none.
    /// - Throws: `InputMessage` when a request or price is negative or not finite.
    init(vcpuPerPod: Double, memoryGiBPerPod: Double, gpusPerPod: Double, cpuHourUSD: Double,
         memoryGiBHourUSD: Double, gpuHourUSD: Double, priceMultiplier: StepSeries? = nil) throws {
        try AccountingCheck.nonNegative(vcpuPerPod, "spec.workload.cpuRequest", "cores")
        try AccountingCheck.podMemoryAndGPUs(memoryGiBPerPod, memoryUnit: "GiB", gpus: gpusPerPod)
        try AccountingCheck.nonNegative(cpuHourUSD, "spec.cost.cpuHour", "USD per vCPU-hour")
        try AccountingCheck.nonNegative(memoryGiBHourUSD, "spec.cost.memoryGiBHour", "USD per GiB-hour")
        try AccountingCheck.nonNegative(gpuHourUSD, "spec.cost.gpuHour", "USD per GPU-hour")
        podHourUSD = vcpuPerPod * cpuHourUSD + memoryGiBPerPod * memoryGiBHourUSD + gpusPerPod * gpuHourUSD
        self.priceMultiplier = priceMultiplier
    }

    @inline(__always)
    func baseUSD(billedPods: Int, duration: SimDuration) -> Double {
        Double(billedPods) * podHourUSD * duration.hours
    }
}
