import HindsightSim

/// `summary.csv`: a header of `SummaryField.keys`, then one row per policy in scenario
/// order. No value → empty cell; warnings joined with `"; "`; cells quoted per RFC 4180
/// when needed; LF line endings.
public enum SummaryCSV {
    /// The file's text.
    /// - Complexity: O(runs × keys).
    public static func render(_ result: ScenarioResult) -> String {
        var out = SummaryField.keys.joined(separator: ",") + "\n"
        for run in result.runs {
            out += SummaryField.fields(of: run).map { CSVText.quoted($0.value.csvText) }.joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
