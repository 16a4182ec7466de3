import HindsightScenario

/// Policy files of every registered kind (HPA, ScaledObject, AIOptimizationPolicy): any
/// bytes load into policies or throw.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? PolicyLoader.load(bytes: bytes, displayPath: "fuzz-policy.yaml")
    return 0
}
