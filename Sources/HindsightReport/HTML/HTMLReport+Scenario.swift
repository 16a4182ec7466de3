import HindsightScenario
import HindsightTrace
import HindsightSim

extension HTMLReport {
    /// The scenario card: trace, workload, SLO and latency, prices, grid, controllers, policies.
    static func scenarioSection(_ result: ScenarioResult) -> String {
        let sc = result.scenario
        let (start, end) = span(result)
        var facts: [(String, String)] = []
        facts.append(("Trace", traceSource(sc.trace.source)))
        facts.append(("Span", "\(UTCTime.display(ms: start)) → \(UTCTime.display(ms: end)) UTC (\(text(.milliseconds(end &- start)))))"))
        facts.append(("Step", "\(text(result.grid.step)) · \(DisplayText.fixed(Double(result.grid.count), 0)) steps"))
        let w = sc.workload
        var pod = "\(DisplayText.compact(w.cpuRequest)) CPU request"
        if let limit = w.cpuLimit { pod += ", \(DisplayText.compact(limit)) limit" }
        if w.memoryRequest > 0 { pod += ", \(bytes(w.memoryRequest))" }
        if w.gpus > 0 { pod += ", \(w.gpus) GPU" }
        facts.append(("Workload", (w.name.map { $0 + " · " } ?? "") + pod))
        var capacity = w.podCapacity.map { "\(DisplayText.compact($0)) req/s per pod" } ?? "capacity derived from the trace"
        capacity += " · startup \(text(w.startupDelay))"
        if w.readinessDelay > .zero { capacity += " (of which \(text(w.readinessDelay)) Running before Ready)" }
        capacity += " · queue timeout \(text(w.queueTimeout))"
        if w.terminationGrace > .zero { capacity += " · grace \(text(w.terminationGrace))" }
        facts.append(("Pods", capacity))
        facts.append(("SLO", slo(sc)))
        facts.append(("Prices", prices(sc.cost, gpus: w.gpus)))
        facts.append(("Grid", grid(sc.carbon)))
        facts.append(("Power model", "\(DisplayText.compact(sc.carbon.minWattsPerVCPU))–\(DisplayText.compact(sc.carbon.maxWattsPerVCPU)) W/vCPU, "
            + "\(DisplayText.compact(sc.carbon.memoryWattsPerGB)) W/GB memory, PUE \(DisplayText.compact(sc.carbon.pue))"
            + (sc.carbon.embodiedGramsPerVCPUHour > 0 ? ", embodied \(DisplayText.compact(sc.carbon.embodiedGramsPerVCPUHour)) g/vCPU-h" : "")))
        facts.append(("Metrics pipeline", "window \(text(sc.metrics.window)), lag \(text(sc.metrics.lag))"))
        facts.append(("Kubernetes", "1.\(sc.kubernetes.minorVersion) · sync \(text(sc.kubernetes.syncPeriod)) · tolerance \(DisplayText.compact(sc.kubernetes.tolerance))"))
        var s = sectionStart(id: "scenario", title: "Scenario") + "<dl class=\"facts\">\n"
        for (term, value) in facts {
            s += "<div><dt>\(XMLText.escape(term))</dt><dd>\(XMLText.escape(value))</dd></div>\n"
        }
        s += "</dl>\n<ul class=\"policies\">\n"
        for (i, run) in result.runs.enumerated() {
            let spec = sc.policies.first { $0.name == run.policy }
            let detail = spec.map(policyDetail) ?? run.kind
            s += "<li>\(swatch(i)) <b>\(XMLText.escape(run.policy))</b> <span class=\"kind\">\(XMLText.escape(detail))</span></li>\n"
        }
        return s + "</ul>\n</section>\n"
    }

    /// A legend swatch (a short line in the policy's colour, with its dash when `dashed`).
    static func swatch(_ index: Int, dashed: Bool = false) -> String {
        let dash = dashed ? Palette.dash(index) : nil
        let style = dash == nil ? "" : (dash == "6 3" ? " dashed" : " dotted")
        return "<span class=\"swatch\(style)\" style=\"border-top-color:\(Palette.policy(index))\" aria-hidden=\"true\"></span>"
    }

    static func traceSource(_ source: TraceSpec.Source) -> String {
        switch source {
        case let .file(path): "file " + baseName(path)
        case let .dataset(name, db): "dataset \(name) in \(baseName(db))"
        }
    }

