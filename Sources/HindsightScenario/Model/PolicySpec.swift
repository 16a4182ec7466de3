import HindsightTrace

/// One entry of `spec.policies`, resolved to a typed controller spec.
public struct PolicySpec: Sendable {
    public enum Kind: Sendable {
        /// Replay the recorded `replicas` series exactly.
        case observed
        /// A fixed fleet of `replicas` pods.
        case fixed(replicas: Int)
        case hpa(HPASpec)
        case scaledObject(ScaledObjectSpec)
        case aiOptimization(AIOptimizationSpec)
        case exec(ExecSpec)
        case replay(ReplaySpec)
        /// A kind added through the registry (`PolicyKinds`), with its own spec type.
        case registered(any PolicyKindSpec)
    }

    /// The policy's display name: `metadata.name`, `observed`, or `static-N`.
    public var name: String
    public var kind: Kind
    /// Where the policy was named (the scenario entry, or the policy document).
    public var location: SourceLocation?
    /// Every named series the policy reads (HPA Pods/Object/External metric names, KEDA
    /// trigger bindings), with where it is written, so a run can report a series the
    /// trace lacks at its file:line:col.
    public var seriesReferences: [SeriesReference] = []
    /// The bytes of the policy file the policy was read from (the working copy, or what
    /// `git show REF:PATH` returned), shared by every document of that file; nil for the
    /// entries written inside a scenario (`observed`, `static`, `exec`, `replay`). The run
    /// history hashes them (`ContentHash`).
    public var sourceBytes: [UInt8]? = nil
    /// What reading the policy's file left aside without refusing it, each
    /// `file:line:col: text`: documents of other kinds skipped, trigger metadata keys
    /// KEDA ignores, meaning approximated. A run repeats them among its warnings.
    public var notes: [String] = []

    public init(name: String, kind: Kind, location: SourceLocation? = nil) {
        self.name = name; self.kind = kind; self.location = location
    }

    /// The name used in output file names: lower-case, characters outside
    /// `[a-z0-9._-]` replaced by `-` (CLI.md).
    public var fileName: String {
        String(name.lowercased().map { c -> Character in
            (c.isASCII && (c.isLetter || c.isNumber)) || c == "." || c == "_" || c == "-" ? c : "-"
        })
    }

    /// A short kind label for summaries: `observed`, `static`, `HorizontalPodAutoscaler`, …
    public var kindLabel: String {
        switch kind {
        case .observed: "observed"
        case .fixed: "static"
        case .hpa: PolicyKinds.hpa
        case .scaledObject: PolicyKinds.scaledObject
        case .aiOptimization: PolicyKinds.aiOptimization
        case .exec: "exec"
        case .replay: "replay"
        case .registered(let spec): type(of: spec).kindName
        }
    }

    /// `kind/name` of the workload the policy says it scales (`scaleTargetRef`,
    /// `targetWorkload`), nil for kinds that name none.
    public var scaleTarget: String? {
        switch kind {
        case .hpa(let h): h.target
        case .scaledObject(let s): s.target
        case .aiOptimization(let a): a.targetWorkload
        case .registered(let spec): spec.scaleTarget
        case .observed, .fixed, .exec, .replay: nil
        }
    }
}

/// A named series a policy reads, and where the policy names it.
public struct SeriesReference: Sendable, Equatable {
    public var name: String
    public var location: SourceLocation?
    /// A second name to try when `name` matches no series: for a KEDA prometheus trigger
    /// with a `name`, its `metadata.query` text (SEMANTICS.md §5). nil otherwise.
    public var alternative: String? = nil
    public init(name: String, location: SourceLocation?) { self.name = name; self.location = location }
}

/// `exec:` — an external agent (SEMANTICS.md §6).
public struct ExecSpec: Sendable, Equatable {
    public var command: [String]
    /// Working directory: the scenario file's folder (absolute).
    public var directory: String
    public var interval: SimDuration = .minutes(1)
    public var minReplicas: Int = 1
    public var maxReplicas: Int = 100
    public var timeout: SimDuration = .seconds(5)
    public init(command: [String], directory: String) { self.command = command; self.directory = directory }
}

/// `replay:` — decisions an agent logged in production.
public struct ReplaySpec: Sendable, Equatable {
    /// Absolute path of the `timestamp,replicas[,reason]` CSV.
    public var file: String
    public init(file: String) { self.file = file }
}
