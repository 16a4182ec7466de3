import ArgumentParser
import Foundation

/// `hindsight bench [--size N] [--only NAME]`: one CSV line per benchmark,
/// `op,n,seconds,throughput` (median of repeated runs; throughput per CLI.md).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the core's benchmarks and print op,n,seconds,throughput CSV lines.",
        discussion: """
            Data is generated from a fixed seed inside the process. Each case runs a few times \
            (fewer when slow) and the median time is printed: the thread's CPU time by default \
            (steady on a shared machine; every case runs on one thread), wall time with --wall. Default size: 10,000,000 \
            points (1,000,000 rows for sqlite). A size whose estimated memory does not fit in \
            this machine's is refused (exit 2) before any case runs. Each line is flushed as its case ends.
            """
    )

    @Option(name: .long, help: "Problem size (points, rows or ticks); default per benchmark.")
    var size: Int?

    @Option(name: .long, help: "Run only the benchmark with this name (repeatable).")
    var only: [String] = []

    @Option(name: .long, help: "Maximum repetitions per benchmark (median is reported).")
    var reps: Int = 7

    @Flag(name: .long, help: "Time with the wall clock instead of the thread's CPU time.")
    var wall = false

    func validate() throws {
        if let size, size < 1 { throw ValidationError("--size must be at least 1, got \(size)") }
        if reps < 1 { throw ValidationError("--reps must be at least 1, got \(reps)") }
        let names = Set(BenchRegistry.all.map(\.name))
        for name in only where !names.contains(name) {
            throw ValidationError(
                "unknown benchmark '\(name)'; expected one of: "
                    + BenchRegistry.all.map(\.name).joined(separator: ", "))
        }
    }

    func run() throws {
        let cases = BenchRegistry.all.filter { only.isEmpty || only.contains($0.name) }
        // Every size is checked before anything runs: refused with exit 2, never killed part-way.
        let memory = BenchMemory.available()
        for c in cases {
            if let refusal = BenchMemory.refusal(c, size: size ?? c.defaultSize, available: memory) {
                printError(refusal)
                throw ExitCode(2)
            }
        }
        // One line per case as it ends, even when standard output is a pipe.
        print("op,n,seconds,throughput")
        fflush(nil)  // every output stream: standard output is the only one buffered
        for c in cases {
            let n = size ?? c.defaultSize
            do {
                let body = try c.prepare(n)
                var times: [Double] = [], referenceTimes: [BenchClocks] = [], caseTimes: [BenchClocks] = []
                var sink = 0.0
                var spent = 0.0
                // Warm-up run (page faults, caches), then up to `reps` timed runs within ~20 s;
                // a reference runs before each run of the case (alternating, same conditions).
                if let reference = body.reference { sink += try reference.run() }
                sink += try body.run()
                while times.count < reps && (times.count < 3 || spent < 20) {
                    if let reference = body.reference {
                        let r0 = BenchClocks.now()
                        sink += try reference.run()
                        referenceTimes.append(BenchClocks.now() - r0)
                    }
                    let c0 = BenchClocks.now()
                    let t0 = now()
                    sink += try body.run()
                    let dt = now() - t0
                    caseTimes.append(BenchClocks.now() - c0)
                    times.append(dt)
                    spent += dt
                }
                if let reference = body.reference {
                    let median = BenchClocks.median(referenceTimes, wall: wall)
                    print("\(reference.name),\(n),\(format(median, 6)),\(format(median > 0 ? reference.units / median : 0, 3))")
                }
                times.sort()
                let median = times[times.count / 2]
                let throughput = median > 0 ? body.units / median : 0
                print("\(c.name),\(n),\(format(median, 6)),\(format(throughput, 3))")
                if let reference = body.reference {
                    print(BenchClocks.ratioLine(c.name, caseTimes, reference.name, referenceTimes))
                }
                fflush(nil)  // every output stream: standard output is the only one buffered
                if sink.isNaN { printError("note: \(c.name) returned NaN") }
            } catch {
                throw failureExit(for: error)
            }
        }
    }

    /// Seconds on the chosen clock.
    private func now() -> Double {
        var ts = timespec()
        clock_gettime(wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private func format(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", v)
    }
}
