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

    /// Runs `points` with a progress bar on a terminal.
    func run(_ study: SweepStudy, points: [Int]) throws -> [SweepRow] {
        let progress = SharedProgress(label: "sweep", total: points.count)
        defer { progress.finish() }
        return try study.run(points, jobs: workers, progress: { progress.update(done: $0) })
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
