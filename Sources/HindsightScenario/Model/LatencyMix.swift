/// `spec.latency.mix`: a feature of the recorded traffic that splits the `empirical`
/// latency fit by how heavy each step's requests were (SEMANTICS.md §2, scenarios/README.md
/// "Fidelity"). It is read from the recording once and is the same in every policy's
/// replay: a scaling policy changes how many pods share the requests, not which requests
/// arrive.
public enum LatencyMix: String, Sendable, Equatable, CaseIterable {
    /// The CPU (cores) of each step that the CPU fit does not attribute to idle pods or to
    /// counted requests: `recorded cpu − idle per pod × recorded replicas − cost per request
    /// × rps` (a missing rps sample counts as 0). Heavier requests than usual leave more
    /// of it. Needs the CPU fit (rps, a CPU signal and recorded replicas,
    /// `workload.cpuModel: fitted`).
    case unexplainedCPU
}
