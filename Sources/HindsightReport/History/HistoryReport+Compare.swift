import Foundation
import HindsightTrace

extension HistoryReport {
    /// One metric of two runs and how it changed from the first to the second.
    public struct MetricChange: Sendable, Equatable {
        public var key: String
        public var first: Double?
        public var second: Double?

        /// `second − first`, nil when either is absent.
        public var delta: Double? {
            guard let a = first, let b = second else { return nil }
            return b - a
        }

        /// `(second − first) / |first|` as a fraction; 0 when both are 0; nil when either
        /// is absent or only the first is 0 (no finite relative change).
        public var relative: Double? {
            guard let a = first, let b = second else { return nil }
            if a == 0 { return b == 0 ? 0 : nil }
            return (b - a) / abs(a)
        }
    }

    /// Every metric of `a` and `b`: `a`'s keys in order, then keys only `b` has.
    /// - Complexity: O(metrics²) (a few dozen keys).
    public static func changes(_ a: RunHistory.Row, _ b: RunHistory.Row) -> [MetricChange] {
        var keys = a.entry.metrics.map(\.key)
        for key in b.entry.metrics.map(\.key) where !keys.contains(key) { keys.append(key) }
        return keys.map { MetricChange(key: $0, first: a.entry.metric($0), second: b.entry.metric($0)) }
    }

    /// The two runs side by side: what ran (time, command, scenario and policy with their
    /// content hashes, sweep point, git commit, trace span), then one line per metric with
    /// both values (as in `summary.json`), the absolute change `b − a` (10 significant
    /// digits, `+` when positive) and the relative change in % of `|a|` (2 decimals).
    /// `–` marks a value that is absent and a change that cannot be computed.
    public static func compare(_ a: RunHistory.Row, _ b: RunHistory.Row) -> String {
        func facts(_ r: RunHistory.Row) -> [String] {
            let e = r.entry
            return [time(r.invocation.startedAt), r.invocation.command, e.scenario, String(e.scenarioSHA256.prefix(12)),
                    e.policy, e.policyKind, String(e.policySHA256.prefix(12)), e.point ?? DisplayText.none,
                    shortCommit(r.invocation.gitCommit),
                    "\(UTCTime.rfc3339(ms: e.traceStartMs)) – \(UTCTime.rfc3339(ms: e.traceEndMs)), step \(NumberText.plain(Double(e.stepMs) / 1000) ?? "") s"]
        }
        let labels = ["time (UTC)", "command", "scenario", "scenario sha256", "policy", "policy kind", "policy sha256",
                      "point", "commit", "trace"]
        let (fa, fb) = (facts(a), facts(b))
        let top = TextTable.render(header: ["", "run \(a.id)", "run \(b.id)"],
                                   rows: labels.indices.map { [labels[$0], fa[$0], fb[$0]] }, leftColumns: 3)
        let rows = changes(a, b).map { c in
            [c.key, value(c.first), value(c.second), signedDelta(c.delta), relativeText(c.relative)]
        }
        let metrics = TextTable.render(header: ["metric", "run \(a.id)", "run \(b.id)", "change", "change %"], rows: rows)
        return top + "\n\n" + metrics
    }

    /// `{"first": {…}, "second": {…}, "metrics": [{"key", "first", "second", "delta", "relative"}]}`
    /// with the runs as ``json(_:)`` writes them and exact (unrounded) changes; `relative`
    /// is a fraction.
    public static func compareJSON(_ a: RunHistory.Row, _ b: RunHistory.Row) -> String {
        let metrics: [JSONValue] = changes(a, b).map { c in
            .object([("key", .string(c.key)), ("first", .optionalNumber(c.first)), ("second", .optionalNumber(c.second)),
                     ("delta", .optionalNumber(c.delta)), ("relative", .optionalNumber(c.relative))])
        }
        return JSONValue.object([("first", json(a)), ("second", json(b)), ("metrics", .array(metrics))]).rendered(indent: 2)
    }

    /// `+0.7544`, `-3`, `0`: the change to 10 significant digits (hiding the last bits of
    /// a floating-point difference), `+` when positive; `–` when nil.
    static func signedDelta(_ d: Double?) -> String {
        guard let d, d.isFinite else { return DisplayText.none }
        let rounded = Double(String(format: "%.10g", d)) ?? d
        guard rounded != 0, let text = NumberText.plain(rounded) else { return "0" }
        return rounded > 0 ? "+" + text : text
    }

    /// `+6.11 %`, `-0.50 %`, `0.00 %`: a fraction in percent with 2 decimals; `–` when nil.
    static func relativeText(_ r: Double?) -> String {
        guard let r, r.isFinite else { return DisplayText.none }
        let text = DisplayText.fixed(r * 100, 2)
        if text == "0.00" { return "0.00 %" }
        return (r > 0 ? "+" : "") + text + " %"
    }
}
