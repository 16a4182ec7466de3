/// One run's rows of `timeseries-<policy>.csv`, one ``StepRow`` per trace step, stored
/// contiguously. A column is read as an array with `series[\.field]`.
public struct RunSeries: Sendable, Equatable {
    /// The rows in step order.
    public var rows: [StepRow]

    public init(rows: [StepRow] = []) { self.rows = rows }

    /// Number of rows (steps).
    public var count: Int { rows.count }

    /// One value of every row, in step order, e.g. `series[\.desiredReplicas]` (a key-path
    /// literal becomes a plain function here, so no key path is applied per row).
    /// - Complexity: O(rows).
    @inlinable
    public subscript<Value>(_ value: (StepRow) -> Value) -> [Value] {
        rows.map(value)
    }
}
