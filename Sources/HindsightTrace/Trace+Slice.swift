extension Trace {
    /// The steps `range` of this trace as a trace of their own: the grid
    /// `grid.slice(range)` and each series' values over those steps.
    ///
    /// ```swift
    /// let first = trace.slice(0..<trace.count * 3 / 4)   // tune on these steps
    /// ```
    /// - Precondition: `range` lies within `0...count`.
    /// - Complexity: O(range.count × series).
    public func slice(_ range: Range<Int>) -> Trace {
        Trace(grid: grid.slice(range), series: series.mapValues { Array($0[range]) }, source: source)
    }
}
