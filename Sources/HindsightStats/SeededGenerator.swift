#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's one seeded random number generator: SeededGenerator (Steele, Lea, Flood 2014),
/// a 64-bit counter stepped by the golden-ratio increment and mixed by two multiply-xorshift
/// rounds.
///
/// The same seed gives the same sequence on every platform and every run, which keeps
/// synthetic traces (`hindsight generate`), benchmarks, sampling and tests reproducible.
/// Not cryptographically secure.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let u = rng.nextUnit()          // uniform in [0, 1)
/// let d = Int.random(in: 0..<6, using: &rng)
/// ```
@frozen
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// A generator starting from `seed` (every seed, 0 included, is fine).
    @inlinable
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A whole number in `0..<n` by modulo reduction (a bias below n/2⁶⁴: fine for data
    /// and tests, not for cryptography).
    /// - Precondition: `n > 0`.
    /// - Complexity: O(1).
    @inlinable
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "SeededGenerator.below needs a positive bound, got \(n)")
        return Int(next() % UInt64(n))
    }

    /// A standard normal variate (Box–Muller from u₁ ∈ (0, 1] and u₂ ∈ [0, 1); one value
    /// per call, the pair's second value is not kept).
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextGaussian() -> Double {
        let u1 = 1 - nextUnit()
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// `count` normal variates with the given mean and standard deviation.
    /// - Complexity: O(count).
    public mutating func gaussians(count: Int, mean: Double = 0, std: Double = 1) -> [Double] {
        precondition(count >= 0, "count must be >= 0, got \(count)")
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = mean + std * nextGaussian() }
        return out
    }
}
