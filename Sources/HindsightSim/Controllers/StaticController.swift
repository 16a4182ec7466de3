/// `static: {replicas: N}`: a fixed fleet. The run starts with N ready pods (whatever
/// `workload.initialReplicas` says), and the controller has no timer: it never acts.
struct StaticController: Controller {
    let replicas: Int32
    let timers: [ControllerTimer]

    init(replicas: Int32) {
        self.replicas = replicas
        self.timers = []
    }

    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction? {
        replicas == context.specReplicas ? nil : ControllerAction(desired: replicas, reason: "static fleet of \(replicas)")
    }
}
