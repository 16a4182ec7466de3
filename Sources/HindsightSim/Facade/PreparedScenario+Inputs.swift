import HindsightScenario
import HindsightTrace

extension PreparedScenario {
    /// The scenario's policies, or those named, in scenario order (`Scenario.policies(named:)`).
    /// - Parameter names: policy names (`metadata.name`, `observed`, `static-N`); empty = all.
    /// - Throws: `InputMessage` naming a policy that is not in the scenario, with the names that are.
    /// - Complexity: O(names × policies).
    public func select(_ names: [String]) throws -> [PolicySpec] {
        try scenario.policies(named: names)
    }

    /// The trace, from its file or from the dataset store.
    /// - Throws: `TraceError`/`StoreError` for a file or dataset that cannot be read.
    static func readTrace(for scenario: Scenario) throws -> Trace {
        try TraceLoader.load(scenario.trace) { name, db in try DatasetStore.loadTrace(name: name, dbPath: db) }
    }

    /// Grid intensity (constant, or a file read sample-and-hold) and the price multiplier series.
    /// - Throws: the `InputError` of an intensity or price file that cannot be read.
    static func readEnvironment(for scenario: Scenario) throws -> SimEnvironment {
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
