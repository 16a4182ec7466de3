import HindsightTrace

/// Prometheus range-query JSON: any bytes read into a trace or throw.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? PrometheusJSON.read(bytes: bytes, file: "fuzz.json", columnName: nil)
    _ = try? PrometheusJSON.read(bytes: bytes, file: "fuzz.json", columnName: "rps")
    return 0
}
