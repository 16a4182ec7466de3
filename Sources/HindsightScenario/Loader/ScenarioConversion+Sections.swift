import HindsightTrace
/// The simple sections of a scenario: workload, metrics, kubernetes, latency, slo, cost, carbon, budgets.
extension ScenarioConversion {
    func workload(_ located: Located<WorkloadDTO>?, specLocation: SourceLocation) -> WorkloadSpec? {
        guard let located else {
            context.missing(at: specLocation, field: "spec.workload", "spec without 'workload'", expected: "spec.workload with cpuRequest")
            return nil
        }
        let w = located.value
        guard let request = w.cpuRequest else {
            context.missing(at: located.location, field: "spec.workload.cpuRequest", "spec.workload without 'cpuRequest'", expected: "cpuRequest: cores or millicores, e.g. 500m or 0.5")
            return nil
        }
        context.require(request.quantity.mantissa > 0, request.location, "spec.workload.cpuRequest: found \(request.quantity.text)",
                        expected: "a CPU quantity above 0, e.g. 500m")
        var spec = WorkloadSpec(cpuRequest: request.quantity.doubleValue)
        spec.name = w.name
        if let limit = w.cpuLimit {
            spec.cpuLimit = limit.quantity.doubleValue
            context.require(limit.quantity.doubleValue >= spec.cpuRequest, limit.location,
                            "spec.workload.cpuLimit \(limit.quantity.text) is below cpuRequest \(request.quantity.text)",
                            expected: "a limit at least the request")
        }
        if let memory = w.memoryRequest { spec.memoryRequest = memory.quantity.doubleValue }
        spec.podCapacity = positive(w.podCapacity, "spec.workload.podCapacity")
        if let m = w.cpuModel { spec.cpuModel = WorkloadSpec.CPUModel(rawValue: m.rawValue) ?? .fitted }
        spec.startupDelay = duration(w.startupDelay, "spec.workload.startupDelay") ?? spec.startupDelay
        if let r = w.readinessDelay, let d = duration(r, "spec.workload.readinessDelay") {
            context.require(d <= spec.startupDelay, r.location,
                            "spec.workload.readinessDelay \(d) is longer than startupDelay \(spec.startupDelay)",
                            expected: "at most startupDelay: the part of the startup after the container starts (startupDelay is the total)")
            spec.readinessDelay = d
        }
        spec.terminationGrace = duration(w.terminationGrace, "spec.workload.terminationGrace") ?? spec.terminationGrace
        spec.queueTimeout = duration(w.queueTimeout, "spec.workload.queueTimeout") ?? spec.queueTimeout
        if let r = w.initialReplicas {
            context.require(r.value >= 0, r.location, "spec.workload.initialReplicas: found \(r.value)", expected: "a whole number, 0 or more")
            spec.initialReplicas = r.value
        }
        if let g = w.gpus {
            context.require(g.value >= 0, g.location, "spec.workload.gpus: found \(g.value)", expected: "a whole number, 0 or more")
            spec.gpus = g.value
        }
        return spec
    }

    func metrics(_ m: MetricsDTO?) -> MetricsPipelineSpec {
        var spec = MetricsPipelineSpec()
        spec.window = duration(m?.window, "spec.metrics.window") ?? spec.window
        spec.lag = duration(m?.lag, "spec.metrics.lag") ?? spec.lag
        return spec
    }

    func kubernetes(_ k: KubernetesDTO?) -> KubernetesSpec {
        var spec = KubernetesSpec()
        if let v = k?.version {
            if let minor = Self.minorVersion(v.value) {
                spec.minorVersion = minor
            } else {
                context.record(at: v.location, "spec.kubernetes.version: found '\(Excerpt.of(v.value))'", expected: "a Kubernetes version such as \"1.33\" (quoted)")
            }
        }
        spec.configurableTolerance = k?.configurableTolerance ?? (spec.minorVersion >= 35)
        spec.syncPeriod = duration(k?.syncPeriod, "spec.kubernetes.syncPeriod", allowZero: false) ?? spec.syncPeriod
        if let t = k?.tolerance {
            context.require(t.value >= 0 && t.value < 1, t.location, "spec.kubernetes.tolerance: found \(t.value.shown)", expected: "a fraction from 0 to below 1, e.g. 0.1")
            spec.tolerance = t.value
        }
        spec.downscaleStabilization = duration(k?.downscaleStabilization, "spec.kubernetes.downscaleStabilization") ?? spec.downscaleStabilization
        spec.cpuInitializationPeriod = duration(k?.cpuInitializationPeriod, "spec.kubernetes.cpuInitializationPeriod") ?? spec.cpuInitializationPeriod
        spec.initialReadinessDelay = duration(k?.initialReadinessDelay, "spec.kubernetes.initialReadinessDelay") ?? spec.initialReadinessDelay
        spec.hpaScaleToZero = k?.featureGates?["HPAScaleToZero"] ?? false
        return spec
    }

