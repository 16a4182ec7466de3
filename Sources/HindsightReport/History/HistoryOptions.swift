import Foundation
import HindsightScenario
import HindsightTrace

/// Where a command records its runs (`--history PATH`, `--no-history`), and the one call
/// `run`, `check`, `sweep` and `tune` make once their outputs are written.
///
/// ```swift
/// let history = HistoryOptions(path: "reports/history.sqlite")
/// // … run, write the outputs …
/// if case .failed(let message) = history.record(command: "sweep", arguments: CommandLine.arguments.dropFirst().map { $0 },
///                                                 runs: points.flatMap { RecordedRun.runs(of: $0.result, policies: [$0.policy], point: $0.label) }) {
///     print("warning: \(message)")   // the command's exit code stays as it was
/// }
/// ```
public struct HistoryOptions: Sendable, Equatable {
    /// `reports/history.sqlite`, relative to the current directory.
    public static let defaultPath = "reports/history.sqlite"

    /// The history file, or nil when nothing is recorded (`--no-history`).
    public var path: String?

    public init(path: String? = HistoryOptions.defaultPath) { self.path = path }

    /// Records nothing.
    public static let off = HistoryOptions(path: nil)

    /// What became of a command's record.
    public enum Outcome: Sendable, Equatable {
        /// History is off (`--no-history`) or there was nothing to record.
        case skipped
        /// Appended in one transaction; the new run ids, in order.
        case recorded([Int64])
        /// Nothing was written; the reason, for a warning (`PATH: …`).
        case failed(String)
    }

    /// Appends one invocation of `command` and its `runs` to the history in one
    /// transaction, creating the file (and its folder) when absent. Call it after the
    /// command's outputs are written, and only when the command succeeded (or, for
    /// `check`, found a broken budget): a failed command records nothing.
    ///
    /// The invocation's git commit is `git rev-parse HEAD` in the first run's scenario
    /// folder (``GitCommit/head(in:)``; NULL outside a repository or without git); its
    /// time is `startedAt`.
    /// - Parameters:
    ///   - command: `run`, `check`, `sweep`, `tune`.
    ///   - arguments: the command line after the program name, as typed.
    ///   - runs: every policy run (for a sweep, one per point with its `point` label).
    ///   - startedAt: when the command started, ms since the epoch (default: now).
    /// - Returns: ``Outcome/failed(_:)`` instead of throwing — an unwritable history must not
    ///   turn a finished run into a failure.
    /// - Complexity: O(runs × summary keys) plus one `git` process.
    public func record(command: String, arguments: [String], runs: [RecordedRun],
                       startedAt: Int64 = Self.now()) -> Outcome {
        guard let path, !runs.isEmpty else { return .skipped }
        let folder = (runs[0].scenario.file as NSString).deletingLastPathComponent
        let invocation = RunHistory.Invocation(
            command: command, arguments: arguments, startedAt: UTCTime.rfc3339(ms: startedAt),
            gitCommit: folder.isEmpty ? nil : GitCommit.head(in: folder))
        let entries = runs.map(\.entry)
        do {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty && !FileManager.default.fileExists(atPath: parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            return .recorded(try RunHistory(path: path).record(invocation, entries))
        } catch let error as StoreError {
            return .failed(error.description)
        } catch {
            return .failed("\(path): \(error.localizedDescription)")
        }
    }

    /// The current time in ms since the epoch.
    public static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
