import ArgumentParser
import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

/// The options `sweep` and `tune` share: what to run, how, and where the files go.
struct SweepOptions: ParsableArguments {
    @Argument(help: "The scenario file; its spec.sweep block names the policy file and the parameters.")
    var scenario: String

    @Option(help: "Output folder (default: reports/<scenario name>-sweep/).")
    var out: String?

    @OptionGroup var parallel: JobsFlag

    @Option(help: "Run only N points of the grid, drawn at random with --seed (the same seed, the same points).")
    var sample: Int?

    @Option(help: "Seed of --sample (default 0).")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Tune on the first steps of the trace and backtest on the last PERCENT (e.g. 25%).", valueName: "percent"))
    var holdout: String?

    @Option(help: ArgumentHelp(
        "Also write each point's time series to timeseries/point-<index>.csv in the output folder: hourly (one row per UTC hour) or full (one row per step). Default none: the points keep their summaries only.",
        discussion: "Each file holds the bytes `hindsight run --timeseries hourly|full` writes for the policy file with the point's values. Files are streamed as the points run; memory does not grow with the points. full is large: 30 days at 15 s is about 40 MB a point.",
        valueName: "none|hourly|full"))
    var timeseries: TimeseriesMode = .none

    @OptionGroup var export: ExportFlag

    @OptionGroup var agents: AllowExecFlag

    @OptionGroup var output: QuietFlag

    /// The scenario loaded and the sweep prepared.
    func study() throws -> SweepStudy {
        let loaded = try ScenarioLoader.load(path: scenario)
        let percent = try holdout.map { try PercentText.parse($0, option: "--holdout") * 100 }
        return try SweepStudy(scenario: loaded, holdoutPercent: percent, sample: sample, seed: seed, allowExec: agents.allowExec)
    }

    /// `--out`, or `reports/<scenario name>-sweep`.
    func directory(_ study: SweepStudy) -> String {
        out ?? "reports/\(PolicySpec(name: study.scenario.name, kind: .observed).fileName)-sweep"
    }

    var workers: Int { parallel.workers }

    /// Runs `points` with a progress bar on a terminal, each point's time series streamed
    /// into `folder`/timeseries/ with `--timeseries`.
    func run(_ study: SweepStudy, points: [Int], seriesInto folder: String) throws -> [SweepRow] {
        let series = timeseries == .none ? nil
            : try SweepSeriesFiles(study: study, points: points, folder: folder + "/" + Self.seriesFolder, mode: timeseries)
        let progress = SharedProgress(label: "sweep", total: points.count)
        defer { progress.finish() }
        return try study.run(points, jobs: workers, progress: { progress.update(done: $0) }, series: series)
    }

    /// The subfolder of the points' time series.
    static let seriesFolder = "timeseries"

    /// Writes the files of `outcome` into `staged` (an `AtomicFolder`'s): those of
    /// `SweepFiles`, and `focus.csv` with `--export focus` (the FOCUS rows of the current
    /// policy and the chosen point: the runs of report.html).
    static func write(_ outcome: SweepOutcome, export: ExportFlag, into staged: String) throws {
        try SweepFiles.write(outcome, to: staged)
        if export.focus { try AtomicFile.write(FocusExport.render(outcome.tuned), to: staged + "/focus.csv") }
    }

    /// What the output folder holds, for the closing line.
    func filesLine(points: Int) -> String {
        let files = export.focus ? "5 files" : "4 files"
        return timeseries == .none ? files : "\(files) and \(points) time series (\(Self.seriesFolder)/)"
    }
}

/// A `ProgressBar` several threads may advance.
final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let bar: ProgressBar
    private let total: Int

    init(label: String, total: Int) { bar = ProgressBar(label: label); self.total = max(total, 1) }

    func update(done: Int) {
        lock.lock(); defer { lock.unlock() }
        bar.update(Double(done) / Double(total))
    }

    func finish() { lock.lock(); bar.finish(); lock.unlock() }
}
