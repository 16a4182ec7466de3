import HindsightScenario

/// A registered policy kind (`PolicySpec.Kind.registered`) that the simulator can run.
/// The kind's spec type conforms next to its controller: the conformance says how the
/// trace is checked and which controller the engine drives, so no switch elsewhere
/// names the kind.
///
/// ```swift
/// extension MyPolicySpec: SimulatedPolicyKind {
///     func run(_ policy: PolicySpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
///         PolicyRunner.autoscalerWarnings(target: scaleTarget, period: interval, setup: setup, into: &warnings)
///         return try PolicyRunner.finish(policy, setup: setup, controller: MyController(self, start: setup.trace.start),
///                                        initial: PolicyRunner.initialReplicas(setup, minimum: 1), seriesNames: [],
///                                        warnings: &warnings)
///     }
/// }
/// ```
protocol SimulatedPolicyKind: PolicyKindSpec {
    /// Checks that the trace can drive the policy, before any run starts.
    /// - Throws: `InputMessage` at the policy's file:line:col. The default checks nothing.
    func validate(_ policy: PolicySpec, setup: RunSetup) throws

    /// Runs the policy's simulation over the setup's trace.
    /// - Parameter warnings: messages for the run's summary, to append to.
    func run(_ policy: PolicySpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult
}

extension SimulatedPolicyKind {
    func validate(_ policy: PolicySpec, setup: RunSetup) throws {}
}
