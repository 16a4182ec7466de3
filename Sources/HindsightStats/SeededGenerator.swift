#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, deterministic random number generator (xoshiro256**, seeded by SplitMix64).
///
/// The same seed gives the same sequence on every platform and every run, which makes
/// benchmarks and simulations reproducible. Not cryptographically secure.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let u = Double.random(in: 0..<1, using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose whole state is derived from `seed` with SplitMix64.
    /// Every seed (including 0) gives a valid, non-degenerate state.
    public init(seed: UInt64) {
        var x = seed
        func splitMix(_ x: inout UInt64) -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(&x)
        s1 = splitMix(&x)
        s2 = splitMix(&x)
        s3 = splitMix(&x)
    }

    /// The next 64 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal variate (Box–Muller; one of the pair is discarded for simplicity).
    /// - Complexity: O(1).
    @inlinable
    public mutating func nextGaussian() -> Double {
        var u = nextUnit()
        while u <= 0 { u = nextUnit() }
        let v = nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
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

