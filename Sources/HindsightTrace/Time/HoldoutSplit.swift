/// How a trace's steps are split for a backtest: the policy is tuned on the first
/// steps and judged on the rest (`--holdout 25%`).
///
/// The tuning part is the first `⌊count × (100 − percent) / 100⌋` steps, the hold-out
/// part every step after them: for 7 steps and 25 %, steps 0…4 tune (5.25 rounded
/// down) and steps 5…6 are held out. Both parts must have at least one step.
///
/// ```swift
/// let split = try HoldoutSplit(count: 7, percent: 25)
/// split.tuning    // 0..<5
/// split.holdout   // 5..<7
/// ```
public struct HoldoutSplit: Sendable, Equatable {
    /// The steps policies are tuned on (a prefix of the trace).
    public let tuning: Range<Int>
    /// The steps the chosen point is judged on (the rest of the trace).
    public let holdout: Range<Int>

    /// Splits `count` steps, holding out `percent` (0 < percent < 100) of them at the end.
    /// - Throws: `InputMessage` when the percentage is out of range or a part would be empty.
    /// - Complexity: O(1).
    public init(count: Int, percent: Double) throws {
        guard percent > 0, percent < 100, percent.isFinite else {
            throw InputMessage("--holdout: found \(percent)%; expected a percentage above 0 and below 100, such as 25%")
        }
        let kept = Int((Double(count) * (100 - percent) / 100).rounded(.down))
        guard kept >= 1, kept < count else {
            throw InputMessage("--holdout \(percent)%: the trace has \(count) steps, so one part would be empty; expected a trace long enough for both parts")
        }
        tuning = 0..<kept
        holdout = kept..<count
    }

    /// The two grids: `grid.slice(tuning)` and `grid.slice(holdout)`.
    public func grids(of grid: TraceGrid) -> (tuning: TraceGrid, holdout: TraceGrid) {
        (grid.slice(tuning), grid.slice(holdout))
    }
}
