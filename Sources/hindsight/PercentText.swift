import Foundation
import HindsightTrace

/// Fractions written as a percentage (`25%`, `0.1%`) or a plain fraction (`0.25`).
enum PercentText {
    /// The fraction `text` denotes: `25%` → 0.25, `0.1%` → 0.001, `0.25` → 0.25.
    /// - Throws: `InputMessage` naming `option` for text that is not such a number.
    static func parse(_ text: String, option: String) throws -> Double {
        let trimmed = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
        guard let v = Double(trimmed), v.isFinite, v >= 0 else {
            throw InputMessage("\(option): found '\(text)'; expected a percentage such as 25% or a fraction such as 0.25")
        }
        return text.hasSuffix("%") ? v / 100 : v
    }
}
