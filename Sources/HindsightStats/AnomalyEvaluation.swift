/// Precision and recall of flagged samples against labelled anomaly windows.
///
/// Point precision: the fraction of flagged timestamps that fall inside some window
/// (inclusive bounds). Window recall (NAB-style detection): the fraction of windows that
/// contain at least one flagged timestamp. NaN when the denominator is 0 (nothing flagged,
/// or no window).
public struct AnomalyEvaluation: Sendable, Equatable {
    /// Number of flagged samples.
    public var flagged: Int
    /// Flagged samples inside a labelled window.
    public var truePositives: Int
    /// Number of labelled windows.
    public var windows: Int
    /// Windows with at least one flagged sample.
    public var windowsDetected: Int

    /// `truePositives / flagged`; NaN when nothing was flagged.
    public var precision: Double { flagged > 0 ? Double(truePositives) / Double(flagged) : .nan }
    /// `windowsDetected / windows`; NaN when there is no window.
    public var recall: Double { windows > 0 ? Double(windowsDetected) / Double(windows) : .nan }

    /// Scores flagged timestamps (ms) against inclusive windows `[start, end]` (ms).
    /// - Complexity: O(f·k) for f flags and k windows (both small).
    public init(flaggedTimes: [Int64], windows: [(start: Int64, end: Int64)]) {
        flagged = flaggedTimes.count
        self.windows = windows.count
        truePositives = flaggedTimes.filter { t in windows.contains { t >= $0.start && t <= $0.end } }.count
        windowsDetected = windows.filter { w in flaggedTimes.contains { $0 >= w.start && $0 <= w.end } }.count
    }
}
