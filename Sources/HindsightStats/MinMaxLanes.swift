/// The running minimum, maximum and "saw NaN" of ``Kernels/minMax(_:_:)``'s vector part:
/// two SIMD4 pairs updated branch-free by compare-and-select (4 × 2 accumulators fit the
/// 16 xmm registers of the portable SSE2 target).
///
/// NaN: `v < lo` and `v > hi` are false for NaN, so a NaN never enters an accumulator; the
/// unordered check `v != v` records it in `bad`.
@usableFromInline
struct MinMaxLanes {
    @usableFromInline var l0: SIMD4<Double>
    @usableFromInline var l1: SIMD4<Double>
    @usableFromInline var h0: SIMD4<Double>
    @usableFromInline var h1: SIMD4<Double>
    @usableFromInline var bad = SIMDMask<SIMD4<Int64>>(repeating: false)

    /// Every lane starts at `first` (a value of the input, so the result is one too).
    @inlinable @inline(__always)
    init(_ first: Double) {
        l0 = SIMD4(repeating: first)
        l1 = l0
        h0 = l0
        h1 = l0
    }

    /// Takes in the 8 values `v0` and `v1`.
    /// - Complexity: O(1), branch-free.
    @inlinable @inline(__always)
    mutating func add(_ v0: SIMD4<Double>, _ v1: SIMD4<Double>) {
        l0.replace(with: v0, where: v0 .< l0)
        l1.replace(with: v1, where: v1 .< l1)
        h0.replace(with: v0, where: v0 .> h0)
        h1.replace(with: v1, where: v1 .> h1)
        bad .|= (v0 .!= v0) .| (v1 .!= v1)
    }

    /// (min, max, sawNaN) over every value added (and the starting value).
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    func reduced() -> (Double, Double, Bool) {
        let lo = l0.replacing(with: l1, where: l1 .< l0)
        let hi = h0.replacing(with: h1, where: h1 .> h0)
        return (lo.min(), hi.max(), any(bad))
    }
}
