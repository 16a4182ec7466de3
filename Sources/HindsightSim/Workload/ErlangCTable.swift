import Dispatch
import Foundation

/// The M/M/c waiting-time p99 of every trace step for the server counts a run is likely
/// to have, computed once and shared by all the points of a sweep (the wait depends on
/// the step's arrival rate, the pod rate and the ready pods, never on the policy).
///
/// Step `i` keeps `ErlangC.waitP99(servers: k, mu: podRate[i], lambda: rate[i])` for
/// `k` in `first[i] ..< first[i] + count[i]`: from ⌊λ/μ⌋ (fewer servers cannot keep up)
/// to a few past the first `k` whose probability of waiting is at most 1 % (the wait is
/// 0 there). Each entry is computed with exactly the operations of `waitP99` — the
/// Erlang-B recurrence of `probabilityOfWaiting` run once per step, read at every `k` —
/// so a lookup returns the same bits; any other `k` is computed directly
/// (``wait(step:servers:mu:lambda:)``).
final class ErlangCTable: Sendable {
    /// Entries past the first zero wait (the recurrence may still round above 1 % there).
    static let zeroMargin = 4
    /// Most entries per step (a step beyond it computes the rest directly).
    static let maxWidth = 512

    /// Start of step `i`'s entries in `waits`.
    private let offset: [Int]
    /// First server count of step `i`.
    private let first: [Int32]
    /// Number of entries of step `i`.
    private let count: [Int32]
    private let waits: [Double]

    /// Tabulates every step of `rate` (requests/s) and `podRate` (requests/s per pod),
    /// spread over `jobs` threads.
    /// - Complexity: O(Σ (⌊λ/μ⌋ + entries)) over the steps; memory O(Σ entries).
    init(rate: [Double], podRate: [Double], jobs: Int) {
        precondition(rate.count == podRate.count, "ErlangCTable: \(rate.count) rates for \(podRate.count) pod rates")
        let n = rate.count
        let chunks = max(1, min(jobs, n / 4096 + 1))
        // Each chunk tabulates its steps into its own arrays; they are joined in step order.
        let parts = ChunkBox(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = n * c / chunks, hi = n * (c + 1) / chunks
            var part = Part()
            for i in lo..<hi { part.tabulate(lambda: rate[i], mu: podRate[i]) }
            parts.set(c, part)
        }
        var offset = [Int](), first = [Int32](), count = [Int32](), waits = [Double]()
        offset.reserveCapacity(n); first.reserveCapacity(n); count.reserveCapacity(n)
        for c in 0..<chunks {
            let part = parts.get(c)
            let base = waits.count
            for o in part.offset { offset.append(base + o) }
            first += part.first
            count += part.count
            waits += part.waits
        }
        self.offset = offset; self.first = first; self.count = count; self.waits = waits
    }

    /// `ErlangC.waitP99(servers:mu:lambda:)` of step `i`, from the table when `servers` is
    /// in it. `mu` and `lambda` must be the step's pod rate and arrival rate.
    /// - Complexity: O(1) in the table, else O(servers).
    @inline(__always)
    func wait(step i: Int, servers: Int, mu: Double, lambda: Double) -> Double {
        let k = servers - Int(first[i])
        if k >= 0 && k < Int(count[i]) { return waits[offset[i] + k] }
        return ErlangC.waitP99(servers: servers, mu: mu, lambda: lambda)
    }

    /// The entries of a run of consecutive steps.
    private struct Part {
        var offset: [Int] = []
        var first: [Int32] = []
        var count: [Int32] = []
        var waits: [Double] = []

        /// Appends one step: `waitP99`'s steps, with the Erlang-B value of each `k` taken
        /// from one pass of the recurrence (`probabilityOfWaiting` runs it from 1 to k).
        mutating func tabulate(lambda: Double, mu: Double) {
            offset.append(waits.count)
            guard lambda > 0, mu > 0 else { first.append(0); count.append(0); return }
            let a = lambda / mu
            guard a > 0, a < Double(ErlangCTable.maxWidth * 64) else { first.append(0); count.append(0); return }
            let k0 = max(1, Int(a.rounded(.down)))
            var b = 1.0
            var k = 1
            // B(k) for k < k0, as the recurrence computes it.
            while k < k0 {
                let ab = a * b
                b = ab / (Double(k) + ab)
                k += 1
            }
            var zeroSeen = -1
            var n = 0
            while n < ErlangCTable.maxWidth {
                let ab = a * b
                b = ab / (Double(k) + ab)   // B(k)
                waits.append(Self.waitP99(servers: k, mu: mu, lambda: lambda, a: a, erlangB: b))
                n += 1
                if zeroSeen < 0, waits[waits.count - 1] == 0 { zeroSeen = n }
                if zeroSeen >= 0, n - zeroSeen >= ErlangCTable.zeroMargin { break }
                k += 1
            }
            first.append(Int32(k0))
            count.append(Int32(n))
        }

        /// `ErlangC.waitP99` with `probabilityOfWaiting`'s loop replaced by its result `erlangB`
        /// (`lambda`, `mu` and `a = lambda / mu` positive).
        static func waitP99(servers: Int, mu: Double, lambda: Double, a: Double, erlangB b: Double) -> Double {
            let capacity = Double(servers) * mu
            guard lambda < capacity else { return .infinity }
            let c = a < Double(servers) ? ErlangC.probabilityOfWaiting(servers: servers, offeredLoad: a, erlangB: b) : 1
            return ErlangC.waitP99(probabilityOfWaiting: c, capacity: capacity, lambda: lambda)
        }
    }

    /// Per-chunk results written by the threads that computed them.
    private final class ChunkBox: @unchecked Sendable {
        private var parts: [Part]
        private let lock = NSLock()
        init(count: Int) { parts = Array(repeating: Part(), count: count) }
        func set(_ c: Int, _ p: Part) { lock.lock(); parts[c] = p; lock.unlock() }
        func get(_ c: Int) -> Part { lock.lock(); defer { lock.unlock() }; return parts[c] }
    }
}
