import HindsightTrace
import XCTest
@testable import HindsightSim

/// The cost, power and carbon models against closed forms (SEMANTICS.md §4).
final class AccountingModelTests: XCTestCase {
    let hour = SimInstant.epoch + .hours(1)

    func testResourcesCostIsPodHoursTimesPodPrice() throws {
        let m = try CostModelResources(vcpuPerPod: 0.5, memoryGiBPerPod: 2, gpusPerPod: 1, cpuHourUSD: 0.04,
                                       memoryGiBHourUSD: 0.005, gpuHourUSD: 0.9)
        let podHour = 0.5 * 0.04 + 2 * 0.005 + 1 * 0.9
        // A constant fleet of 4 pods for one hour costs exactly price × pods.
        XCTAssertEqual(m.usd(billedPods: 4, duration: .hours(1), multiplier: 1), 4 * podHour, accuracy: 1e-12)
        XCTAssertEqual(m.usd(billedPods: 4, duration: .minutes(15), multiplier: 1), podHour, accuracy: 1e-12)
        XCTAssertEqual(m.usd(billedPods: 4, duration: .hours(1), multiplier: 2.5), 10 * podHour, accuracy: 1e-12)
        XCTAssertEqual(m.usd(billedPods: 0, duration: .hours(1), multiplier: 1), 0)
    }

    func testPriceMultiplierSeriesIsSampleAndHold() throws {
        let series = StepSeries(times: [.epoch + .seconds(1), .epoch + .seconds(5)], values: [2, 0.5])
        let m = try CostModelResources(vcpuPerPod: 1, memoryGiBPerPod: 0, gpusPerPod: 0, cpuHourUSD: 1,
                                       memoryGiBHourUSD: 0, gpuHourUSD: 0, priceMultiplier: series)
        XCTAssertEqual(m.multiplier(at: .epoch + .seconds(1)), 2)
        XCTAssertEqual(m.multiplier(at: .epoch + .milliseconds(4_999)), 2)
        XCTAssertEqual(m.multiplier(at: .epoch + .seconds(5)), 0.5)
        let flat = try CostModelResources(vcpuPerPod: 1, memoryGiBPerPod: 0, gpusPerPod: 0, cpuHourUSD: 1,
                                          memoryGiBHourUSD: 0, gpuHourUSD: 0)
        XCTAssertEqual(flat.multiplier(at: .epoch + .seconds(5)), 1, "no series: every price as given")
    }

    func testInstanceCostBillsWholeInstancesOfPackedPods() throws {
        // 2 vCPU / 8 GiB instances hold min(2 / 0.5, 8 / 1) = 4 pods.
        let m = try CostModelInstance(vcpuPerPod: 0.5, memoryGiBPerPod: 1, instanceVCPU: 2, instanceMemoryGiB: 8,
                                      instanceHourUSD: 0.096)
        XCTAssertEqual(m.podsPerInstance, 4)
        XCTAssertEqual(m.instances(forPods: 4), 1)
        XCTAssertEqual(m.instances(forPods: 5), 2)
        XCTAssertEqual(m.usd(billedPods: 5, duration: .hours(1), multiplier: 1), 2 * 0.096, accuracy: 1e-15)
        // Memory binds: 8 GiB / 3 GiB = 2 pods per instance.
        let memoryBound = try CostModelInstance(vcpuPerPod: 0.5, memoryGiBPerPod: 3, instanceVCPU: 2,
                                                instanceMemoryGiB: 8, instanceHourUSD: 1)
        XCTAssertEqual(memoryBound.podsPerInstance, 2)
    }

    func testInvalidPricingThrows() {
        XCTAssertThrowsError(try CostModelInstance(vcpuPerPod: 4, memoryGiBPerPod: 1, instanceVCPU: 2,
                                                   instanceMemoryGiB: 8, instanceHourUSD: 1)) { error in
            XCTAssertTrue("\(error)".contains("does not fit"), "\(error)")
        }
        XCTAssertThrowsError(try CostModelResources(vcpuPerPod: 1, memoryGiBPerPod: 0, gpusPerPod: 0, cpuHourUSD: -1,
                                                    memoryGiBHourUSD: 0, gpuHourUSD: 0)) { error in
            XCTAssertTrue("\(error)".contains("spec.cost.cpuHour"), "\(error)")
        }
    }

