extension BenchRegistry {
    /// Benchmarks of the sim area.
    static let simCases: [BenchCase] = []
}
