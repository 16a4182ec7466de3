/// What one prometheus trigger's scaler returns at one instant (HPA.md Corrections 3–4).
enum KEDAScalerReading: Equatable {
    /// A sample, in the series' units.
    case value(Double)
    /// The query came back empty (a gap in the trace) and `ignoreNullValues` is true: KEDA
    /// reads 0, inactive, without an error.
    case empty
    /// The metrics pipeline has not filled yet (the first `lag + window` of the run): the
    /// cluster had data that the trace does not show. Neither a value nor an error; the
    /// failure counter is left alone.
    case warmingUp
    /// The query came back empty and `ignoreNullValues` is false: a scaler error, counted
    /// toward `fallback.failureThreshold`.
    case failed

    /// The value KEDA reports: the sample, 0 for an empty result, nil otherwise.
    var reported: Double? {
        switch self {
        case .value(let v): return v
        case .empty: return 0
        case .warmingUp, .failed: return nil
        }
    }
}
