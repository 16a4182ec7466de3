import Foundation
import HindsightScenario
import HindsightSim
import HindsightTrace

/// Turns a loaded scenario into what the simulator reads: the policies asked for, the
/// trace on its grid, and the environment series (grid intensity, price multipliers).
enum ScenarioInputs {
    /// The scenario's policies, or those named (in scenario order).
    /// - Throws: `InputMessage` naming a policy that is not in the scenario, with the names that are.
    static func select(_ names: [String], from scenario: Scenario) throws -> [PolicySpec] {
        guard !names.isEmpty else { return scenario.policies }
        let known = scenario.policies.map(\.name)
        for name in names where !known.contains(name) {
            throw InputMessage("--policy \(name): no such policy in \(scenario.file); expected one of: \(known.joined(separator: ", "))")
        }
        return scenario.policies.filter { names.contains($0.name) }
    }

    /// The trace, from its file or from the dataset store.
    static func trace(for scenario: Scenario) throws -> Trace {
        try TraceLoader.load(scenario.trace) { name, db in try DatasetStore.loadTrace(name: name, dbPath: db) }
    }

    /// Grid intensity (constant or a file read sample-and-hold) and the price multiplier series.
    static func environment(for scenario: Scenario) throws -> SimEnvironment {
        let carbon = scenario.carbon
        let intensity: StepSeries
        if let file = carbon.intensityFile {
            intensity = try TimeSeriesFile.read(path: file, timeColumn: carbon.intensityTime,
                                                valueColumn: carbon.intensityColumn, timezone: scenario.trace.timezone)
        } else {
            intensity = StepSeries(constant: carbon.intensity)
        }
        var price: StepSeries? = nil
        if let file = scenario.cost.priceFile {
            price = try TimeSeriesFile.read(path: file, timeColumn: "timestamp", valueColumn: "multiplier",
                                            timezone: scenario.trace.timezone)
        }
        return SimEnvironment(intensity: intensity, priceMultiplier: price)
    }
}