    /// `"1.33"`, `"v1.33"`, `"1.33.2"` → 33.
    static func minorVersion(_ text: String) -> Int? {
        var s = Substring(text)
        if s.hasPrefix("v") { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0] == "1", parts.allSatisfy({ NumberText.isInteger(String($0)) && !$0.hasPrefix("-") && !$0.hasPrefix("+") }),
              let minor = Int(parts[1]) else { return nil }
        return minor
    }

    func latency(_ l: LatencyDTO?) -> LatencySpec {
        var spec = LatencySpec()
        if let m = l?.model { spec.model = LatencySpec.Model(rawValue: m.value.rawValue) }
        if let s = duration(l?.serviceTime, "spec.latency.serviceTime", allowZero: false) { spec.serviceTime = s.seconds }
        if let mix = l?.mix {
            let model = l?.model?.value.rawValue ?? "auto"
            context.require(spec.model == .empirical, mix.location, "spec.latency.mix: \(mix.value.rawValue) given with model: \(model)",
                            expected: "model: empirical (the mix splits the empirical fit), or no mix")
            spec.mix = LatencyMix(rawValue: mix.value.rawValue)
        }
        return spec
    }

    func slo(_ s: SLODTO?) -> SLOSpec {
        var spec = SLOSpec()
        if let l = s?.latencyP99 {
            context.require(l.duration > .zero, l.location, "spec.slo.latencyP99: found 0", expected: "a latency above 0, e.g. 200ms")
            spec.latencyP99 = l.seconds
        }
        if let l = s?.latency {
            context.require(s?.latencyP99 == nil, l.location, "spec.slo.latency: given together with latencyP99",
                            expected: "one of them: `latency: 60s` with `quantile: 0.95`, or `latencyP99: 200ms`")
            context.require(l.duration > .zero, l.location, "spec.slo.latency: found 0", expected: "a latency above 0, e.g. 60s")
            spec.latencyP99 = l.seconds
        }
        if let q = s?.quantile {
            context.require(q.value > 0 && q.value < 1, q.location, "spec.slo.quantile: found \(q.value)",
                            expected: "a quantile between 0 and 1, e.g. 0.95 for the p95")
            context.require(s?.latencyP99 == nil || q.value == 0.99, q.location,
                            "spec.slo.quantile: \(q.value) with latencyP99, which names the 99th percentile",
                            expected: "`latency:` instead of `latencyP99:` for another quantile")
            if q.value > 0 && q.value < 1 { spec.quantile = q.value }
        }
        if let u = s?.maxUtilization {
            context.require(u.percent > 0, u.location, "spec.slo.maxUtilization: found \(u.percent.shown)", expected: "a percentage above 0, e.g. \"90%\"")
            spec.maxUtilization = u.percent
        }
        if let o = s?.objective {
            // "99.5%" → 0.995; a plain number ≤ 1 is a fraction, above 1 a percentage.
            let fraction = o.hadSign || o.percent > 1 ? o.percent / 100 : o.percent
            context.require(fraction > 0 && fraction <= 1, o.location, "spec.slo.objective: found \(o.percent.shown)\(o.hadSign ? "%" : "")",
                            expected: "a percentage above 0 and at most 100%, e.g. \"99.5%\"")
            spec.objective = fraction
        }
        return spec
    }

