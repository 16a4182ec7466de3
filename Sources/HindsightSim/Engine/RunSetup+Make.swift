import HindsightScenario
import HindsightTrace

extension RunSetup {
    /// Derives the shared run constants from the scenario (prices per pod-hour, pod
    /// packing, CCF watts) and picks the latency model.
    /// - Throws: `InputMessage` naming the scenario field when a value cannot be used.
    static func make(scenario: Scenario, trace: Trace, environment: SimEnvironment) throws -> RunSetup {
        let file = scenario.file
        let w = scenario.workload
        guard w.cpuRequest > 0, w.cpuRequest.isFinite else {
            throw InputMessage("\(file): spec.workload.cpuRequest: \(w.cpuRequest) cores; expected a positive number of cores")
        }
        let load = try LoadModel(trace: trace, workload: w, scenarioFile: file)
        let kind = scenario.latency.model ?? (load.hasRequests ? .mmc : .none)
        let latency: any LatencyModel
        switch kind {
        case .none:
            latency = LatencyModelNone()
        case .mmc:
            guard load.hasRequests else {
                throw InputMessage("\(file): spec.latency.model: mmc needs an `rps` series, and the trace has \(trace.seriesNames.joined(separator: ", ")); expected `model: none` or `empirical`, or an rps column")
            }
            let q = scenario.slo.quantile
            latency = LatencyModelMMC(serviceTime: scenario.latency.serviceTime, queueTimeout: max(.zero, w.queueTimeout).seconds,
                                      tail: q == 0.99 ? 0.01 : 1 - q)  // 1 − 0.99 is not 0.01 in binary
        case .empirical:
            latency = try LatencyModelEmpirical(trace: trace, load: load, workload: w, scenarioFile: file, mix: scenario.latency.mix)
        }
        let memGiB = w.memoryRequest / 1_073_741_824
        let c = scenario.carbon
        let gpus = Double(w.gpus)
        let prices = environment.priceMultiplier
        do {
            let cost: any CostModel
            if scenario.cost.model == .instance {
                guard let inst = scenario.cost.instance else {
                    throw InputMessage("spec.cost.instance: missing; expected `instance: {hourly: USD, vcpu: N, memoryGiB: N}` with `model: instance`")
                }
                cost = try CostModelInstance(vcpuPerPod: w.cpuRequest, memoryGiBPerPod: memGiB, instanceVCPU: inst.vcpu,
                                             instanceMemoryGiB: inst.memoryGiB, instanceHourUSD: inst.hourly, priceMultiplier: prices)
            } else {
                cost = try CostModelResources(vcpuPerPod: w.cpuRequest, memoryGiBPerPod: memGiB, gpusPerPod: gpus,
                                              cpuHourUSD: scenario.cost.cpuHour, memoryGiBHourUSD: scenario.cost.memoryGiBHour,
                                              gpuHourUSD: scenario.cost.gpuHour, priceMultiplier: prices)
            }
            let power = try PowerModel(vcpuPerPod: w.cpuRequest, memoryGBPerPod: w.memoryRequest / 1e9, gpusPerPod: gpus,
                                       minWattsPerVCPU: c.minWattsPerVCPU, maxWattsPerVCPU: c.maxWattsPerVCPU,
                                       memoryWattsPerGB: c.memoryWattsPerGB, gpuMinWatts: c.gpuMinWatts,
                                       gpuMaxWatts: c.gpuMaxWatts, pue: c.pue)
            let carbon = try CarbonModel(intensity: environment.intensity, embodiedGramsPerVCPUHour: c.embodiedGramsPerVCPUHour,
                                         vcpuPerPod: w.cpuRequest)
            return RunSetup(scenario: scenario, trace: trace, load: load, environment: environment, latency: latency,
                            latencyKind: kind, memory: trace.series["memory"], recordedLatency: trace.series["latencyP99"],
                            cost: cost, power: power, carbon: carbon)
        } catch let e as InputMessage {
            throw InputMessage("\(file): \(e.message)")
        }
    }
}
