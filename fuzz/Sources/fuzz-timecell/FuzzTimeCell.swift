import HindsightTrace

/// The time-cell parser on a cell of its own (no bytes after it), in UTC and in a zone
/// with daylight saving time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let cell = Array(UnsafeBufferPointer(start: data, count: size))
    _ = TimeCell.milliseconds(cell, timezone: "UTC")
    _ = TimeCell.milliseconds(cell, timezone: "America/New_York")
    return 0
}
