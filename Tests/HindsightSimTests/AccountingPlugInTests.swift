import HindsightTrace
import XCTest
@testable import HindsightSim

/// A pricing scheme the engine has never seen: a flat fee per started hour of any fleet.
private struct CostModelFlatFee: CostModel {
    let usdPerHour: Double
    var priceMultiplier: StepSeries? { nil }
    func baseUSD(billedPods: Int, duration: SimDuration) -> Double {
        billedPods > 0 ? usdPerHour * duration.hours : 0
    }
}

final class AccountingPlugInTests: XCTestCase {
    /// A new cost model plugs into the engine through `RunSetup` alone: 3 static pods for
    /// one hour under a flat 2 USD/hour fee cost 2 USD, whatever the pod prices say.
    func testEngineChargesThroughTheCostModelItIsGiven() throws {
        let n = 240
        let trace = SimFixture.trace(count: n, ["rps": SimFixture.constant(50, n), "cpu": SimFixture.constant(0.2, n)])
        let sc = SimFixture.scenario(cpuRequest: 0.5)
        let made = try RunSetup.make(scenario: sc, trace: trace, environment: SimFixture.env())
        let setup = RunSetup(scenario: made.scenario, trace: made.trace, load: made.load, environment: made.environment,
                             latency: made.latency, latencyKind: made.latencyKind, memory: made.memory,
                             recordedLatency: made.recordedLatency, cost: CostModelFlatFee(usdPerHour: 2),
                             power: made.power, carbon: made.carbon)
        var engine = SimulationEngine(setup: setup, controller: StaticController(replicas: 3),
                                      initialReplicas: 3, seriesNames: [])
        let (summary, series, _) = try engine.run()
        XCTAssertEqual(summary.costUSD, 2, accuracy: 1e-12)
        XCTAssertEqual(series[\.costUSD].reduce(0, +), 2, accuracy: 1e-12)
        XCTAssertEqual(series[\.costUSD][0], 2.0 / 240, accuracy: 1e-15, "one 15 s step of the fee")
    }
}
