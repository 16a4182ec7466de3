import HindsightTrace

/// Parameter checks shared by the accounting models' initializers.
enum AccountingCheck {
    /// - Throws: `InputMessage` naming `field` when `value` is negative, NaN or infinite.
    static func nonNegative(_ value: Double, _ field: String, _ unit: String) throws {
        guard value.isFinite, value >= 0 else {
            throw InputMessage("\(field): \(value) \(unit); expected a finite number ≥ 0")
        }
    }

    /// The workload's per-pod memory request (in `memoryUnit`, e.g. "GiB" or "GB") and GPU
    /// count, which the cost and power models both take, each checked under its scenario key.
    /// - Throws: `InputMessage` naming the first value that is negative, NaN or infinite.
    static func podMemoryAndGPUs(_ memory: Double, memoryUnit: String, gpus: Double) throws {
        try nonNegative(memory, "spec.workload.memoryRequest", memoryUnit)
        try nonNegative(gpus, "spec.workload.gpus", "GPUs")
    }
}
