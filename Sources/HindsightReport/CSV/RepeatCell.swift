/// The text of the last value written in one column, reused when the next row holds
/// the same bits (load held across steps, constant grid intensity, constant cost).
struct RepeatCell {
    private var bits: UInt64 = Double.nan.bitPattern
    private var text: [UInt8] = []

    /// Appends `x` per `NumberText`, reusing the previous text when the bits repeat.
    /// - Complexity: O(length of the text).
    @inline(__always)
    mutating func append(_ x: Double, to out: inout [UInt8]) {
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
