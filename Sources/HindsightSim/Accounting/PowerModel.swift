import HindsightTrace

/// Electrical power and energy of the fleet by the Cloud Carbon Footprint method
/// (SEMANTICS.md §4, energy). A billed pod draws its idle watts; a ready pod also draws
/// the dynamic share u × (max − min), where u is the CPU it served ÷ its request,
/// clamped to [0, 1]. Starting and terminating pods serve nothing (u = 0).
struct PowerModel: Sendable, Equatable {
    /// Watts of one pod at u = 0: vCPU × minW + memory GB × memW + GPUs × gpuMinW.
    let idleWattsPerPod: Double
    /// Extra watts of one ready pod at u = 1: vCPU × (maxW − minW) + GPUs × (gpuMaxW − gpuMinW).
    let dynamicWattsPerPod: Double
    /// CPU request of one pod, cores (> 0): the denominator of u.
    let vcpuPerPod: Double
    /// Power usage effectiveness of the data centre (facility ÷ IT energy, ≥ 1).
    let pue: Double

    /// - Parameters:
    ///   - vcpuPerPod: CPU request, cores (> 0).
    ///   - memoryGBPerPod: memory request, GB of 10⁹ bytes (≥ 0).
    ///   - gpusPerPod: GPUs per pod (≥ 0).
    ///   - minWattsPerVCPU, maxWattsPerVCPU: watts per vCPU at idle and at full load.
    ///   - memoryWattsPerGB: watts per GB of memory.
    ///   - gpuMinWatts, gpuMaxWatts: watts per GPU at idle and at full load.
    ///   - pue: power usage effectiveness (> 0).
    /// - Throws: `InputMessage` when a parameter is negative or not finite, or when the CPU
    ///   request or PUE is not positive. (max below min is allowed: it is the scenario's call.)
    init(vcpuPerPod: Double, memoryGBPerPod: Double, gpusPerPod: Double, minWattsPerVCPU: Double,
         maxWattsPerVCPU: Double, memoryWattsPerGB: Double, gpuMinWatts: Double = 0, gpuMaxWatts: Double = 0,
         pue: Double) throws {
        try AccountingCheck.podMemoryAndGPUs(memoryGBPerPod, memoryUnit: "GB", gpus: gpusPerPod)
        try AccountingCheck.nonNegative(minWattsPerVCPU, "spec.carbon.minWattsPerVCPU", "W")
        try AccountingCheck.nonNegative(maxWattsPerVCPU, "spec.carbon.maxWattsPerVCPU", "W")
        try AccountingCheck.nonNegative(memoryWattsPerGB, "spec.carbon.memoryWattsPerGB", "W")
        try AccountingCheck.nonNegative(gpuMinWatts, "spec.carbon.gpuMinWatts", "W")
        try AccountingCheck.nonNegative(gpuMaxWatts, "spec.carbon.gpuMaxWatts", "W")
        guard vcpuPerPod > 0, vcpuPerPod.isFinite, pue > 0, pue.isFinite else {
            throw InputMessage("spec.workload.cpuRequest \(vcpuPerPod) cores, spec.carbon.pue \(pue); expected both positive and finite")
        }
        idleWattsPerPod = vcpuPerPod * minWattsPerVCPU + memoryGBPerPod * memoryWattsPerGB + gpusPerPod * gpuMinWatts
        dynamicWattsPerPod = vcpuPerPod * (maxWattsPerVCPU - minWattsPerVCPU) + gpusPerPod * (gpuMaxWatts - gpuMinWatts)
        self.vcpuPerPod = vcpuPerPod
        self.pue = pue
    }

    /// Utilization u of a ready pod: served cores per pod ÷ request, clamped to [0, 1];
    /// 0 without ready pods.
    /// - Parameters:
    ///   - servedCores: cores the whole fleet served (≥ 0).
    ///   - readyPods: pods serving.
    @inline(__always)
    func utilization(servedCores: Double, readyPods: Int) -> Double {
        readyPods > 0 ? min(1, max(0, servedCores / (Double(readyPods) * vcpuPerPod))) : 0
    }

    /// IT power of the fleet, watts: every billed pod at idle plus the dynamic share of
    /// the ready ones.
    /// - Complexity: O(1).
    @inline(__always)
    func watts(billedPods: Int, readyPods: Int, servedCores: Double) -> Double {
        let u = utilization(servedCores: servedCores, readyPods: readyPods)
        return Double(billedPods) * idleWattsPerPod + Double(readyPods) * u * dynamicWattsPerPod
    }

    /// Facility energy, kWh, of `watts` drawn for `duration`: watts × ms × PUE / 3.6e9 (W·ms → kWh).
    /// - Complexity: O(1).
    @inline(__always)
    func energyKWh(watts: Double, duration: SimDuration) -> Double {
        watts * Double(duration.milliseconds) * pue / 3.6e9
    }
}
