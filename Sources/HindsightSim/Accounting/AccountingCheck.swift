import HindsightTrace

/// Parameter checks shared by the accounting models' initializers.
enum AccountingCheck {
    /// - Throws: `InputMessage` naming `field` when `value` is negative, NaN or infinite.
    static func nonNegative(_ value: Double, _ field: String, _ unit: String) throws {
        guard value.isFinite, value >= 0 else {
            throw InputMessage("\(field): \(value) \(unit); expected a finite number ≥ 0")
        }
    }
}
