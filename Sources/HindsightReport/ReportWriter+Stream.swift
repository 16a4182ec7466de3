import HindsightScenario
import HindsightSim
import HindsightTrace

extension ReportWriter {
    /// Runs `policies` of `prepared` (nil = the scenario's) and writes the files of
    /// ``writeAll(_:to:)`` into `directory`, with each run's rows streamed to disk as the
    /// simulation advances (``TimeseriesStream``) instead of held: memory grows with the
    /// number of policies by a constant (a buffer and a chart digest each), not with steps.
    ///
    /// `timeseries` chooses `timeseries-<policy>.csv`: `.full` (the bytes `writeAll`
    /// writes), `.hourly` (one row per UTC hour, ``HourlyRollup``) or `.none` (no file).
    /// The other files are those of `writeAll` for the same runs. The time-series files
    /// are written in place, so `directory` should be a fresh folder (an `AtomicFolder`'s).
    ///
    /// `focus` also writes `focus.csv` (``FocusExport``), reduced from the same stream.
    ///
    /// - Returns: the result (runs with empty `series`) and the paths written, in the
    ///   order of `writeAll`.
    /// - Throws: what `PreparedScenario.run` throws, or `FileWriteError`.
    /// - Complexity: O(policies × events · log events) time; O(policies × pixel columns
    ///   + decisions) memory beyond the prepared scenario.
    public static func run(_ prepared: PreparedScenario, policies: [PolicySpec]?, jobs: Int = 1, strict: Bool = false,
                           exec: ExecPermission = .deny, timeseries: TimeseriesMode = .full,
                           focus: Bool = false, to directory: String) throws -> (result: ScenarioResult, written: [String]) {
        try AtomicFile.createDirectory(directory)
        let names = fileNames((policies ?? prepared.scenario.policies).map(\.fileName))
        let span = HTMLReport.span(prepared.trace.grid) ?? (prepared.trace.grid.start.unixMilliseconds,
                                                             prepared.trace.grid.start.unixMilliseconds &+ 1)
        let streams = try names.map {
            try TimeseriesStream(path: path(in: directory, "timeseries-\($0).csv"), mode: timeseries, start: span.0, end: span.1)
        }
        let stepMs = prepared.trace.grid.step.milliseconds
        let focusStreams = focus ? streams.map { FocusStream(next: $0, stepMs: stepMs) } : []
        let result = try prepared.run(policies, jobs: jobs, strict: strict, exec: exec,
                                      sinks: { focus ? focusStreams[$0] as StepSink : streams[$0] })
        let charts = try streams.map { try $0.finish() }
        var written = try writeSummaries(result, to: directory)
        for (i, name) in names.enumerated() {
            if timeseries != .none { written.append(streams[i].path) }
            written.append(try write(Array(DecisionsCSV.render(result.runs[i].decisions)), directory, "decisions-\(name).csv"))
        }
        written += try writeReports(result, charts: charts, to: directory)
        if focus {
            let rows = zip(focusStreams, result.runs).flatMap { $0.hours.finished(policy: $1.policy, kind: $1.kind) }
            written.append(try write(FocusExport.render(result, rows: rows), directory, "focus.csv"))
        }
        return (result, written)
    }
}
