extension BenchRegistry {
    /// Benchmarks of the trace area.
    static let traceCases: [BenchCase] = []
}
