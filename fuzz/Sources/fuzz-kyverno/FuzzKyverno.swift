import HindsightScenario

/// Kyverno scalar patterns (`hindsight lint`, guardrail rules from a repository): the
/// input's first line is the pattern, the rest the resource's value; any bytes give an
/// answer, within libFuzzer's time limit (wildcards must not backtrack exponentially).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let pattern = String(parts[0])
    let value = parts.count > 1 ? String(parts[1]) : nil
    _ = KyvernoScalarPattern.matches(pattern: pattern, patternIsPlainScalar: true, value: value)
    _ = KyvernoScalarPattern.matches(pattern: pattern, patternIsPlainScalar: false, value: value)
    return 0
}
