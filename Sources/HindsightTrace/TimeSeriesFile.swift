/// Reads an environment time series (grid carbon intensity, price multipliers) from CSV.
///
/// Uses the trace CSV rules (`TraceCSV`) on two columns only, so other columns may hold
/// text (Electricity Maps exports: `Datetime (UTC)`, zone names, quoted names with commas,
/// `true`/`false`). Rows with an empty value are skipped (the previous value holds).
/// Column names match exactly, else ignoring case, spaces, punctuation and `₂`→`2`
/// (so `Carbon Intensity gCO2eq/kWh (direct)` finds `Carbon Intensity gCO₂eq/kWh (direct)`).
///
/// ```swift
/// let grid = try TimeSeriesFile.read(path: "DE_2023_hourly.csv", timeColumn: "Datetime (UTC)",
///                                    valueColumn: "Carbon Intensity gCO₂eq/kWh (direct)")
/// ```
public enum TimeSeriesFile {
    /// Reads `valueColumn` against `timeColumn` as a sample-and-hold series.
    /// - Throws: `TraceError` for an unreadable file, a missing column, a non-numeric or
    ///   negative value, a repeated timestamp, or no value at all.
    /// - Complexity: O(bytes).
    public static func read(path: String, timeColumn: String, valueColumn: String,
                            timezone: String = "UTC") throws -> StepSeries {
        let raw = try TraceCSV.read(path: path, timeColumn: timeColumn, timezone: timezone, duplicates: .error,
                                    columns: [valueColumn], nonNegative: [valueColumn])
        let column = raw.columns[valueColumn] ?? []
        var times: [SimInstant] = [], values: [Double] = []
        times.reserveCapacity(raw.times.count)
        values.reserveCapacity(raw.times.count)
        for (t, v) in zip(raw.times, column) where !v.isNaN {
            times.append(SimInstant(unixMilliseconds: t)); values.append(v)
        }
        guard !times.isEmpty else {
            throw TraceError(file: path, message: "the column \"\(valueColumn)\" has no values",
                             expected: "at least one number")
        }
        return StepSeries(times: times, values: values)
    }
}