    func testEnergyIsPUETimesPowerTimesTime() throws {
        let m = try PowerModel(vcpuPerPod: 2, memoryGBPerPod: 4, gpusPerPod: 0, minWattsPerVCPU: 1,
                               maxWattsPerVCPU: 5, memoryWattsPerGB: 0.5, pue: 1.2)
        // Idle: 2 × 1 + 4 × 0.5 = 4 W; dynamic at u = 1: 2 × (5 − 1) = 8 W.
        XCTAssertEqual(m.idleWattsPerPod, 4)
        XCTAssertEqual(m.dynamicWattsPerPod, 8)
        // 3 billed, 2 ready serving 1 core in all: u = 1 / (2 × 2) = 0.25.
        let watts = m.watts(billedPods: 3, readyPods: 2, servedCores: 1)
        XCTAssertEqual(watts, 3 * 4 + 2 * 0.25 * 8, accuracy: 1e-12)
        XCTAssertEqual(m.energyKWh(watts: watts, duration: .hours(1)), 1.2 * watts / 1000, accuracy: 1e-15)
        // u is clamped to 1, and 0 without ready pods.
        XCTAssertEqual(m.watts(billedPods: 2, readyPods: 2, servedCores: 100), 2 * 4 + 2 * 8, accuracy: 1e-12)
        XCTAssertEqual(m.watts(billedPods: 2, readyPods: 0, servedCores: 1), 8)
    }

    func testInvalidPowerParametersThrow() {
        XCTAssertThrowsError(try PowerModel(vcpuPerPod: 1, memoryGBPerPod: 0, gpusPerPod: 0, minWattsPerVCPU: 1,
                                            maxWattsPerVCPU: 2, memoryWattsPerGB: 0, pue: 0))
        XCTAssertThrowsError(try PowerModel(vcpuPerPod: 1, memoryGBPerPod: 0, gpusPerPod: 0, minWattsPerVCPU: .nan,
                                            maxWattsPerVCPU: 2, memoryWattsPerGB: 0, pue: 1.1))
    }

    /// The memory and GPU checks are shared; each model still names its own memory unit.
    func testNegativeMemoryAndGPUsAreNamedWithTheModelsUnit() {
        XCTAssertThrowsError(try CostModelResources(vcpuPerPod: 1, memoryGiBPerPod: -2, gpusPerPod: 0, cpuHourUSD: 1,
                                                    memoryGiBHourUSD: 0, gpuHourUSD: 0)) { error in
            XCTAssertEqual("\(error)", "spec.workload.memoryRequest: -2.0 GiB; expected a finite number ≥ 0")
        }
        XCTAssertThrowsError(try PowerModel(vcpuPerPod: 1, memoryGBPerPod: -2, gpusPerPod: 0, minWattsPerVCPU: 1,
                                            maxWattsPerVCPU: 2, memoryWattsPerGB: 0, pue: 1.1)) { error in
            XCTAssertEqual("\(error)", "spec.workload.memoryRequest: -2.0 GB; expected a finite number ≥ 0")
        }
        XCTAssertThrowsError(try PowerModel(vcpuPerPod: 1, memoryGBPerPod: 0, gpusPerPod: .infinity, minWattsPerVCPU: 1,
                                            maxWattsPerVCPU: 2, memoryWattsPerGB: 0, pue: 1.1)) { error in
            XCTAssertEqual("\(error)", "spec.workload.gpus: inf GPUs; expected a finite number ≥ 0")
        }
    }

    func testEmissionsAreEnergyTimesIntensityPlusEmbodiedShare() throws {
        let m = try CarbonModel(intensity: StepSeries(times: [.epoch, hour], values: [100, 400]),
                                embodiedGramsPerVCPUHour: 10, vcpuPerPod: 0.5)
        XCTAssertEqual(m.intensity(at: hour - .milliseconds(1)), 100)
        XCTAssertEqual(m.intensity(at: hour), 400)
        XCTAssertEqual(m.operationalGrams(kWh: 2, gramsPerKWh: m.intensity(at: hour)), 800)
        // 4 pods × 0.5 vCPU × 2 h × 10 g = 40 g.
        XCTAssertEqual(m.embodiedGrams(billedPods: 4, duration: .hours(2)), 40, accuracy: 1e-12)
        XCTAssertThrowsError(try CarbonModel(intensity: StepSeries(constant: 379), embodiedGramsPerVCPUHour: -1,
                                             vcpuPerPod: 0.5))
    }
}
