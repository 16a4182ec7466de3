import HindsightSim

/// `timeseries-<policy>.csv`: one row per step, the columns of ``TimeseriesColumn/all``
/// (CLI.md) in order. NaN/∞ → empty cell, never `nan`; an SLO judgement is `0`/`1` or
/// empty when not judged. Numbers follow `NumberText`; LF line endings.
public enum TimeseriesCSV {
    /// The header line's columns, in order.
    public static var columns: [String] { TimeseriesColumn.all.map(\.name) }

    /// The file's bytes (UTF-8/ASCII).
    ///
    /// Built in one pre-sized byte buffer; whole numbers take an integer fast path, a
    /// value equal to the previous row's in the same column reuses its text.
    /// - Complexity: O(rows × columns).
    public static func render(_ series: RunSeries) -> [UInt8] {
        let all = TimeseriesColumn.all
        var out: [UInt8] = []
        out.reserveCapacity(64 + series.count * 96)
        out.append(contentsOf: all.map(\.name).joined(separator: ",").utf8)
        out.append(0x0A)
        var cells = [RepeatCell](repeating: RepeatCell(), count: all.count)
        for row in series.rows {
            for (k, column) in all.enumerated() {
                if k > 0 { out.append(0x2C) }
                switch column.cell {
                case let .unixSeconds(value): NumberText.appendUnixSeconds(ms: value(row), to: &out)
                case let .number(value): cells[k].append(value(row), to: &out)
                case let .count(value): NumberText.append(Int64(value(row)), to: &out)
                case let .slo(value):
                    switch value(row) {
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
