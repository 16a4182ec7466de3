extension SweepSpec {
    /// The grid of the parameters: each `{from, to, step}` expanded with
    /// `SweepGrid.range` (exact decimal steps as written), lists as written.
    /// - Parameter sample: the points `--sample N` will run; a larger grid is then allowed.
    /// - Throws: `ScenarioError` at the parameter (or at `spec.sweep`) when a range has,
    ///   or the points run would be, more than `SweepGrid.maxPoints`.
    /// - Complexity: O(values).
    public func grid(sample: Int? = nil) throws -> SweepGrid {
        var parameters: [SweepGrid.Parameter] = []
        for p in self.parameters {
            let values: [YAMLPatch.Value]
            switch p.values {
            case .list(let list):
                values = list
            case let .range(from, to, step, decimals):
                guard let range = SweepGrid.range(from: from, to: to, step: step, decimals: decimals) else {
                    throw ScenarioError(p.location, "\(p.path): {from: \(from.shown), to: \(to.shown), step: \(step.shown)} has more than \(SweepGrid.maxPoints) values",
                                        expected: "a larger step or a shorter range")
                }
                values = range.map { .number($0) }
            }
            parameters.append(SweepGrid.Parameter(path: p.path, values: values, location: p.location))
        }
        let grid = try SweepGrid(parameters)
        if let sample, sample > SweepGrid.maxPoints {
            throw ScenarioError(location, "--sample \(sample): more than \(SweepGrid.maxPoints) points",
                                expected: "--sample N with N at most \(SweepGrid.maxPoints)")
        }
        guard sample != nil || grid.count <= SweepGrid.maxPoints else {
            throw ScenarioError(location ?? parameters.first?.location, "spec.sweep: the grid has \(grid.count) points",
                                expected: "at most \(SweepGrid.maxPoints) points (fewer values, or --sample N)")
        }
        return grid
    }
}
