/// AIOptimizationPolicy → `AIOptimizationSpec` (SEMANTICS.md §5).
extension PolicyConversion {
    static func aiOptimization(_ dto: AIOptimizationDocumentDTO, root: YAMLNode, context: YAMLDecodingContext) -> PolicySpec? {
        guard let (name, spec) = dto.opened(PolicyKinds.aiOptimization, expected: "spec with optimizationGoals and actions", root: root, context: context) else { return nil }
        let s = spec.value
        let errorsBefore = context.errors.count
        let evaluationInterval = s.evaluationInterval?.duration ?? .minutes(1)
        if let e = s.evaluationInterval {
            context.require(e.duration > .zero, e.location, "spec.evaluationInterval: found 0", expected: "a duration above 0")
        }
        var goals: [AIOptimizationSpec.Goal] = []
        let goalList = s.optimizationGoals ?? []
        if goalList.isEmpty {
            context.record(at: spec.location, "AIOptimizationPolicy without optimizationGoals", expected: "spec.optimizationGoals: a list of goals")
        }
        var seen: Set<AIGoalTypeDTO> = []
        for (i, g) in goalList.enumerated() {
            let path = "spec.optimizationGoals[\(i)]"
            guard let type = g.value.type else {
                context.missing(at: g.location, field: "\(path).type", "\(path) without 'type'", expected: "type: costEfficiency, performance or carbonEfficiency")
                continue
            }
            if !seen.insert(type.value).inserted {
                context.record(at: type.location, "\(path): a second \(type.value.rawValue) goal", expected: "each goal type at most once (actions name goals by type)")
            }
            let metric = g.value.metric ?? defaultMetric(type.value)
            guard let thresholdNode = g.value.threshold?.node,
                  let threshold = goalThreshold(thresholdNode, metric: metric, path: "\(path).threshold", context: context) else {
                if g.value.threshold == nil {
                    context.record(at: g.location, "\(path) without 'threshold'", expected: "a threshold in the metric's unit, e.g. \"60%\" or 200ms")
                }
                continue
            }
            let window = g.value.window?.duration ?? (type.value == .costEfficiency ? .hours(1) : evaluationInterval)
            if let w = g.value.window {
                context.require(w.duration > .zero, w.location, "\(path).window: found 0", expected: "a duration above 0")
            }
            goals.append(.init(type: AIOptimizationSpec.GoalType(rawValue: type.value.rawValue) ?? .performance,
                               metric: AIOptimizationSpec.GoalMetric(rawValue: metric.rawValue) ?? .latencyP99,
                               threshold: threshold, window: window))
        }
        var actions: [AIOptimizationSpec.Action] = []
        for (i, a) in (s.actions ?? []).enumerated() {
            let path = "spec.actions[\(i)]"
            guard a.value.type != nil, let direction = a.value.direction, let condition = a.value.ifCondition else {
                let reported = ["type", "direction", "ifCondition"].contains { context.failedPaths.contains("\(path).\($0)") }
                if reported { continue }
                context.record(at: a.location, "\(path) lacks type, direction or ifCondition",
                               expected: "type: scaleReplicas, direction: up or down, ifCondition: a goal type")
                continue
            }
            if !seen.contains(condition.value) {
                context.record(at: condition.location, "\(path).ifCondition: no \(condition.value.rawValue) goal is defined",
                               expected: "one of the goal types: " + seen.map(\.rawValue).sorted().joined(separator: ", "))
            }
            var step = AIOptimizationSpec.Step.replicas(1)
            if let node = a.value.step?.node {
                step = actionStep(node, path: "\(path).step", context: context) ?? step
            }
            let cooldown = a.value.cooldown?.duration ?? (direction == .down ? .minutes(5) : .minutes(1))
            actions.append(.init(direction: direction == .up ? .up : .down,
                                 ifCondition: AIOptimizationSpec.GoalType(rawValue: condition.value.rawValue) ?? .performance,
                                 step: step, cooldown: cooldown))
        }
        if s.actions?.isEmpty ?? true {
            context.record(at: spec.location, "AIOptimizationPolicy without actions", expected: "spec.actions: a list of scaleReplicas actions")
        }
        let modelRef = s.aiAgent?.modelRef
        let model = modelRef.flatMap { parseModel($0, context: context) } ?? .none
        var result = AIOptimizationSpec(name: name?.value ?? "", targetWorkload: s.targetWorkload, goals: goals,
                                        agentName: s.aiAgent?.name, model: model, modelRef: modelRef?.value ?? "none", actions: actions)
        result.dryRun = s.dryRun ?? false
        result.modelRefLocation = modelRef?.location
        result.evaluationInterval = evaluationInterval
        result.horizon = s.horizon?.duration
        (result.minReplicas, result.maxReplicas) = context.replicaBounds(
            min: s.minReplicas, max: s.maxReplicas, defaults: (result.minReplicas, result.maxReplicas),
            names: ("spec.minReplicas", "spec.maxReplicas"), fallback: spec.location)
        guard let name, context.errors.count == errorsBefore else { return nil }
        return PolicySpec(name: name.value, kind: .aiOptimization(result), location: name.location)
    }

