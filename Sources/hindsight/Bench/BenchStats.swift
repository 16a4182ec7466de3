extension BenchRegistry {
    /// Benchmarks of the stats area.
    static let statsCases: [BenchCase] = []
}
