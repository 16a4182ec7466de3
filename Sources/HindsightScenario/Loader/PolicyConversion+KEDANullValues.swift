import HindsightTrace

/// `metadata.ignoreNullValues` of a KEDA prometheus trigger (HPA.md Corrections 4).
extension PolicyConversion {
    /// Reads the flag the way KEDA does (Go's `strconv.ParseBool`): "1", "t", "T", "true",
    /// "TRUE", "True" are true; "0", "f", "F", "false", "FALSE", "False" are false; absent is
    /// true. Any other text is recorded as an error at its location.
    /// - Returns: the flag, or nil after recording an error.
    static func prometheusIgnoreNullValues(_ field: Located<String>?, path: String, context: YAMLDecodingContext) -> Bool? {
        guard let field else { return true }
        switch field.value {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default:
            context.record(at: field.location, "\(path).ignoreNullValues: found '\(Excerpt.of(field.value))'",
                           expected: "\"true\" or \"false\" (a gap in the trace reads as 0 when true, is a scaler error when false)")
            return nil
        }
    }
}
