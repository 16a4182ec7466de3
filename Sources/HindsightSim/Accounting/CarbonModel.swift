import HindsightTrace

/// Emissions of the fleet (SEMANTICS.md §4, emissions): operational grams are facility
/// energy × the grid intensity in force; embodied grams are the hardware's manufacturing
/// share, charged per billed vCPU-hour.
struct CarbonModel: Sendable {
    /// Grid carbon intensity over time, gCO2e/kWh (sample-and-hold).
    let intensity: StepSeries
    /// Embodied emissions, gCO2e per billed vCPU-hour (≥ 0).
    let embodiedGramsPerVCPUHour: Double
    /// CPU request of one pod, cores (≥ 0).
    let vcpuPerPod: Double

    /// - Parameters:
    ///   - intensity: gCO2e/kWh over time (`StepSeries(constant:)` for a constant).
    ///   - embodiedGramsPerVCPUHour: gCO2e per vCPU-hour (≥ 0).
    ///   - vcpuPerPod: CPU request, cores (≥ 0).
    /// - Throws: `InputMessage` when a number is negative or not finite.
    init(intensity: StepSeries, embodiedGramsPerVCPUHour: Double, vcpuPerPod: Double) throws {
        try AccountingCheck.nonNegative(embodiedGramsPerVCPUHour, "spec.carbon.embodiedGramsPerVCPUHour", "gCO2e per vCPU-hour")
        try AccountingCheck.nonNegative(vcpuPerPod, "spec.workload.cpuRequest", "cores")
        self.intensity = intensity
        self.embodiedGramsPerVCPUHour = embodiedGramsPerVCPUHour
        self.vcpuPerPod = vcpuPerPod
    }

    /// The grid intensity in force at `t`, gCO2e/kWh.
    /// - Complexity: O(log samples).
    func intensity(at t: SimInstant) -> Double { intensity.value(at: t) }

    /// Operational emissions, gCO2e, of `kWh` of facility energy at `gramsPerKWh`.
    /// - Complexity: O(1).
    @inline(__always)
    func operationalGrams(kWh: Double, gramsPerKWh: Double) -> Double { kWh * gramsPerKWh }

    /// Embodied emissions, gCO2e, of `billedPods` pods held for `duration`.
    /// - Complexity: O(1).
    @inline(__always)
    func embodiedGrams(billedPods: Int, duration: SimDuration) -> Double {
        Double(billedPods) * vcpuPerPod * duration.hours * embodiedGramsPerVCPUHour
    }
}
