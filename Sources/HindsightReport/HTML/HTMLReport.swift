import HindsightTrace
import HindsightSim

/// `report.html`: one self-contained page that opens from disk with no network — no
/// CDN, web font, external script or style; a Content-Security-Policy forbids any
/// fetch. It shows the scenario (trace span and step, workload, prices, grid), a
/// comparison table of every policy with changes against the first (the baseline),
/// and inline SVG charts: load and replicas per policy over the baseline, p99 latency
/// against the SLO with violation lanes, cumulative cost and emissions, grid intensity
/// when it varies, and a timeline of decisions whose hover titles give the reasons.
///
/// Long traces are drawn min/max per pixel column, so spikes stay visible and the file
/// stays small (under 2 MB for 30 days at 15 s with three policies). Colours are
/// Okabe–Ito; every chart has a title, a description and axis labels with units; a
/// print style sheet lays it out on A4 landscape. All text is escaped. Deterministic:
/// the same result gives the same bytes (no generation time is printed).
public enum HTMLReport {
    /// The page's text.
    ///
    /// ```swift
    /// try AtomicFile.write(HTMLReport.render(result), to: "out/report.html")
    /// ```
    /// - Parameter charts: one digest per run, over `span(result)`, when the runs' rows
    ///   were streamed (their `series` is empty); nil = drawn from the runs' series.
    /// - Complexity: O(steps × policies + decisions), or O(pixel columns × policies +
    ///   decisions) with `charts`.
    public static func render(_ result: ScenarioResult, charts: [RunChartDigest]? = nil) -> String {
        var html = documentStart(title: "hindsight report: \(result.scenario.name)")
        html += header(result)
        html += scenarioSection(result)
        html += comparisonSection(result)
        html += chartsSection(result, charts: charts)
        html += fidelitySection(result)
        html += warningsSection(result)
        html += "<footer>Written by hindsight from a replay of recorded load. Changes are against the baseline, "
        html += "the first policy of the scenario. Charts draw the minimum and maximum of each pixel column, "
        html += "so short spikes stay visible. Times are UTC.</footer>\n"
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// The page up to and including `<main>`: doctype, charset, viewport, the
    /// Content-Security-Policy that forbids any fetch, the escaped title, the style sheet.
    static func documentStart(title: String) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        html += "<meta name=\"generator\" content=\"hindsight\">\n"
        html += "<title>\(XMLText.escape(title))</title>\n<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n<main>\n"
        return html
    }

    /// The opening of a top-level section: `<section id="ID">` labelled by its `<h2>`
    /// (id `ID-h`), the title escaped. The caller closes it with `</section>\n`.
    static func sectionStart(id: String, title: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h2 id=\"\(id)-h\">\(XMLText.escape(title))</h2>\n"
    }

    /// A `<p class="note">` paragraph of `text`, escaped, with its newline.
    static func noteParagraph(_ text: String) -> String {
        "<p class=\"note\">\(XMLText.escape(text))</p>\n"
    }

    static func header(_ result: ScenarioResult) -> String {
        let (start, end) = span(result)
        var s = "<header>\n<h1><span class=\"brand\">hindsight ·</span> \(XMLText.escape(result.scenario.name))</h1>\n"
        s += "<p class=\"meta\">\(UTCTime.display(ms: start)) → \(UTCTime.display(ms: end)) UTC"
        s += " · \(DisplayText.duration(seconds: SimDuration.milliseconds(end &- start).seconds))"
        s += " · step \(DisplayText.duration(seconds: result.grid.step.seconds))"
        s += " · \(DisplayText.fixed(Double(result.grid.count), 0)) steps"
        s += " · \(result.runs.count) \(result.runs.count == 1 ? "policy" : "policies")"
        if let baseline = result.runs.first {
            s += " · baseline <b>\(XMLText.escape(baseline.policy))</b>"
        }
        s += "</p>\n</header>\n"
        return s
    }

    static func warningsSection(_ result: ScenarioResult) -> String {
        let warnings = result.runs.flatMap { run in run.warnings.map { (run.policy, $0) } }
        guard !warnings.isEmpty else { return "" }
        var s = sectionStart(id: "warnings", title: "Warnings") + "<ul class=\"warnings\">\n"
        for (policy, warning) in warnings {
            s += "<li><b>\(XMLText.escape(policy))</b>: \(XMLText.escape(warning))</li>\n"
        }
        return s + "</ul>\n</section>\n"
    }

    /// The time range of a non-empty grid, ms (`end` exclusive); nil when it is empty
    /// or its end overflows.
    public static func span(_ grid: TraceGrid) -> (start: Int64, end: Int64)? {
        guard grid.count > 0 else { return nil }
        let start = grid.start.unixMilliseconds
        let (length, overflow) = grid.step.milliseconds.multipliedReportingOverflow(by: Int64(grid.count))
        return overflow ? nil : (start, start &+ length)
    }

    /// The time range the report covers, ms: the trace grid, or the runs' own steps
    /// when the grid is empty; `end` is exclusive and always after `start`.
    public static func span(_ result: ScenarioResult) -> (start: Int64, end: Int64) {
        if let span = span(result.grid) { return span }
        let start = result.grid.start.unixMilliseconds, step = result.grid.step.milliseconds
        let times = result.runs.flatMap { [$0.series[\.timestamp].min(), $0.series[\.timestamp].max()] }.compactMap { $0 }
        guard let lo = times.min(), let hi = times.max() else { return (start, start &+ 1) }
        return (lo, max(hi &+ step, lo &+ 1))
    }
}
