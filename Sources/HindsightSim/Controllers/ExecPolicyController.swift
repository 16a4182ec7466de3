import HindsightScenario

/// `exec:` — an external program decides (SEMANTICS.md §6). At t0, t0 + interval, … it
/// gets the metrics as the pipeline shows them and answers a replica count, clamped to
/// [minReplicas, maxReplicas] and applied at once.
struct ExecPolicyController: Controller {
    let agent: ExternalAgent
    let minReplicas: Int
    let maxReplicas: Int
    let cpuRequest: Double
    let hasLatency: Bool
    let timers: [ControllerTimer]

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        let metrics = AgentMetrics(context, cpuRequest: cpuRequest, hasLatency: hasLatency)
        let answer = try agent.ask(metrics.requestLine(now: context.now, replicas: context.specReplicas))
        let clamped = min(max(answer.replicas, minReplicas), maxReplicas)
        guard clamped != Int(context.specReplicas) else { return nil }
        var reason = "agent: " + (answer.reason.isEmpty ? "\(answer.replicas)" : answer.reason)
        if clamped != answer.replicas { reason += " (asked \(answer.replicas), clamped to [\(minReplicas), \(maxReplicas)])" }
        return ControllerAction(desired: Int32(clamped), reason: reason)
    }
}
