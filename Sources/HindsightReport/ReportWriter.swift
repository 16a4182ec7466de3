import Dispatch
import Foundation
import HindsightSim
import HindsightTrace

/// Writes every file of a run (CLI.md "Files a run writes") into one folder.
public enum ReportWriter {
    /// Writes, each atomically (`AtomicFile`), creating `directory` and its parents:
    /// `summary.json`, `summary.csv`, then per policy `timeseries-<policyFileName>.csv`
    /// and `decisions-<policyFileName>.csv`, then `report.html` and `summary.md`.
    ///
    /// Two policies with the same file name would overwrite each other's files, so a
    /// repeated name gets `-2`, `-3`, … appended (an empty one becomes `policy`).
    ///
    /// ```swift
    /// let paths = try ReportWriter.writeAll(result, to: "reports/demo")
    /// ```
    /// - Returns: the paths written, in the order above (`directory` + `/` + name).
    /// - Throws: `FileWriteError` when the folder cannot be created or a file cannot
    ///   be written; files written before the failure stay (each one complete).
    /// - Complexity: O(steps × policies + decisions).
    @discardableResult
    public static func writeAll(_ result: ScenarioResult, to directory: String) throws -> [String] {
        try AtomicFile.createDirectory(directory)
        var written = try writeSummaries(result, to: directory)
        // The time series dominate (tens of MB for a month at 15 s): render them on all
        // cores, then write in order. Each file's bytes depend only on its run.
        let series = renderTimeseries(result.runs)
        for (i, name) in fileNames(result.runs).enumerated() {
            written.append(try write(series[i], directory, "timeseries-\(name).csv"))
            written.append(try write(DecisionsCSV.render(result.runs[i].decisions), directory, "decisions-\(name).csv"))
        }
        written += try writeReports(result, charts: nil, to: directory)
        return written
    }

    /// `directory` + `/` + `name` (no doubled slash).
    static func path(in directory: String, _ name: String) -> String {
        var folder = directory
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? name : (folder == "/" ? "/" + name : folder + "/" + name)
    }

    /// Writes `bytes` atomically as `name` in `directory`; returns the path.
    static func write(_ bytes: [UInt8], _ directory: String, _ name: String) throws -> String {
        let p = path(in: directory, name)
        try AtomicFile.write(bytes, to: p)
        return p
    }

    /// `summary.json` and `summary.csv`; returns their paths.
    static func writeSummaries(_ result: ScenarioResult, to directory: String) throws -> [String] {
        [try write(Array(SummaryJSON.render(result).utf8), directory, "summary.json"),
         try write(Array(SummaryCSV.render(result).utf8), directory, "summary.csv")]
    }

    /// `report.html` (charts from `charts`, or from the runs' series) and `summary.md`.
    static func writeReports(_ result: ScenarioResult, charts: [RunChartDigest]?, to directory: String) throws -> [String] {
        [try write(Array(HTMLReport.render(result, charts: charts).utf8), directory, "report.html"),
         try write(Array(MarkdownSummary.render(result).utf8), directory, "summary.md")]
    }

    /// `TimeseriesCSV.render` of every run, computed concurrently; results in run order.
    static func renderTimeseries(_ runs: [RunResult]) -> [[UInt8]] {
        let slots = Slots(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { i in
            slots.store(TimeseriesCSV.render(runs[i].series), at: i)
        }
        return slots.values
    }

    /// Results of concurrent renders, one slot per run, guarded by a lock.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [[UInt8]]
        init(count: Int) { storage = Array(repeating: [], count: count) }
        func store(_ bytes: [UInt8], at i: Int) { lock.lock(); storage[i] = bytes; lock.unlock() }
        var values: [[UInt8]] { lock.lock(); defer { lock.unlock() }; return storage }
    }

    /// The file-name part of each run: its `policyFileName` (characters outside
    /// `[a-z0-9._-]` replaced by `-`, empty → `policy`), with `-2`, `-3`, … appended to
    /// a name already taken.
    /// - Complexity: O(runs × name length) expected.
    public static func fileNames(_ runs: [RunResult]) -> [String] {
        fileNames(runs.map(\.policyFileName))
    }

    /// `fileNames(_:)` of runs whose `policyFileName`s are `names` (known before they run).
    public static func fileNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { policyFileName in
            let cleaned = String(policyFileName.map { c -> Character in
                ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-" ? c : "-"
            })
            let base = cleaned.isEmpty ? "policy" : cleaned
            var name = base
            var k = 2
            while used.contains(name) {
                name = "\(base)-\(k)"
                k += 1
            }
            used.insert(name)
            return name
        }
    }
}
