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
    /// Throughput is in ticks (steps × points)/s.
    static let sweepCases: [BenchCase] = [
        // The sweep holds one summary per point; the single run holds its rows (88 bytes per
        // step) and the files it writes; both hold the trace and the load model.
        BenchCase(name: "sweep_1000x30d", defaultSize: BenchSimData.steps30d, bytesPerUnit: 1_000) { n in
            let files = try BenchSweepFiles.make(steps: n)
            let jobs = ProcessInfo.processInfo.activeProcessorCount
            let variants = BenchSimData.variants(1000)
            return BenchBody(units: Double(n) * Double(variants.count), run: {
                let prepared = try PreparedScenario(scenario: files.scenario)
                let runs = try prepared.runPoints(count: variants.count, jobs: jobs) { variants[$0] }
                return runs.reduce(0) { $0 + $1.summary.costUSD }
            }, reference: BenchReference(name: "run_1x30d", units: Double(n)) {
                let prepared = try PreparedScenario(scenario: files.scenario)
                let result = try prepared.run([variants[0]], jobs: 1)
                _ = try ReportWriter.writeAll(result, to: files.output)
                return result.runs.first?.summary.costUSD ?? 0
            })
        },
    ]
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
    static func make(steps n: Int) throws -> BenchSweepFiles {
        let (base, trace) = BenchSimData.make(steps: n)
        let folder = NSTemporaryDirectory() + "/hindsight-bench-sweep-\(n)-\(getpid())"
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
