import ArgumentParser
import Foundation
import HindsightScenario
import HindsightTrace

/// The options of `hindsight import --prometheus URL …`: a `query_range` read from a
/// running Prometheus instead of a file.
struct PrometheusImportFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Base URL of a Prometheus server (http:// only).", valueName: "URL"))
    var prometheus: String?

    @Option(help: "PromQL expression to read.")
    var query: String?

    @Option(help: "First evaluation time: unix seconds or RFC 3339 (2026-01-01T00:00:00Z).")
    var start: String?

    @Option(help: "Last evaluation time (inclusive), as --start.")
    var end: String?

    @Option(help: "Resolution: 15s, 1m, …")
    var step: String?

    @Option(help: ArgumentHelp("A file holding the bearer token (one line).", valueName: "PATH"))
    var bearerTokenFile: String?

    @Option(help: ArgumentHelp("The environment variable holding the bearer token.", valueName: "NAME"))
    var bearerTokenEnv: String?

    @Option(help: "Seconds to wait for each call's connection and data.")
    var timeout: Int = 60

    /// With --prometheus: every option the query needs is there and well-formed.
    func validateComplete() throws {
        guard query != nil, start != nil, end != nil, step != nil else {
            throw ValidationError("--prometheus needs --query, --start, --end and --step")
        }
        guard bearerTokenFile == nil || bearerTokenEnv == nil else {
            throw ValidationError("give --bearer-token-file or --bearer-token-env, not both")
        }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second, got \(timeout)") }
        _ = try times()
    }

    /// Without --prometheus: none of its options is given.
    func validateUnused() throws {
        let given = [query, start, end, step, bearerTokenFile, bearerTokenEnv].contains { $0 != nil }
        if given { throw ValidationError("--query, --start, --end, --step and the token options go with --prometheus") }
    }

    /// (start, end, step) in ms.
    func times() throws -> (Int64, Int64, Int64) {
        guard let startText = start, let s = TimestampText.milliseconds(startText, zone: .gmt) else {
            throw ValidationError("--start \(start ?? ""): expected \(TimestampText.expected)")
        }
        guard let endText = end, let e = TimestampText.milliseconds(endText, zone: .gmt) else {
            throw ValidationError("--end \(end ?? ""): expected \(TimestampText.expected)")
        }
        guard let stepText = step, let d = DurationText.milliseconds(stepText), d > 0 else {
            throw ValidationError("--step \(step ?? ""): expected \(DurationText.expected), above 0")
        }
        guard e >= s else { throw ValidationError("--end \(endText) is before --start \(startText)") }
        return (s, e, d)
    }

    /// The token from the file or the variable, surrounding whitespace removed; nil when neither is given.
    func token() throws -> String? {
        if let path = bearerTokenFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputMessage("--bearer-token-file \(path): cannot be read; expected a readable file holding the token")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let name = bearerTokenEnv {
            guard let value = ProcessInfo.processInfo.environment[name] else {
                throw InputMessage("--bearer-token-env \(name): the variable is not set; expected the name of a variable holding the token")
            }
            return value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }

    /// Reads the range, chunk by chunk, with a progress bar on a terminal.
    func fetch(column: String?) throws -> RawTrace {
        guard let url = prometheus, let query else { preconditionFailure("fetch without --prometheus or --query") }
        let (s, e, d) = try times()
        var q = try PrometheusRangeQuery(endpoint: HTTPEndpoint(url), query: query, startMs: s, endMs: e, stepMs: d,
                                         bearerToken: token(), columnName: column)
        q.timeoutSeconds = timeout
        let bar = ProgressBar(label: "query_range")
        defer { bar.finish() }
        return try q.fetch { done, total in bar.update(Double(done) / Double(max(total, 1))) }
    }
}
