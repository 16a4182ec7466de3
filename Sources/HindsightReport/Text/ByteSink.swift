/// A `TextOutputStream` that appends UTF-8 to a byte array (used to print doubles
/// without building an intermediate `String`).
@usableFromInline
struct ByteSink: TextOutputStream {
    @usableFromInline var bytes: [UInt8]
    @usableFromInline init(bytes: [UInt8]) { self.bytes = bytes }
    @usableFromInline mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }
}
