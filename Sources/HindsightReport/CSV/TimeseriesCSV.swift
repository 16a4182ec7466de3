import HindsightSim

/// `timeseries-<policy>.csv`: one row per step, the columns of ``TimeseriesColumn/all``
/// (CLI.md) in order. NaN/∞ → empty cell, never `nan`; an SLO judgement is `0`/`1` or
/// empty when not judged. Numbers follow `NumberText`; LF line endings.
public enum TimeseriesCSV {
    /// The header line's columns, in order.
    public static var columns: [String] { TimeseriesColumn.all.map(\.name) }

    /// Where one column's values sit once read out of the rows (an index into the
    /// typed arrays of `render`); trivially copyable, so the row loop retains nothing.
    private enum Slot {
        case time(Int), number(Int), count(Int), slo(Int)
    }

    /// The file's bytes (UTF-8/ASCII).
    ///
    /// Each column is first read out of the rows into a contiguous typed array, then the
    /// rows are written into one pre-sized byte buffer; whole numbers take an integer
    /// fast path, a value equal to the previous row's in the same column reuses its text.
    /// - Complexity: O(rows × columns).
    public static func render(_ series: RunSeries) -> [UInt8] {
        let all = TimeseriesColumn.all
        let rows = series.rows
        var times: [[Int64]] = [], numbers: [[Double]] = [], counts: [[Int32]] = [], slos: [[SLOState]] = []
        var slots: [Slot] = []
        slots.reserveCapacity(all.count)
        for column in all {
            switch column.cell {
            case let .unixSeconds(value): slots.append(.time(times.count)); times.append(rows.map(value))
            case let .number(value): slots.append(.number(numbers.count)); numbers.append(rows.map(value))
            case let .count(value): slots.append(.count(counts.count)); counts.append(rows.map(value))
            case let .slo(value): slots.append(.slo(slos.count)); slos.append(rows.map(value))
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows.count * 96)
        out.append(contentsOf: all.map(\.name).joined(separator: ",").utf8)
        out.append(0x0A)
        var cells = [RepeatCell](repeating: RepeatCell(), count: numbers.count)
        for i in rows.indices {
            for (k, slot) in slots.enumerated() {
                if k > 0 { out.append(0x2C) }
                switch slot {
                case let .time(j): NumberText.appendUnixSeconds(ms: times[j][i], to: &out)
                case let .number(j): cells[j].append(numbers[j][i], to: &out)
                case let .count(j): NumberText.append(Int64(counts[j][i]), to: &out)
                case let .slo(j):
                    switch slos[j][i] {
                    case .met: out.append(0x30)
                    case .violated: out.append(0x31)
                    case .notJudged: break
                    }
                }
            }
            out.append(0x0A)
        }
        return out
    }
}
