/// Running sums for the ordinary least-squares line y ≈ a + b·x through points added
/// one at a time (the normal equations: n, Σx, Σy, Σx², Σxy).
///
/// The one line fit of the package: ``Forecast/linearFit(_:)`` and
/// ``RecentValues/linearTrend(ahead:)`` both accumulate through it. The sums are plain (not
/// centered): exact for integer abscissae, and for ordinates the slope loses about
/// log₁₀(|mean y| / spread of y) digits — irrelevant for load series, noticeable for
/// values like 1e12 ± 1.
///
/// ```swift
/// var l = LeastSquaresLine()
/// for i in 0..<4 { l.add(x: Double(i), y: 1 + 2 * Double(i)) }
/// l.value(at: 10)   // 21
/// ```
@frozen
public struct LeastSquaresLine: Sendable {
    @usableFromInline var n = 0
    @usableFromInline var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0

    /// An empty fit.
    @inlinable
    public init() {}

    /// Number of points added.
    @inlinable
    public var count: Int { n }

    /// Adds the point (`x`, `y`).
    /// - Complexity: O(1).
    @inlinable
    public mutating func add(x: Double, y: Double) {
        n += 1
        sx += x; sy += y; sxx += x * x; sxy += x * y
    }

    /// Slope b; 0 when the abscissae do not vary (fewer than 2 distinct x), NaN when empty.
    /// - Complexity: O(1).
    @inlinable
    public var slope: Double {
        let nn = Double(n)
        let denominator = nn * sxx - sx * sx
        return denominator == 0 ? 0 : (nn * sxy - sx * sy) / denominator
    }

    /// Intercept a (the fitted value at x = 0); NaN when empty.
    /// - Complexity: O(1).
    @inlinable
    public var intercept: Double { (sy - slope * sx) / Double(n) }

    /// The fitted value a + b·`x`; NaN when empty.
    /// - Complexity: O(1).
    @inlinable
    public func value(at x: Double) -> Double { intercept + slope * x }
}
