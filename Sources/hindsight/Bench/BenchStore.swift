extension BenchRegistry {
    /// Benchmarks of the store area.
    static let storeCases: [BenchCase] = []
}
