import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightStats
import HindsightTrace

/// `hindsight stats`: the statistics core on one column of a CSV trace.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Run the statistics core on one column of a CSV trace.",
        discussion: """
            Operations (--op):
              summary           one JSON object: count, mean, std, min, max, p50, p90, p95, p99
              rolling-mean, rolling-std, rolling-min, rolling-max, rolling-sum
                                over the trailing --window (needs --window)
              rolling-quantile  needs --window and --q
              ewma              needs --alpha: y0 = x0, yt = α·xt + (1 − α)·yt−1 (no bias adjustment)
              anomalies         robust rolling z-score (median and MAD of the --window samples
                                before each one); one row per flagged timestamp with its score

            Rows are sorted by time. Empty cells are skipped (their rows are left out).
            --window is a number of samples (60) or a duration (1h, 15m): rolling values are
            empty until the window is full, as pandas' rolling(w) with its default min_periods.
            Standard deviations are sample (n − 1); quantiles interpolate linearly between
            order statistics, as numpy's default. Rolling output is CSV `timestamp,value`
            (unix seconds; an empty value where the window is not yet full).

            Examples:
              hindsight stats datasets/demo-web.csv --column rps --op summary
              hindsight stats datasets/demo-web.csv --column rps --op rolling-quantile --window 1h --q 0.99
              hindsight stats datasets/demo-web.csv --column rps --op anomalies --window 1440 --threshold 5
            """
    )

    @Argument(help: "A CSV trace.")
    var file: String

    @Option(help: "The value column.")
    var column: String

    @Option(name: .customLong("time"), help: "The time column.")
    var timeColumn: String = "timestamp"

    @Option(help: "Operation: \(StatsOp.cliNames.joined(separator: ", ")).")
    var op: String

    @Option(help: "Trailing window: a number of samples, or a duration such as 1h.")
    var window: String?

    @Option(help: "Quantile for rolling-quantile, in [0, 1].")
    var q: Double?

    @Option(help: "Smoothing factor for ewma, in (0, 1].")
    var alpha: Double?

    @Option(help: "|z| above which anomalies flags a sample (default 3.5).")
    var threshold: Double?

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        let parsed: StatsOp
        do {
            parsed = try StatsOp.parse(op, q: q, alpha: alpha, threshold: threshold)
        } catch {
            throw ValidationError("\(error.message); expected \(error.expected)")
        }
        if case .rollingQuantile = parsed, q == nil { throw ValidationError("--op rolling-quantile needs --q (a number in [0, 1])") }
        if case .ewma = parsed, alpha == nil { throw ValidationError("--op ewma needs --alpha (a number in (0, 1])") }
        if parsed.needsWindow {
            guard let window else { throw ValidationError("--op \(op) needs --window (a number of samples, or a duration such as 1h)") }
            _ = try Self.parseWindow(window)
        }
    }

    /// `--window`: a positive sample count, or a duration.
    static func parseWindow(_ text: String) throws -> StatsWindow {
        if let n = Int(text) {
            guard n >= 1 else { throw ValidationError("--window \(text); expected at least 1 sample") }
            return .count(n)
        }
        guard let ms = DurationText.milliseconds(text), ms > 0 else {
            throw ValidationError("--window \(text); expected a number of samples or \(DurationText.expected)")
        }
        return .duration(ms: ms)
    }

    func run() throws {
        do {
            let operation = try StatsOp.parse(op, q: q, alpha: alpha, threshold: threshold)
            let raw = try TraceCSV.read(path: file, timeColumn: timeColumn, columns: [column])
            guard let all = raw.columns[column] else {
                throw InputMessage("\(file): no column '\(column)'; expected one of: \(raw.columnNames.joined(separator: ", "))")
            }
            var times: [Int64] = [], values: [Double] = []
            times.reserveCapacity(all.count); values.reserveCapacity(all.count)
            for (t, v) in zip(raw.times, all) where !v.isNaN { times.append(t); values.append(v) }
            let output: StatsOutput
            do {
                output = try operation.run(values: values, timestamps: times, window: try window.map(Self.parseWindow))
            } catch let error as StatsError {
                throw InputMessage("\(file): column '\(column)': \(error.message); expected \(error.expected)")
            }
            try emit(output, times: times, values: values)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw failureExit(for: error)
        }
    }

    private func emit(_ output: StatsOutput, times: [Int64], values: [Double]) throws {
        switch output {
        case .summary(let summary):
            try write(Array((summary.json + "\n").utf8))
        case .series(let series):
            let raw = RawTrace(times: times, columns: ["value": series], source: file)
            try write(TraceCSVWriter.render(raw, columns: ["value"]))
        case .anomalies(let indices, let scores):
            // `scores` has one entry per flagged index (or, defensively, one per sample).
            let flaggedScores = scores.count == indices.count ? scores : indices.map { $0 < scores.count ? scores[$0] : .nan }
            let flagged = RawTrace(times: indices.map { times[$0] },
                                   columns: ["value": indices.map { values[$0] }, "score": flaggedScores],
                                   source: file)
            try write(TraceCSVWriter.render(flagged, columns: ["value", "score"]))
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        if let out {
            try AtomicFile.write(bytes, to: out)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
