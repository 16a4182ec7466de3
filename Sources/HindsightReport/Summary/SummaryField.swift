import HindsightSim

/// One value of a run's summary, typed the way `summary.json` writes it.
public enum SummaryField: Sendable, Equatable {
    case string(String)
    /// A measured number; nil (or NaN/∞) means "no value": JSON `null`, an empty CSV cell.
    case number(Double?)
    case integer(Int)
    case strings([String])

    /// The keys of each run in `summary.json` and the columns of `summary.csv`, in order
    /// (CLI.md): those of ``SummaryKey/all``.
    public static var keys: [String] { SummaryKey.all.map(\.key) }

    /// The summary of `run` as (key, value) pairs in the order of ``SummaryKey/all``.
    /// `start`/`end` are RFC 3339 UTC; warnings are the run's warnings.
    /// - Complexity: O(keys + warnings).
    public static func fields(of run: RunResult) -> [(key: String, value: SummaryField)] {
        SummaryKey.all.map { (key: $0.key, value: $0.value(run)) }
    }

    /// The value as JSON.
    public var json: JSONValue {
        switch self {
        case let .string(s): .string(s)
        case let .number(x): .optionalNumber(x)
        case let .integer(v): .integer(Int64(v))
        case let .strings(list): .array(list.map { .string($0) })
        }
    }

    /// The value as CSV cell text (before quoting): numbers per `NumberText`, no value
    /// as empty, a list joined with `"; "`.
    public var csvText: String {
        switch self {
        case let .string(s): s
        case let .number(x): x.flatMap(NumberText.plain) ?? ""
        case let .integer(v): String(v)
        case let .strings(list): list.joined(separator: "; ")
        }
    }
}
