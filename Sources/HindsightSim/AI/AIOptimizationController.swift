import DequeModule
import HindsightScenario
import HindsightTrace

/// The `AIOptimizationPolicy` decision logic (SEMANTICS.md §5), independent of the
/// simulation kernel: given what the policy sees at an evaluation, the replica count it
/// asks for and why.
///
/// Rules, in order, at every `evaluationInterval`:
/// 1. The load (rps when known, else cores) feeds the predictor; with a predictive
///    `modelRef` the metrics are scaled by predicted ÷ current load `horizon` ahead.
/// 2. Goals: `costEfficiency` is true when the mean utilization over `window` (which must
///    be covered by observations) is below the threshold **and** the predicted
///    utilization is too; `performance` when the observed or predicted value is above
///    the threshold; `carbonEfficiency` when the grid intensity is above it.
/// 3. An action fires when its goal is true and its `cooldown` has passed since this
///    policy last scaled (in either direction). When an up and a down action both fire,
///    up wins. Steps are a count or a percentage of the current replicas (at least 1).
/// 4. The result is clamped to [minReplicas, maxReplicas].
public struct AIOptimizationController: Sendable {
    public let spec: AIOptimizationSpec
    /// Look-ahead of the predictor.
    public let horizon: SimDuration
    private var predictor: LoadPredictor
    private var utilization: Deque<(time: SimInstant, value: Double)> = []
    private var lastScale: SimInstant? = nil
    private let longestWindow: SimDuration

    /// - Parameters:
    ///   - horizon: look-ahead (the spec's `horizon`, else the workload's startupDelay).
    public init(spec: AIOptimizationSpec, horizon: SimDuration) {
        self.spec = spec
        self.horizon = horizon
        let model = LoadPredictor.Model(spec.model, evaluationInterval: spec.evaluationInterval) ?? .none
        self.predictor = LoadPredictor(model: model)
        self.longestWindow = spec.goals.map(\.window).max() ?? .zero
    }

    /// Evaluation period.
    public var interval: SimDuration { spec.evaluationInterval }

    /// True when the model predicts (anything but `none`, hosted or exec).
    public var isPredictive: Bool { predictor.model != .none }

    /// One evaluation.
    /// - Parameters:
    ///   - observation: what the policy sees now.
    ///   - latencyAt: the latency model, seconds, for a load (same unit as the observed
    ///     load: rps when known, else cores) served by `ready` pods; used to predict latency.
    /// - Returns: the replica count asked for (== `observation.replicas` when nothing
    ///   fires) and a reason naming the goals, values and the bound that applied.
    public mutating func evaluate(
        _ observation: AIObservation, latencyAt: ((_ load: Double, _ ready: Int) -> Double?)? = nil
    ) -> (replicas: Int, reason: String) {
        let now = observation.now
        if let u = observation.cpuUtilization {
            utilization.append((now, u))
        }
        while let first = utilization.first, now - first.time >= longestWindow, longestWindow > .zero {
            utilization.removeFirst()
        }
        let load = observation.rps ?? observation.cpuCores
        if let load { predictor.update(load) }
        let oneMs = SimDuration.milliseconds(1)
        let stepsAhead = Int((horizon + interval - oneMs) / max(interval, oneMs))  // whole evaluations, rounded up
        var ratio = 1.0
        var predictedLoad: Double? = nil
        if isPredictive, let load, let p = predictor.forecast(ahead: stepsAhead) {
            predictedLoad = max(p, 0)
            ratio = load > 0 ? max(p, 0) / load : 1
        }

        var truth: [AIOptimizationSpec.GoalType: Bool] = [:]
        var notes: [String] = []
        for goal in spec.goals {
            let (holds, note) = judge(goal, observation, ratio: ratio, predictedLoad: predictedLoad, latencyAt: latencyAt)
            truth[goal.type] = (truth[goal.type] ?? false) || holds
            notes.append(note)
        }

        let current = observation.replicas
        var target = current
        var fired = "no action"
        let sinceLast = lastScale.map { now - $0 }
        let cooled = { (a: AIOptimizationSpec.Action) in sinceLast.map { $0 >= a.cooldown } ?? true }
        let up = spec.actions.first { $0.direction == .up && truth[$0.ifCondition] == true && cooled($0) }
        let down = spec.actions.first { $0.direction == .down && truth[$0.ifCondition] == true && cooled($0) }
        if let action = up {
            target = current + stepSize(action.step, current: current)
            fired = "up on \(action.ifCondition.rawValue)" + (down != nil ? " (wins over down)" : "")
        } else if let action = down {
            target = current - stepSize(action.step, current: current)
            fired = "down on \(action.ifCondition.rawValue)"
        } else if spec.actions.contains(where: { truth[$0.ifCondition] == true }) {
            fired = "cooling down"
        }
        let clamped = min(max(target, spec.minReplicas), spec.maxReplicas)
        var reason = notes.joined(separator: "; ") + " → " + fired
        if clamped != target { reason += ", clamped to [\(spec.minReplicas), \(spec.maxReplicas)]" }
        if clamped != current { lastScale = now }
        return (clamped, reason)
    }

