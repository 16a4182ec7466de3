import ArgumentParser
import Foundation
import HindsightScenario
import HindsightTrace

/// `hindsight import FILE --name NAME`: a trace into the SQLite dataset store.
struct ImportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, prometheus }

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a trace (CSV or Prometheus query_range JSON) into the SQLite dataset store.",
        discussion: """
            The samples are stored as recorded (sorted by time, duplicates resolved by
            --duplicates); a scenario then names them with `dataset: NAME` instead of
            `file:` and resamples them onto its own grid. The import is one transaction:
            a failure leaves the store as it was.

            CSV: a header row, a time column (unix seconds, RFC 3339, or
            "YYYY-MM-DD HH:MM:SS" read in --timezone), numeric value columns.
            Prometheus: the JSON answer of /api/v1/query_range (resultType matrix); each
            series becomes a column named by --column (one series) or its __name__.

            Examples:
              hindsight import datasets/demo-web.csv --name demo
              hindsight import latency.json --format prometheus --column latency_p99_ms --name api
              hindsight datasets

            From a running Prometheus (http:// only: hindsight has no TLS client;
            use kubectl port-forward or a TLS-terminating proxy for https):
              hindsight import --prometheus http://127.0.0.1:9090 \\
                  --query 'sum(rate(http_requests_total[1m]))' --column rps \\
                  --start 2026-01-01T00:00:00Z --end 2026-01-08T00:00:00Z \\
                  --step 15s --name api
            The range is read from /api/v1/query_range in calls of at most
            11,000 points per series (the server's limit) and stored in one
            transaction; a bearer token is read from --bearer-token-file or
            from the variable named by --bearer-token-env.
            """
    )

    @Argument(help: "The trace file (omit with --prometheus).")
    var file: String?

    @Option(help: "Name of the dataset in the store (letters, digits, . _ -).")
    var name: String

    @Option(help: "csv or prometheus.")
    var format: Format = .csv

    @Option(help: ArgumentHelp("The dataset store (created when missing).", valueName: "PATH"))
    var db: String = DatasetStore.defaultPath

    @Option(name: .customLong("time"), help: "CSV: the time column.")
    var timeColumn: String = "timestamp"

    @Option(help: "CSV: IANA time zone of times written without an offset.")
    var timezone: String = "UTC"

    @Option(help: "CSV: what to do with repeated timestamps: error, last or mean.")
    var duplicates: String = "error"

    @Option(help: "Prometheus: the column name for a single series.")
    var column: String?

    @Flag(help: "Replace a dataset of the same name.")
    var replace = false

    @OptionGroup(title: "From a running Prometheus")
    var remote: PrometheusImportFlags

    func validate() throws {
        switch (file, remote.prometheus) {
        case (nil, nil): throw ValidationError("give a trace file, or --prometheus URL with --query, --start, --end and --step")
        case (.some, .some): throw ValidationError("give either a trace file or --prometheus, not both")
        case (nil, .some): try remote.validateComplete()
        case (.some, nil): try remote.validateUnused()
        }
        guard TraceSpec.Duplicates(rawValue: duplicates) != nil else {
            throw ValidationError("--duplicates \(duplicates); expected error, last or mean")
        }
    }

    func run() throws {
        do {
            let raw: RawTrace
            switch (file, format) {
            case (nil, _):
                raw = try remote.fetch(column: column)
            case let (.some(file), .csv):
                raw = try TraceCSV.read(path: file, timeColumn: timeColumn, timezone: timezone,
                                        duplicates: TraceSpec.Duplicates(rawValue: duplicates) ?? .error,
                                        nonNegative: Set(TraceSpec.defaultColumns.values))
            case let (.some(file), .prometheus):
                raw = try PrometheusJSON.read(path: file, columnName: column)
            }
            let progress = ProgressBar(label: "import \(name)")
            let info = try DatasetStore.importTrace(raw, name: name, replace: replace, dbPath: db) { written, total in
                progress.update(Double(written) / Double(max(total, 1)))
            }
            progress.finish()
            print("imported \(info.rows) rows × \(info.columns.count) columns as '\(info.name)' into \(db)")
        } catch {
            throw failureExit(for: error)
        }
    }
}
