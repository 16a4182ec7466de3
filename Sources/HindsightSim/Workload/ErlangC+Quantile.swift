import RealModule

extension ErlangC {
    /// The `1 − tail` quantile of the waiting time in seconds of an M/M/c queue,
    /// `max(0, ln(C / tail) / (cμ − λ))`: the waiting time exceeds t with probability
    /// `C · e^{−(cμ − λ)t}`. `tail` 0.05 gives the p95. `waitP99` is this with tail 0.01.
    /// `+∞` when `lambda ≥ servers·mu`; 0 when `lambda ≤ 0` or `C ≤ tail`.
    /// - Precondition: 0 < tail < 1.
    /// - Complexity: O(servers).
    public static func waitQuantile(servers: Int, mu: Double, lambda: Double, tail: Double) -> Double {
        precondition(tail > 0 && tail < 1, "ErlangC.waitQuantile: tail \(tail) outside (0, 1)")
        guard lambda > 0 else { return 0 }
        let capacity = Double(servers) * mu
        guard servers > 0, mu > 0, lambda < capacity else { return .infinity }
        let c = probabilityOfWaiting(servers: servers, offeredLoad: lambda / mu)
        guard c > tail else { return 0 }
        return Double.log(c / tail) / (capacity - lambda)
    }
}
