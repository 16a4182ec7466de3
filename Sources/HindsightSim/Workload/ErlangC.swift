import RealModule

/// The Erlang-C formula of an M/M/c queue: the probability that an arriving request waits.
public enum ErlangC {
    /// P(wait) for `servers` servers and offered load `a = λ/μ` (Erlangs).
    ///
    /// Uses the Erlang-B recurrence `B(0) = 1`, `B(k) = a·B(k−1) / (k + a·B(k−1))`, then
    /// `C = B / (1 − ρ(1 − B))` with `ρ = a / c` — no factorials, stable for thousands of
    /// servers. Edge cases: `a ≤ 0` → 0; `servers ≤ 0` or `a ≥ servers` (unstable queue) → 1.
    /// - Complexity: O(servers).
    public static func probabilityOfWaiting(servers: Int, offeredLoad a: Double) -> Double {
        guard a > 0 else { return 0 }
        guard servers > 0, a < Double(servers) else { return 1 }
        var b = 1.0
        for k in 1...servers {
            let ab = a * b
            b = ab / (Double(k) + ab)
        }
        return probabilityOfWaiting(servers: servers, offeredLoad: a, erlangB: b)
    }

    /// The last step of ``probabilityOfWaiting(servers:offeredLoad:)``: C from the Erlang-B
    /// value `b` = B(servers) of load `a`, for `0 < a < servers`.
    /// - Complexity: O(1).
    @inline(__always)
    static func probabilityOfWaiting(servers: Int, offeredLoad a: Double, erlangB b: Double) -> Double {
        let rho = a / Double(servers)
        return b / (1 - rho * (1 - b))
    }

    /// The 99th percentile of the waiting time in seconds, `max(0, ln(C / 0.01) / (cμ − λ))`,
    /// for `servers` servers of rate `mu` (requests/s each) and arrival rate `lambda`
    /// (requests/s). `+∞` when `lambda ≥ servers·mu` (the queue grows without bound);
    /// 0 when `lambda ≤ 0`.
    /// - Complexity: O(servers).
    @inline(__always)
    public static func waitP99(servers: Int, mu: Double, lambda: Double) -> Double {
        guard lambda > 0 else { return 0 }
        let capacity = Double(servers) * mu
        guard servers > 0, mu > 0, lambda < capacity else { return .infinity }
        let c = probabilityOfWaiting(servers: servers, offeredLoad: lambda / mu)
        return waitP99(probabilityOfWaiting: c, capacity: capacity, lambda: lambda)
    }

    /// The last step of ``waitP99(servers:mu:lambda:)``: `max(0, ln(C / 0.01) / (capacity − λ))`
    /// for `λ < capacity` (0 when C ≤ 1 %).
    /// - Complexity: O(1).
    @inline(__always)
    static func waitP99(probabilityOfWaiting c: Double, capacity: Double, lambda: Double) -> Double {
        guard c > 0.01 else { return 0 }
        return Double.log(c / 0.01) / (capacity - lambda)
    }
}
