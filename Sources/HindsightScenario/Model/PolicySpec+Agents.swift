extension PolicySpec {
    /// The argument vector of the external agent this policy starts: an `exec:` policy's
    /// command or an `aiAgent.modelRef: "exec:…"` split into words; nil for any other policy.
    public var agentCommand: [String]? {
        switch kind {
        case .exec(let e): return e.command
        case .aiOptimization(let ai):
            if case .exec(let command) = ai.model { return command }
            return nil
        default: return nil
        }
    }
}
