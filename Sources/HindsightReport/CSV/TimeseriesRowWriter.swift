import HindsightSim

/// Writes `timeseries-*.csv` one row at a time (the streaming writer): the header, then
/// each ``StepRow`` in the format of ``TimeseriesCSV/render(_:)``, byte for byte.
struct TimeseriesRowWriter {
    /// The text of the last value per column, reused when the next row repeats it.
    private var cells: [RepeatCell]
    private let columns = TimeseriesColumn.all

    init() { cells = [RepeatCell](repeating: RepeatCell(), count: TimeseriesColumn.all.count) }

    /// Appends the header line.
    /// - Complexity: O(columns).
    static func appendHeader(to out: inout [UInt8]) {
        out.append(contentsOf: TimeseriesColumn.all.map(\.name).joined(separator: ",").utf8)
        out.append(0x0A)
    }

    /// Appends one row and its line feed.
    /// - Complexity: O(columns).
    mutating func append(_ row: StepRow, to out: inout [UInt8]) {
        for k in columns.indices {
            if k > 0 { out.append(0x2C) }
            switch columns[k].cell {
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
}
