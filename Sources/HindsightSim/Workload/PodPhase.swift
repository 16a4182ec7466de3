/// Where a pod is in its startup (HPA.md, Corrections 8), in the order it passes them.
///
/// - `pending`: scheduled or waiting for its node, pulling its image; no container runs,
///   so the metrics APIs have nothing for it. Lasts `startupDelay − readinessDelay`.
/// - `running`: the container is up (phase Running) but the readiness probe has not
///   passed yet (condition Ready=False): the Service sends it no traffic. Lasts
///   `readinessDelay`.
/// - `ready`: Running and Ready; it serves and counts as a ready replica.
///
/// A pod never goes back to an earlier phase in this model.
public enum PodPhase: UInt8, Sendable, Equatable, Comparable {
    case pending
    case running
    case ready

    public static func < (a: PodPhase, b: PodPhase) -> Bool { a.rawValue < b.rawValue }
}
