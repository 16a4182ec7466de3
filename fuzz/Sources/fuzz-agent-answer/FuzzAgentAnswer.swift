import HindsightSim

/// The exec-agent answer parser: any line gives replicas within ±10⁹ or throws `AgentError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = Array(UnsafeBufferPointer(start: data, count: size))
    if let answer = try? ExternalAgent.answer(line, command: "agent") {
        if abs(answer.replicas) >= 1_000_000_000 { fatalError("replicas \(answer.replicas) out of range") }
    }
    return 0
}
