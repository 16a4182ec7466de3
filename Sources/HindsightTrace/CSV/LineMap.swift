/// Maps a data row index to the line it starts on, storing only the rows where the
/// simple count (one row per line) breaks: after a blank line or a quoted field that
/// spans lines. Costs nothing for ordinary files.
struct LineMap: Sendable {
    /// (row, line) anchors, ascending by row; the first is (0, first data line).
    private(set) var anchors: [(row: Int, line: Int)] = []

    /// Records that `row` starts on `line` if the count from the last anchor disagrees.
    @inline(__always)
    mutating func note(row: Int, line: Int) {
        if let last = anchors.last, last.line + (row - last.row) == line { return }
        anchors.append((row, line))
    }

    /// The 1-based line on which data row `row` starts.
    /// - Complexity: O(log anchors).
    func line(ofRow row: Int) -> Int {
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if anchors[mid].row <= row { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return row + 2 }
        let anchor = anchors[lo - 1]
        return anchor.line + (row - anchor.row)
    }
}