    private static func defaultMetric(_ type: AIGoalTypeDTO) -> AIGoalMetricDTO {
        switch type {
        case .costEfficiency: .cpu_utilization_avg
        case .performance: .latency_p99
        case .carbonEfficiency: .carbon_intensity
        }
    }

    /// The threshold in the metric's unit: percent, seconds, rps, cores, gCO2e/kWh.
    private static func goalThreshold(_ node: YAMLNode, metric: AIGoalMetricDTO, path: String, context: YAMLDecodingContext) -> Double? {
        let value: Double
        switch metric {
        case .cpu_utilization_avg, .cpu_utilization:
            guard let p = try? PercentField.decode(yaml: node, context: context, path: path) else { return nil }
            value = p.percent
        case .latency_p99:
            guard let d = try? DurationField.decode(yaml: node, context: context, path: path) else { return nil }
            value = d.seconds
        case .cpu_cores:
            guard let q = try? QuantityField.decode(yaml: node, context: context, path: path) else { return nil }
            value = q.quantity.doubleValue
        case .rps, .carbon_intensity:
            guard let n = try? NumberField.decode(yaml: node, context: context, path: path) else { return nil }
            value = n.value
        }
        guard value > 0 else {
            context.record(node, path: path, expected: "a threshold above 0")
            return nil
        }
        return value
    }

    /// `step`: a whole number of replicas (≥ 1) or a percentage such as "25%".
    private static func actionStep(_ node: YAMLNode, path: String, context: YAMLDecodingContext) -> AIOptimizationSpec.Step? {
        let expected = "a whole number of replicas (1 or more) or a percentage such as \"25%\""
        guard let text = node.scalar?.text else {
            context.record(node, path: path, expected: expected)
            return nil
        }
        if text.hasSuffix("%") {
            guard let p = try? PercentField.decode(yaml: node, context: context, path: path) else { return nil }
            guard p.percent > 0 else {
                context.record(node, path: path, expected: expected)
                return nil
            }
            return .percent(p.percent)
        }
        guard NumberText.isInteger(text), let n = Int(text), n >= 1 else {
            context.record(node, path: path, expected: expected)
            return nil
        }
        return .replicas(n)
    }

    /// `modelRef`: a forecaster name, `exec:<command line>`, or a hosted model name.
    static func parseModel(_ ref: Located<String>, context: YAMLDecodingContext) -> AIOptimizationSpec.Model? {
        let text = ref.value.trimmingSpaces
        switch text {
        case "none", "": return AIOptimizationSpec.Model.none
        case "ewma": return .ewma
        case "linear": return .linear
        case "holt-winters": return .holtWinters
        case "seasonal-naive": return .seasonalNaive
        default: break
        }
        if text.hasPrefix("exec:") {
            let words = text.dropFirst(5).split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard !words.isEmpty else {
                context.record(at: ref.location, "aiAgent.modelRef 'exec:' names no command", expected: "exec:<program> [arguments], e.g. exec:python3 agent.py")
                return nil
            }
            return .exec(words)
        }
        return .hosted(text)
    }
}
