import ArgumentParser
import HindsightScenario
import HindsightTrace

extension SyntheticLoad.Pattern: ExpressibleByArgument {}

/// `hindsight generate`: a synthetic trace, reproducible from its seed (CLI.md).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic trace (timestamp,rps,cpu,replicas,latency_p99_ms), reproducible from its seed.",
        discussion: """
            Patterns:
              diurnal  peak of 800 requests/s at 14:00 UTC, nightly trough at 02:00
                       of about 15 % of the peak, slow and fast noise
              spiky    diurnal plus flash crowds: about 2 a day, 3-6x the load
                       for 5-30 minutes
              weekly   diurnal times a day-of-week factor (weekends about half)

            Columns:
              timestamp  unix seconds, from 2026-01-01T00:00:00Z
              rps        requests per second
              cpu        cores: 0.004 core-seconds per request (+-3 %) + 0.05
              replicas   what a production autoscaler recorded: ceil(rps / 60)
                         seen 30 s late, down only after 5 minutes, in 2..30
              latency_p99_ms  the p99 latency those replicas gave, from hindsight's
                         own M/M/c model (pods of 500m serving 120 requests/s, 25 ms
                         service time, 45 s startup, 30 s queue timeout): replaying
                         `observed` with that workload reproduces it (latency_mape 0)

            The same arguments give the same bytes. A file is written
            atomically (temporary name, then rename).

            Examples:
              hindsight generate --pattern diurnal --days 7 --seed 1 \\
                  --out datasets/demo-web.csv
              hindsight generate --pattern spiky --days 1 --step 1m --seed 7
            """
    )

    @Option(help: "Shape of the load: diurnal, spiky or weekly.")
    var pattern: SyntheticLoad.Pattern

    @Option(help: "Length of the trace in days (fractions allowed, e.g. 0.5).")
    var days: Double

    @Option(help: "Spacing of the samples: a duration such as 15s, 1m, 500ms.")
    var step: String = "15s"

    @Option(help: "Seed of the random generator (an unsigned 64-bit integer).")
    var seed: UInt64 = 1

    @Option(help: "File to write (atomically). Without it the CSV goes to standard output.")
    var out: String?

    func validate() throws {
        guard days > 0, days.isFinite, days <= 3660 else {
            throw ValidationError("--days must be a positive number of days (at most 3660), got \(days)")
        }
        let stepMs = try Self.milliseconds(step)
        let rows = days * Double(SimDuration.days(1).milliseconds) / Double(stepMs)
        guard rows >= 1 else { throw ValidationError("--step \(step) is longer than --days \(days): no rows") }
        guard rows < 50_000_000 else {
            throw ValidationError("--days \(days) at --step \(step) makes \(Int(rows)) rows; expected at most 50 million (use a longer step)")
        }
    }

    func run() throws {
        do {
            let stepMs = try Self.milliseconds(step)
            var raw = SyntheticLoad.generate(pattern: pattern, days: days, step: stepMs, seed: seed)
            raw.columns["latency_p99_ms"] = try SyntheticLatency.recorded(raw, step: stepMs)
            try TraceCSVWriter.write(raw, columns: ["rps", "cpu", "replicas", "latency_p99_ms"], to: out)
        } catch {
            throw failureExit(for: error)
        }
    }

    /// `15s`, `1m`, `500ms`, `1h`, `1d` → ms (positive, whole milliseconds).
    /// `--step` in ms, read as the scenario file reads durations.
    static func milliseconds(_ text: String) throws -> Int64 {
        guard let ms = DurationText.milliseconds(text), ms > 0 else {
            throw ValidationError("--step \"\(text)\" is not a duration; expected \(DurationText.expected)")
        }
        return ms
    }
}