    private func stepSize(_ step: AIOptimizationSpec.Step, current: Int) -> Int {
        switch step {
        case .replicas(let n): return max(n, 1)
        case .percent(let p): return max(1, Int((Double(current) * p / 100).rounded(.up)))
        }
    }

    private func judge(
        _ goal: AIOptimizationSpec.Goal, _ o: AIObservation, ratio: Double, predictedLoad: Double?,
        latencyAt: ((Double, Int) -> Double?)?
    ) -> (Bool, String) {
        let name = "\(goal.type.rawValue) \(goal.metric.rawValue)"
        let threshold = goal.threshold
        switch goal.metric {
        case .cpuUtilizationAvg:
            guard let oldest = utilization.first, o.now - oldest.time >= goal.window - interval else {
                return (false, "\(name): window not yet covered")
            }
            let samples = utilization.filter { o.now - $0.time < goal.window }
            let mean = samples.reduce(0) { $0 + $1.value } / Double(max(samples.count, 1))
            let predicted = (o.cpuUtilization ?? mean) * ratio
            let value = isPredictive ? max(mean, predicted) : mean
            return (compare(goal.type, value, threshold), "\(name) \(fmt(mean))% over \(goal.window.wholeMinutes) min" + (isPredictive ? ", predicted \(fmt(predicted))%" : "") + " vs \(fmt(threshold))%")
        case .latencyP99:
            guard let observed = o.latencyP99 else { return (false, "\(name): no latency") }
            var value = observed
            var text = "\(name) \(fmt(observed * 1000)) ms"
            if isPredictive, let predictedLoad, let predicted = latencyAt?(predictedLoad, o.ready) {
                value = max(observed, predicted)
                text += ", predicted \(fmt(predicted * 1000)) ms"
            }
            return (compare(goal.type, value, threshold), text + " vs \(fmt(threshold * 1000)) ms")
        case .rps, .cpuCores, .cpuUtilization:
            let raw: Double? = switch goal.metric {
            case .rps: o.rps
            case .cpuCores: o.cpuCores
            default: o.cpuUtilization
            }
            guard let raw else { return (false, "\(name): no value") }
            let value = isPredictive ? max(raw, raw * ratio) : raw
            return (compare(goal.type, value, threshold), "\(name) \(fmt(value)) vs \(fmt(threshold))")
        case .carbonIntensity:
            guard let intensity = o.carbonIntensity else { return (false, "\(name): no intensity") }
            return (compare(goal.type, intensity, threshold), "\(name) \(fmt(intensity)) g/kWh vs \(fmt(threshold))")
        }
    }

    /// costEfficiency holds below the threshold; performance and carbonEfficiency above it.
    private func compare(_ type: AIOptimizationSpec.GoalType, _ value: Double, _ threshold: Double) -> Bool {
        type == .costEfficiency ? value < threshold : value > threshold
    }

    private func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
