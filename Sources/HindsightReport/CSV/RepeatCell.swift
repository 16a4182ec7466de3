/// The text of the last value written in one column, reused when the next row holds
/// the same bits (load held across steps, constant grid intensity, constant cost).
struct RepeatCell {
    private var bits: UInt64 = Double.nan.bitPattern
    private var text: [UInt8] = []

    @inline(__always)
    mutating func append(_ column: [Double], _ i: Int, to out: inout [UInt8]) {
        guard i < column.count else { return }
        let x = column[i]
        if x.bitPattern == bits {
            out.append(contentsOf: text)
            return
        }
        let start = out.count
        NumberText.append(x, to: &out)
        bits = x.bitPattern
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: out[start...])
    }
}
