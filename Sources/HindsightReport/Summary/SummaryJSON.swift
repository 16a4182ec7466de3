import HindsightSim

/// `summary.json`: `{"scenario": <name>, "runs": [ … ]}`, one object per policy in
/// scenario order, keys in the order of `SummaryField.keys` (CLI.md), pretty-printed
/// with two spaces and a final newline.
public enum SummaryJSON {
    /// The document as a value (for callers that embed it).
    public static func document(_ result: ScenarioResult) -> JSONValue {
        .object([
            ("scenario", .string(result.scenario.name)),
            ("runs", .array(result.runs.map(run))),
        ])
    }

    /// One run's object.
    public static func run(_ run: RunResult) -> JSONValue {
        .object(SummaryField.fields(of: run).map { ($0.key, $0.value.json) })
    }

    /// The file's text.
    ///
    /// ```swift
    /// try AtomicFile.write(SummaryJSON.render(result), to: "out/summary.json")
    /// ```
    /// - Complexity: O(runs × warnings).
    public static func render(_ result: ScenarioResult) -> String {
        document(result).rendered(indent: 2)
    }
}
