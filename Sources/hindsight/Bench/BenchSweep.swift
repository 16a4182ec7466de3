import Foundation
import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

extension BenchRegistry {
    /// The sweep against a single run, both from a trace file: `sweep_1000x30d` runs 1,000
    /// HPA points through `PreparedScenario.runPoints` (summaries only) on every core, and
    /// measures, alternately in the same process, `run_1x30d`: what `hindsight run` does for
    /// one point (read the trace file, prepare, simulate, write the run's files).
    /// `sweep_1000x30d_1m` does the same on 30 days at 1-minute steps (four syncs per step).
    /// Throughput is in ticks (steps × points)/s.
    static let sweepCases: [BenchCase] = [
        sweepCase("sweep_1000x30d", reference: "run_1x30d", step: .seconds(15), defaultSize: BenchSimData.steps30d),
        sweepCase("sweep_1000x30d_1m", reference: "run_1x30d_1m", step: .minutes(1),
                  defaultSize: BenchSimData.steps30dMinutes),
    ]

    /// 1,000 points of `BenchSimData` at `step` against one run of its first point.
    private static func sweepCase(_ name: String, reference: String, step: SimDuration, defaultSize: Int) -> BenchCase {
        // The sweep holds one summary per point; the single run holds its rows (88 bytes per
        // step) and the files it writes; both hold the trace and the load model.
        BenchCase(name: name, defaultSize: defaultSize, bytesPerUnit: 1_000) { n in
            let files = try BenchSweepFiles.make(steps: n, step: step)
            let jobs = ProcessInfo.processInfo.activeProcessorCount
            let variants = BenchSimData.variants(1000)
            return BenchBody(units: Double(n) * Double(variants.count), run: {
                let prepared = try PreparedScenario(scenario: files.scenario)
                let runs = try prepared.runPoints(count: variants.count, jobs: jobs) { variants[$0] }
                return runs.reduce(0) { $0 + $1.summary.costUSD }
            }, reference: BenchReference(name: reference, units: Double(n)) {
                let prepared = try PreparedScenario(scenario: files.scenario)
                let result = try prepared.run([variants[0]], jobs: 1)
                _ = try ReportWriter.writeAll(result, to: files.output)
                return result.runs.first?.summary.costUSD ?? 0
            })
        }
    }
}

/// The files of `sweep_1000x30d`: `BenchSimData`'s trace written as a CSV
/// (`timestamp,rps,cpu`, every value in its shortest exact form, so the file reads back to
/// the same doubles) and its scenario pointing at it.
struct BenchSweepFiles {
    /// The bench scenario with `spec.trace` on the file.
    let scenario: Scenario
    /// Where the single run writes its files.
    let output: String

    /// Writes (untimed) the trace of `steps` steps into the temporary folder.
    static func make(steps n: Int, step: SimDuration = .seconds(15)) throws -> BenchSweepFiles {
        let (base, trace) = BenchSimData.make(steps: n, step: step)
        let folder = NSTemporaryDirectory() + "/hindsight-bench-sweep-\(n)-\(step.milliseconds)-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/trace.csv"
        let rps = trace.series["rps"] ?? [], cpu = trace.series["cpu"] ?? []
        var text = "timestamp,rps,cpu\n"
        text.reserveCapacity(n * 48)
        for i in 0..<trace.count {
            text += "\(trace.time(at: i).wholeUnixSeconds),\(rps[i]),\(cpu[i])\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var scenario = base
        var spec = TraceSpec(source: .file(path))
        spec.columns = ["rps": "rps", "cpu": "cpu"]
        spec.step = trace.step
        scenario.trace = spec
        return BenchSweepFiles(scenario: scenario, output: folder + "/run")
    }
}
