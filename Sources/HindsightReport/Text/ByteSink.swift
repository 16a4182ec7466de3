/// A `TextOutputStream` that appends UTF-8 to a byte array (used to print doubles
/// without building an intermediate `String`).
@usableFromInline
struct ByteSink: TextOutputStream {
    @usableFromInline var bytes: [UInt8]
    @usableFromInline init(bytes: [UInt8]) { self.bytes = bytes }
    /// The standard library's printers hand over ASCII bytes through this (underscored)
    /// requirement; taking them directly skips building a `String` per number, which
    /// halves the cost of printing a double.
    @usableFromInline mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    @usableFromInline mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }
}
