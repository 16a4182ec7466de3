import Dispatch
import Foundation
import HindsightScenario
import HindsightTrace

extension PreparedScenario {
    /// Runs one policy per sweep point, on all the shared inputs of this prepared
    /// scenario, and keeps only each point's summary and warnings (no time series, no
    /// decisions), so memory does not grow with the number of points; with `sinks`, each
    /// point's rows also stream to its sink as it runs (nothing is held).
    ///
    /// Points are spread over `jobs` workers the way `Simulation.runAll` spreads
    /// policies (worker `w` takes points `w, w + jobs, …`); each result lands in its
    /// point's slot, so the output is identical for every `jobs` value.
    /// - Parameters:
    ///   - count: number of points; `policy(k)` builds point `k` (0 ≤ k < count).
    ///   - progress: called after each finished point with how many are done (any thread).
    ///   - sinks: where each point's rows go, if anywhere (opened and closed around its run).
    /// - Returns: one `RunResult` per point, in point order, with empty `series` and `decisions`.
    /// - Throws: the error of the first point (in point order) that failed: building its
    ///   policy, a permission `exec` does not give, a policy the trace cannot drive.
    /// - Complexity: O(count × events · log events) work; O(jobs × steps) memory at once.
    public func runPoints(count: Int, jobs: Int, strict: Bool = false, exec: ExecPermission = .deny,
                          progress: (@Sendable (Int) -> Void)? = nil, sinks: (any PointSinks)? = nil,
                          policy: @escaping @Sendable (Int) throws -> PolicySpec) throws -> [RunResult] {
        precondition(jobs >= 1, "PreparedScenario.runPoints: jobs must be at least 1, got \(jobs)")
        let done = Counter()
        let table = count >= SharedErlangC.minimumPoints ? erlangC.table(for: setup, jobs: jobs) : nil
        // Whole steady steps are the same for every point: shared from the same number of points.
        let steady = count >= SharedErlangC.minimumPoints ? SteadyStepTable(setup: setup) : nil
        let one: @Sendable (Int) throws -> RunResult = { k in
            let spec = try policy(k)
            let sink = try sinks?.open(point: k)
            var rowsTo: (@Sendable (Int) -> (any StepSink)?)?
            if let sink { rowsTo = { _ in sink } }
            var run = try self.run([spec], jobs: 1, strict: strict, exec: exec, keepSeries: false,
                                   sinks: rowsTo, erlangC: table, steady: steady).runs[0]
            if let sink { try sinks?.close(sink, point: k) }
            run.decisions = []
            progress?(done.increment())
            return run
        }
        let workers = max(1, min(jobs, count))
        if workers <= 1 { return try (0..<count).map(one) }
        let box = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var k = w
            while k < count {
                box.store(k, Result { try one(k) })
                k += workers
            }
        }
        return try box.results()
    }

    /// A thread-safe count of finished points.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