    static func slo(_ sc: Scenario) -> String {
        var parts: [String] = []
        if let p99 = sc.slo.latencyP99 {
            parts.append("p\(DisplayText.compact(sc.slo.quantile * 100)) ≤ \(DisplayText.compact(p99 * 1000)) ms")
        }
        let model = sc.latency.model?.rawValue ?? "auto"
        if sc.latency.model == LatencySpec.Model.none || sc.slo.latencyP99 == nil {
            parts.append("utilization ≤ \(DisplayText.compact(sc.slo.maxUtilization)) %")
        }
        parts.append("objective \(DisplayText.compact(sc.slo.objective * 100, significant: 5)) %")
        parts.append("latency model \(model)" + (sc.latency.mix.map { " split by request mix (\($0.rawValue))" } ?? ""))
        return parts.joined(separator: " · ")
    }

    static func prices(_ cost: CostSpec, gpus: Int) -> String {
        var s: String
        switch cost.model {
        case .resources:
            s = "$\(DisplayText.compact(cost.cpuHour)) per vCPU-hour, $\(DisplayText.compact(cost.memoryGiBHour)) per GiB-hour"
            if gpus > 0 { s += ", $\(DisplayText.compact(cost.gpuHour)) per GPU-hour" }
        case .instance:
            if let i = cost.instance {
                s = "instances of \(DisplayText.compact(i.vcpu)) vCPU / \(DisplayText.compact(i.memoryGiB)) GiB at $\(DisplayText.compact(i.hourly))/hour"
            } else {
                s = "per instance"
            }
        }
        if let file = cost.priceFile { s += " × multipliers from \(baseName(file))" }
        return s
    }

    static func grid(_ carbon: CarbonSpec) -> String {
        let provider = carbon.provider.rawValue.uppercased()
        if let file = carbon.intensityFile {
            return "\(provider) · intensity series \(baseName(file)) (\(carbon.intensityColumn))"
        }
        return "\(provider) · \(DisplayText.compact(carbon.intensity)) gCO2e/kWh (constant)"
    }

    static func policyDetail(_ p: PolicySpec) -> String {
        switch p.kind {
        case .observed: return "observed · replays the recorded replicas"
        case let .fixed(n): return "static · \(n) replicas"
        case let .hpa(h):
            let metrics = h.metrics.map(metricText).joined(separator: ", ")
            return "HorizontalPodAutoscaler · \(h.minReplicas)–\(h.maxReplicas) replicas · \(metrics)"
                + (h.behavior == nil ? "" : " · custom behavior")
        case let .scaledObject(k):
            return "ScaledObject · \(k.minReplicaCount)–\(k.maxReplicaCount) replicas · polling \(text(k.pollingInterval))"
                + " · cooldown \(text(k.cooldownPeriod)) · \(k.triggers.count) trigger\(k.triggers.count == 1 ? "" : "s")"
        case let .aiOptimization(a):
            return "AIOptimizationPolicy · \(a.minReplicas)–\(a.maxReplicas) replicas · model \(a.modelRef)"
                + " · goals \(a.goals.map(\.type.rawValue).joined(separator: ", "))"
                + (a.dryRun ? " · dryRun (proposals only)" : "")
        case let .exec(e): return "exec · \(e.command.joined(separator: " ")) every \(text(e.interval))"
        case let .replay(r): return "replay · decisions from \(baseName(r.file))"
        case let .registered(spec): return "\(type(of: spec).kindName) · \(spec.detail)"
        }
    }

    static func metricText(_ m: HPAMetricSpec) -> String {
        func target(_ t: HPAMetricTarget) -> String {
            switch t {
            case let .utilization(u): "\(u) % utilization"
            case let .averageValue(milli): "average \(DisplayText.compact(Double(milli) / 1000))"
            case let .value(milli): "value \(DisplayText.compact(Double(milli) / 1000))"
            }
        }
        switch m {
        case let .resource(r, t), let .containerResource(r, _, t): return "\(r.rawValue) \(target(t))"
        case let .pods(series, t), let .object(series, t), let .external(series, t): return "\(series) \(target(t))"
        }
    }

    /// A duration given in ms, e.g. `15s`, `5m`.
    /// A duration as `15s`, `5m`, `1h 30m` (``DisplayText/duration(seconds:)``).
    static func text(_ d: SimDuration) -> String { DisplayText.duration(seconds: d.seconds) }

    /// Bytes as MiB or GiB.
    static func bytes(_ b: Double) -> String {
        let gib = 1_073_741_824.0
        return b >= gib ? "\(DisplayText.compact(b / gib)) GiB memory" : "\(DisplayText.compact(b / 1_048_576)) MiB memory"
    }

    /// The last component of a path.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
