/// What one segment of the simulation adds both to the step it lies in and to the whole
/// run: work offered, served and dropped (work units: requests, or core·s without an rps
/// series), money (USD) and facility energy (kWh). ``StepAccumulator`` and
/// ``RunAccumulator`` each hold one, so the two sums can never disagree on what they add.
struct SegmentFlows {
    var offered = 0.0
    var served = 0.0
    var dropped = 0.0
    /// USD.
    var cost = 0.0
    /// Facility kWh (PUE included).
    var kWh = 0.0

    /// Adds one segment's flows, field by field.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func add(_ s: SegmentFlows) {
        offered += s.offered
        served += s.served
        dropped += s.dropped
        cost += s.cost
        kWh += s.kWh
    }
}
