/// Maps a sample before it enters ``TailQuantile``: the identity for a high quantile, negation
/// for a low one (the m smallest values of x are the negated m largest of −x, exactly).
protocol TailSide {
    static func load(_ v: Double) -> Double
}

/// High quantiles: the window's largest values.
enum UpperTail: TailSide {
    @inline(__always) static func load(_ v: Double) -> Double { v }
}

/// Low quantiles: the window's smallest values, seen as the largest of the negated series.
enum LowerTail: TailSide {
    @inline(__always) static func load(_ v: Double) -> Double { -v }
}
