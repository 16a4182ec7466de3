import HindsightScenario

/// Scenario documents: any bytes load into a scenario or throw; nothing else may happen.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ScenarioLoader.load(bytes: bytes, path: "/nonexistent/fuzz/scenario.yaml")
    return 0
}