    func cost(_ located: Located<CostDTO>?) -> CostSpec {
        var spec = CostSpec()
        guard let c = located?.value else { return spec }
        if let m = c.model { spec.model = CostSpec.Model(rawValue: m.rawValue) ?? .resources }
        spec.cpuHour = positive(c.cpuHour, "spec.cost.cpuHour", allowZero: true) ?? spec.cpuHour
        spec.memoryGiBHour = positive(c.memoryGiBHour, "spec.cost.memoryGiBHour", allowZero: true) ?? spec.memoryGiBHour
        spec.gpuHour = positive(c.gpuHour, "spec.cost.gpuHour", allowZero: true) ?? spec.gpuHour
        if let file = c.priceFile { spec.priceFile = existingFile(file, field: "spec.cost.priceFile") }
        if let i = c.instance {
            if let hourly = i.value.hourly, let vcpu = i.value.vcpu, let memory = i.value.memoryGiB {
                _ = positive(hourly, "spec.cost.instance.hourly", allowZero: true)
                _ = positive(vcpu, "spec.cost.instance.vcpu")
                _ = positive(memory, "spec.cost.instance.memoryGiB", allowZero: true)
                spec.instance = .init(hourly: hourly.value, vcpu: vcpu.value, memoryGiB: memory.value)
            } else {
                context.record(at: i.location, "spec.cost.instance lacks hourly, vcpu or memoryGiB", expected: "instance: {hourly: USD, vcpu: N, memoryGiB: N}")
            }
        }
        if spec.model == .instance && c.instance == nil, let located {
            context.record(at: located.location, "spec.cost.model is instance but there is no 'instance'", expected: "instance: {hourly: USD, vcpu: N, memoryGiB: N}")
        }
        return spec
    }

    func carbon(_ c: CarbonDTO?) -> CarbonSpec {
        var spec = CarbonSpec()
        guard let c else { return spec }
        if let p = c.provider { spec.provider = CarbonSpec.Provider(rawValue: p.rawValue) ?? .aws }
        if let preset = CarbonSpec.presets[spec.provider] {
            spec.minWattsPerVCPU = preset.minW; spec.maxWattsPerVCPU = preset.maxW; spec.pue = preset.pue
        }
        spec.intensity = positive(c.intensity, "spec.carbon.intensity", allowZero: true) ?? spec.intensity
        if let f = c.intensityFile { spec.intensityFile = existingFile(f, field: "spec.carbon.intensityFile") }
        if let t = c.intensityTime { spec.intensityTime = t }
        if let col = c.intensityColumn { spec.intensityColumn = col }
        if let pue = c.pue {
            context.require(pue.value >= 1, pue.location, "spec.carbon.pue: found \(pue.value.shown)", expected: "a power usage effectiveness of 1 or more")
            spec.pue = pue.value
        }
        spec.minWattsPerVCPU = positive(c.minWattsPerVCPU, "spec.carbon.minWattsPerVCPU", allowZero: true) ?? spec.minWattsPerVCPU
        spec.maxWattsPerVCPU = positive(c.maxWattsPerVCPU, "spec.carbon.maxWattsPerVCPU", allowZero: true) ?? spec.maxWattsPerVCPU
        if spec.minWattsPerVCPU > spec.maxWattsPerVCPU {
            context.record(at: c.minWattsPerVCPU?.location ?? c.maxWattsPerVCPU?.location, "spec.carbon: minWattsPerVCPU \(spec.minWattsPerVCPU.shown) is above maxWattsPerVCPU \(spec.maxWattsPerVCPU.shown)",
                           expected: "minWattsPerVCPU ≤ maxWattsPerVCPU")
        }
        spec.memoryWattsPerGB = positive(c.memoryWattsPerGB, "spec.carbon.memoryWattsPerGB", allowZero: true) ?? spec.memoryWattsPerGB
        if let g = c.gpuWatts {
            spec.gpuMinWatts = g.value.min ?? spec.gpuMinWatts
            spec.gpuMaxWatts = g.value.max ?? spec.gpuMaxWatts
            context.require(spec.gpuMinWatts >= 0 && spec.gpuMinWatts <= spec.gpuMaxWatts, g.location,
                            "spec.carbon.gpuWatts: min \(spec.gpuMinWatts.shown), max \(spec.gpuMaxWatts.shown)", expected: "0 ≤ min ≤ max")
        }
        spec.embodiedGramsPerVCPUHour = positive(c.embodiedGramsPerVCPUHour, "spec.carbon.embodiedGramsPerVCPUHour", allowZero: true)
            ?? spec.embodiedGramsPerVCPUHour
        return spec
    }

    func budgets(_ b: BudgetsDTO?) -> BudgetsSpec? {
        guard let b else { return nil }
        var spec = BudgetsSpec()
        spec.sloViolationFractionMaxIncrease = positive(b.sloViolationFraction?.maxIncrease, "spec.budgets.sloViolationFraction.maxIncrease", allowZero: true)
        spec.costMaxIncreasePercent = positive(b.costUSD?.maxIncreasePercent, "spec.budgets.costUSD.maxIncreasePercent", allowZero: true)
        spec.emissionsMaxIncreasePercent = positive(b.emissionsKg?.maxIncreasePercent, "spec.budgets.emissionsKg.maxIncreasePercent", allowZero: true)
        return spec
    }
}
