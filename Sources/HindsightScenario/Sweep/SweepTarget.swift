import HindsightTrace

/// The policy file a sweep edits, read once: its bytes, its first YAML document and the
/// policy it defines. Each sweep point is this file with the parameters' scalars
/// replaced (`YAMLPatch`), loaded like any policy file; nothing else of the file changes.
///
/// ```swift
/// let target = try SweepTarget(spec: sweep)
/// try target.validate(grid)                     // every value fits its scalar
/// let policy = try target.policy(grid.values(at: 7))
/// ```
public struct SweepTarget: Sendable {
    /// Absolute path of the policy file.
    public let path: String
    /// The file's name in messages and diffs (relative to the scenario, as written there).
    public let display: String
    /// The file as read.
    public let bytes: [UInt8]
    /// The parameter paths, in grid order.
    public let paths: [String]
    /// The first YAML document of the file (the one paths address).
    let root: YAMLNode
    /// Where each parameter is written in the scenario (nil when unknown).
    let locations: [SourceLocation?]

    /// Reads and parses the file of `spec`.
    /// - Throws: the `InputError` of a file that cannot be read or parsed, or a
    ///   `ScenarioError` for a file without a document.
    public init(spec: SweepSpec) throws {
        path = spec.policyFile
        display = spec.policyDisplay
        bytes = try FileReading.read(path: path, display: display, at: spec.location)
        guard let first = try YAMLDocument.parse(bytes: bytes, file: display).first else {
            throw ScenarioError(spec.location, "spec.sweep.policy: \(display) has no YAML document", expected: "a policy file")
        }
        root = first
        paths = spec.parameters.map(\.path)
        locations = spec.parameters.map(\.location)
    }

    /// The byte edits that give the parameters `values` (one per parameter, grid order).
    /// - Throws: `ScenarioError` at the parameter in the scenario (the policy's scalar
    ///   named in the message) when a path names no scalar or a value has the wrong type.
    /// - Complexity: O(parameters × path depth).
    public func edits(_ values: [YAMLPatch.Value]) throws -> [YAMLPatch.Edit] {
        precondition(values.count == paths.count, "SweepTarget.edits: \(values.count) values for \(paths.count) parameters")
        return try paths.indices.map { k in
            do {
                return try YAMLPatch.edit(root, path: paths[k], to: values[k], file: display)
            } catch let e as ScenarioError {
                guard let at = locations[k] else { throw e }
                let inPolicy = e.location.map { " (\($0))" } ?? ""
                throw ScenarioError(at, "spec.sweep.parameters: value '\(values[k])' for \(e.message)\(inPolicy)", expected: e.expected)
            }
        }
    }

    /// Checks every value of every parameter, before any point runs: it must fit its
    /// scalar (`edits(_:)`) and make a valid policy with the other parameters at their
    /// first values.
    /// - Throws: the first `ScenarioError`, parameter by parameter, at the parameter's place.
    /// - Complexity: O(total values × file size).
    public func validate(_ grid: SweepGrid) throws {
        precondition(grid.parameters.map(\.path) == paths, "SweepTarget.validate: the grid is not this target's")
        for (k, parameter) in grid.parameters.enumerated() {
            var probe = grid.parameters.indices.map { grid.parameters[$0].values[0] }
            for value in parameter.values {
                probe[k] = value
                do {
                    _ = try policy(probe)
                } catch let e as InputErrors {
                    // The value fits the scalar but not the field (a select policy of 7,
                    // a negative window): report it at the parameter, with the policy's words.
                    throw ScenarioError(locations[k], "spec.sweep.parameters: value '\(value)' for \(paths[k]) makes the policy invalid: \(e.description)",
                                        expected: "values the policy field accepts")
                }
            }
        }
    }

    /// The file's bytes with the parameters set to `values`.
    /// - Throws: as `edits(_:)`.
    /// - Complexity: O(file size).
    public func patched(_ values: [YAMLPatch.Value]) throws -> [UInt8] {
        YAMLPatch.apply(try edits(values), to: bytes)
    }

    /// The file's bytes with only the scalars whose value changes rewritten: a parameter
    /// already at its value (the same number, or the same text) keeps its bytes, so
    /// `tune --write` touches nothing but the tuned scalars.
    /// - Throws: as `edits(_:)`.
    /// - Complexity: O(file size).
    public func minimallyPatched(_ values: [YAMLPatch.Value]) throws -> [UInt8] {
        let now = currentValues
        let edits = try edits(values).enumerated().filter { (k, _) in
            switch values[k] {
            case .number(let v): return Double(now[k]) != v
            case .text(let t): return now[k] != t
            }
        }.map(\.element)
        return YAMLPatch.apply(edits, to: bytes)
    }

    /// The policy of the file's first document with the parameters set to `values`
    /// (named by its `metadata.name`, as `hindsight run` names it).
    /// - Throws: `InputErrors` when the patched document is not a valid policy (a value
    ///   out of the field's range, e.g. a negative window).
    public func policy(_ values: [YAMLPatch.Value]) throws -> PolicySpec {
        try Self.firstPolicy(patched(values), display: display)
    }

    /// The unpatched policy: the reference every sweep runs.
    /// - Throws: `InputErrors` when the file is not a valid policy.
    public func current() throws -> PolicySpec {
        try Self.firstPolicy(bytes, display: display)
    }

    /// The scalar text each parameter has in the file now (grid order).
    public var currentValues: [String] {
        paths.map { root.node(atPath: $0)?.scalar?.text ?? "" }
    }

    private static func firstPolicy(_ bytes: [UInt8], display: String) throws -> PolicySpec {
        guard let policy = try PolicyLoader.load(bytes: bytes, displayPath: display).first else {
            throw ScenarioError(SourceLocation(file: display, line: 1, column: 1), "no policy document", expected: "a policy file")
        }
        return policy
    }
}
