import HindsightTrace

/// Trace CSV: any bytes read into a trace or throw `TraceError`. The first byte picks the
/// time zone and the duplicate rule so both paths of each are reached.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let zone = selector & 1 == 0 ? "UTC" : "Europe/Berlin"
    let duplicates: [TraceSpec.Duplicates] = [.error, .last, .mean]
    let rule = duplicates[Int(selector >> 1) % duplicates.count]
    let columns: [String]? = selector & 8 == 0 ? nil : ["rps"]
    _ = try? TraceCSV.read(bytes: bytes, file: "fuzz.csv", timeColumn: "timestamp", timezone: zone,
                           duplicates: rule, columns: columns, nonNegative: ["rps"])
    return 0
}
