import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// A kind known only through `PolicySpec.Kind.registered`: the spec and its controller
/// are all there is; no switch in the simulator names it.
private struct HoldSpec: PolicyKindSpec, SimulatedPolicyKind {
    static let kindName = "Hold"
    var replicas: Int
    var scaleTarget: String? { "deployment/held" }
    var detail: String { "holds \(replicas) replicas" }

    func validate(_ policy: PolicySpec, setup: RunSetup) throws {
        guard replicas <= SimLimits.maxReplicas else { throw InputMessage("Hold '\(policy.name)': \(replicas) replicas; expected fewer") }
    }

    func run(_ policy: PolicySpec, setup: RunSetup, warnings: inout [String]) throws -> RunResult {
        PolicyRunner.autoscalerWarnings(target: scaleTarget, period: .seconds(15), setup: setup, into: &warnings)
        return try PolicyRunner.finish(policy, setup: setup,
                                       controller: StaticController(replicas: Int32(replicas)),
                                       initial: replicas, seriesNames: [], warnings: &warnings)
    }
}

/// A registered spec with no controller in the simulator.
private struct PaperSpec: PolicyKindSpec {
    static let kindName = "Paper"
    var scaleTarget: String? { nil }
    var detail: String { "" }
}

final class RegisteredKindTests: XCTestCase {
    private func prepared() throws -> PreparedScenario {
        let scenario = SimFixture.scenario(cpuRequest: 1) { $0.workload.name = "deployment/web" }
        let trace = SimFixture.trace(count: 8, ["cpu": SimFixture.constant(1.5, 8)])
        return try PreparedScenario(scenario: scenario, trace: trace, environment: SimFixture.env())
    }

    func testARegisteredKindRunsThroughItsOwnController() throws {
        let policy = PolicySpec(name: "hold-3", kind: .registered(HoldSpec(replicas: 3)))
        let run = try XCTUnwrap(prepared().run([policy]).runs.first)
        XCTAssertEqual(run.kind, "Hold")
        XCTAssertEqual(run.series[\.desiredReplicas], Array(repeating: 3, count: 8))
        XCTAssertEqual(run.summary.replicasMax, 3)
        XCTAssertEqual(run.warnings.first, "policy targets 'deployment/held' but the workload is 'deployment/web'",
                       "the one target-mismatch rule applies to registered kinds too")
        let tooMany = PolicySpec(name: "hold-lots", kind: .registered(HoldSpec(replicas: SimLimits.maxReplicas + 1)))
        XCTAssertThrowsError(try prepared().run([tooMany])) { XCTAssertTrue("\($0)".hasPrefix("Hold 'hold-lots'"), "\($0)") }
    }

    func testAKindWithoutAControllerIsAnInputError() throws {
        let at = SourceLocation(file: "p.yaml", line: 4, column: 1)
        let policy = PolicySpec(name: "draft", kind: .registered(PaperSpec()), location: at)
        XCTAssertThrowsError(try prepared().run([policy])) { error in
            XCTAssertTrue(error is any InputError)
            XCTAssertTrue("\(error)".hasPrefix("p.yaml:4:1: policy 'draft' is a Paper, which this version cannot simulate; expected one of: HorizontalPodAutoscaler, ScaledObject, AIOptimizationPolicy, observed, static, exec, replay"), "\(error)")
        }
    }
}
