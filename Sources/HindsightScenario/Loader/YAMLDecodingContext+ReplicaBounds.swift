extension YAMLDecodingContext {
    /// Optional replica bounds of a policy (`minReplicas`/`maxReplicas`, KEDA's
    /// `minReplicaCount`/`maxReplicaCount`): min ≥ 0, max ≥ 1 and min ≤ max, each problem
    /// recorded at the field that has it.
    /// - Parameters:
    ///   - names: the fields' paths, e.g. `spec.minReplicas`, for messages.
    ///   - fallback: where to report min > max when neither field is written.
    /// - Returns: the bounds to use: the written values, else `defaults`.
    func replicaBounds<T: BinaryInteger & Decodable>(
        min: Located<T>?, max: Located<T>?, defaults: (min: T, max: T),
        names: (min: String, max: String), fallback: SourceLocation?
    ) -> (min: T, max: T) {
        var bounds = defaults
        if let m = min {
            require(m.value >= 0, m.location, "\(names.min): found \(m.value)", expected: "a whole number, 0 or more")
            bounds.min = m.value
        }
        if let m = max {
            require(m.value >= 1, m.location, "\(names.max): found \(m.value)", expected: "a whole number, 1 or more")
            bounds.max = m.value
        }
        if bounds.min > bounds.max {
            let short = (min: names.min.split(separator: ".").last.map(String.init) ?? names.min,
                         max: names.max.split(separator: ".").last.map(String.init) ?? names.max)
            record(at: min?.location ?? max?.location ?? fallback,
                   "\(names.min) \(bounds.min) is greater than \(short.max) \(bounds.max)",
                   expected: "\(short.min) ≤ \(short.max)")
        }
        return bounds
    }
}
