/// Exponentially weighted moving average without bias adjustment (pandas
/// `ewm(alpha:, adjust=False).mean()`): y₀ = x₀, yₜ = α·xₜ + (1 − α)·yₜ₋₁.
///
/// α must be in (0, 1] (precondition). Empty input gives an empty output. NaN inputs
/// propagate to every later output (pandas would skip them: fill missing values first).
public enum Smoothing {
    /// The EWMA series of `x` with smoothing factor `alpha`.
    /// - Complexity: O(n), one multiply-add per sample, no allocation besides the output.
    public static func ewma(_ x: [Double], alpha: Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
            x.withUnsafeBufferPointer { ewma($0, alpha: alpha, into: out) }
            initialized = x.count
        }
    }

    /// EWMA of `x` into `out` (`out.count ≥ x.count`).
    /// - Complexity: O(n).
    @inlinable
    public static func ewma(
        _ x: UnsafeBufferPointer<Double>, alpha: Double, into out: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(alpha > 0 && alpha <= 1, "EWMA alpha must be in (0, 1], got \(alpha)")
        precondition(out.count >= x.count, "output buffer too small: \(out.count) < \(x.count)")
        guard let p = x.baseAddress, let o = out.baseAddress, !x.isEmpty else { return }
        let beta = 1 - alpha
        var y = p[0]
        o[0] = y
        // Four steps per round: the chain only carries y → β⁴·y + c, the rest is off-chain.
        let b2 = beta * beta, b3 = b2 * beta, b4 = b2 * b2
        var i = 1
        while i + 4 <= x.count {
            let a1 = alpha * p[i], a2 = alpha * p[i + 1], a3 = alpha * p[i + 2], a4 = alpha * p[i + 3]
            let c2 = beta * a1 + a2
            let c3 = beta * c2 + a3
            let c4 = beta * c3 + a4
            o[i] = beta * y + a1
            o[i + 1] = b2 * y + c2
            o[i + 2] = b3 * y + c3
            y = b4 * y + c4
            o[i + 3] = y
            i += 4
        }
        while i < x.count {
            y = beta * y + alpha * p[i]
            o[i] = y
            i += 1
        }
    }
}
