import HindsightScenario
import HindsightSim

/// One row of `sweep.csv`: a point's index in the grid, its parameter values and
/// every summary metric, as the text the file holds.
///
/// Choices (the Pareto front, the best point) read the numbers back from this text, so
/// a sweep and a merge of its shards, which only see the text, decide alike.
public struct SweepRow: Sendable, Equatable {
    /// The point's index in the grid (itertools order).
    public var point: Int
    /// Each parameter's value as written into the policy (grid order).
    public var values: [String]
    /// The summary cells, in the order of `SummaryKey.all` (`SummaryField.csvText`).
    public var metrics: [String]

    public init(point: Int, values: [String], metrics: [String]) {
        self.point = point; self.values = values; self.metrics = metrics
    }

    /// The row of point `point` run as `run`.
    public init(point: Int, values: [YAMLPatch.Value], run: RunResult) {
        self.init(point: point, values: values.map(\.description),
                  metrics: SummaryField.fields(of: run).map(\.value.csvText))
    }

    /// The metric under summary key `key` (e.g. `cost_usd`) as a number; nil when the
    /// key is unknown or the cell is empty or not a number.
    /// - Complexity: O(keys).
    public func number(_ key: String) -> Double? {
        guard let k = SummaryField.keys.firstIndex(of: key), k < metrics.count else { return nil }
        return Double(metrics[k])
    }
}
