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
            latency = LatencyModelMMC(serviceTime: scenario.latency.serviceTime, queueTimeout: Double(max(0, w.queueTimeout)) / 1000)
        case .empirical:
            latency = try LatencyModelEmpirical(trace: trace, workload: w, scenarioFile: file)
        }
        let memGiB = w.memoryRequest / 1_073_741_824
        let memGB = w.memoryRequest / 1e9
        let c = scenario.carbon
        let podHour = w.cpuRequest * scenario.cost.cpuHour + memGiB * scenario.cost.memoryGiBHour
            + Double(w.gpus) * scenario.cost.gpuHour
        var perInstance: Int? = nil
        if scenario.cost.model == .instance {
            guard let inst = scenario.cost.instance else {
                throw InputMessage("\(file): spec.cost.instance: missing; expected `instance: {hourly: USD, vcpu: N, memoryGiB: N}` with `model: instance`")
            }
            var fitReal = (inst.vcpu / w.cpuRequest + 1e-9).rounded(.down)
            if memGiB > 0 { fitReal = min(fitReal, (inst.memoryGiB / memGiB + 1e-9).rounded(.down)) }
            let fit = fitReal.isFinite ? Int(min(max(fitReal, 0), 1e9)) : 0
            guard fit >= 1, inst.hourly.isFinite, inst.hourly >= 0 else {
                throw InputMessage("\(file): spec.cost.instance: a pod (\(w.cpuRequest) vCPU, \(memGiB) GiB) does not fit an instance of \(inst.vcpu) vCPU and \(inst.memoryGiB) GiB; expected an instance at least as large as one pod")
            }
            perInstance = fit
        }
        let gpus = Double(w.gpus)
        let idle = w.cpuRequest * c.minWattsPerVCPU + memGB * c.memoryWattsPerGB + gpus * c.gpuMinWatts
        let dynamic = w.cpuRequest * (c.maxWattsPerVCPU - c.minWattsPerVCPU) + gpus * (c.gpuMaxWatts - c.gpuMinWatts)
        return RunSetup(scenario: scenario, trace: trace, load: load, environment: environment, latency: latency,
                        latencyKind: kind, memory: trace.series["memory"], recordedLatency: trace.series["latencyP99"], podHourPrice: podHour,
                        podsPerInstance: perInstance, idleWatts: idle, dynamicWatts: dynamic,
                        memoryGB: memGB, memoryGiB: memGiB)
    }
}
