/// `static: {replicas: N}`: a fixed fleet. The run starts with N ready pods, so the
/// controller never acts unless something else changed the count.
struct StaticController: Controller {
    let replicas: Int32
    let timers: [ControllerTimer]

    init(replicas: Int32, start: Int64) {
        self.replicas = replicas
        self.timers = [ControllerTimer(first: start, period: 3_600_000)]
    }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        replicas == context.specReplicas ? nil : ControllerAction(desired: replicas, reason: "static fleet of \(replicas)")
    }
}
