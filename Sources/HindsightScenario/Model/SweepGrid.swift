import HindsightStats

/// The points of a parameter sweep: the Cartesian product of each parameter's values,
/// numbered like Python's `itertools.product` (the first parameter varies slowest).
///
/// ```swift
/// let grid = try SweepGrid([a, b])          // a: [40, 50], b: [0, 60, 120]
/// grid.count                                // 6
/// grid.values(at: 4)                        // [50, 60]
/// ```
public struct SweepGrid: Sendable, Equatable {
    /// One swept scalar: its path in the policy document and the values it takes.
    public struct Parameter: Sendable, Equatable {
        /// Dotted path with list indexes, e.g. `spec.metrics[0].resource.target.averageUtilization`.
        public var path: String
        /// The values, in the order written (at least one).
        public var values: [YAMLPatch.Value]
        /// Where the parameter is written in the scenario.
        public var location: SourceLocation?

        public init(path: String, values: [YAMLPatch.Value], location: SourceLocation? = nil) {
            self.path = path; self.values = values; self.location = location
        }
    }

    /// The most points one sweep may run.
    public static let maxPoints = 1_000_000

    /// The parameters, in the order written.
    public let parameters: [Parameter]
    /// Number of points: the product of the value counts.
    public let count: Int

    /// The grid of `parameters`.
    /// - Throws: `ScenarioError` for a parameter without values, or a product that
    ///   does not fit in an `Int`.
    public init(_ parameters: [Parameter]) throws {
        var product = 1
        for p in parameters {
            guard !p.values.isEmpty else {
                throw ScenarioError(p.location, "\(p.path): no values", expected: "a list of values or {from, to, step}")
            }
            let (next, overflow) = product.multipliedReportingOverflow(by: p.values.count)
            guard !overflow else {
                throw ScenarioError(p.location, "\(p.path): the grid has more points than can be counted",
                                    expected: "at most \(Self.maxPoints) points (or --sample N)")
            }
            product = next
        }
        self.parameters = parameters
        self.count = parameters.isEmpty ? 0 : product
    }

    /// The values of point `index` (0 ≤ index < count), one per parameter.
    /// - Complexity: O(parameters).
    public func values(at index: Int) -> [YAMLPatch.Value] {
        precondition(index >= 0 && index < count, "sweep point \(index) outside 0..<\(count)")
        var rest = index
        var out = [YAMLPatch.Value](repeating: .number(0), count: parameters.count)
        for k in parameters.indices.reversed() {
            let n = parameters[k].values.count
            out[k] = parameters[k].values[rest % n]
            rest /= n
        }
        return out
    }

    /// `n` distinct point indices drawn with the project's `SeededGenerator` (Floyd's
    /// algorithm), ascending; all points when `n ≥ count`. The same seed gives the same
    /// subset on every machine (no library randomness).
    /// - Complexity: O(n log n).
    public func sample(_ n: Int, seed: UInt64) -> [Int] {
        guard n < count else { return Array(0..<count) }
        var generator = SeededGenerator(seed: seed)
        var chosen = Set<Int>(minimumCapacity: n)
        for j in (count - n)..<count {
            let t = generator.below(j + 1)
            if !chosen.insert(t).inserted { chosen.insert(j) }
        }
        return chosen.sorted()
    }

    /// The values `from, from + step, …` up to `to` inclusive. With `decimals` (the most
    /// digits after the point in how `from` and `step` were written, at most 9) each value
    /// is computed in integer units of 10^-decimals, so `0 … 1 by 0.1` gives exactly
    /// 0, 0.1, …, 1 as written; otherwise as `from + k·step`.
    /// Empty when `step ≤ 0` or `to < from`; nil when it would exceed `limit` values.
    /// - Complexity: O(values).
    public static func range(from: Double, to: Double, step: Double, decimals: Int = 0, limit: Int = maxPoints) -> [Double]? {
        guard step > 0, to >= from, from.isFinite, to.isFinite, step.isFinite else { return [] }
        let steps = ((to - from) / step + 1e-9).rounded(.down)
        guard steps < Double(limit) else { return nil }
        var scale = 1.0
        for _ in 0..<min(max(decimals, 0), 9) { scale *= 10 }
        let a = (from * scale).rounded(), b = (step * scale).rounded()
        let exact = decimals > 0 && abs(a) < 1e15 && abs(b) < 1e15 && b > 0
        return (0...Int(steps)).map { k in exact ? (a + Double(k) * b) / scale : from + Double(k) * step }
    }

    /// Digits after the decimal point in a number as written (`0.25` → 2, `60` → 0,
    /// `1e-3` → 0: exponent forms are not counted).
    public static func decimals(of text: String) -> Int {
        guard !text.contains("e"), !text.contains("E"), let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
