import HindsightTrace

/// An external agent misbehaved (SEMANTICS.md §6): the run stops with exit code 2 and a
/// message that quotes what the agent sent.
public struct AgentError: InputError {
    /// The agent's command line, for the message.
    public var command: String
    public var problem: String
    public init(command: String, problem: String) { self.command = command; self.problem = problem }
    public var description: String {
        "agent `\(command)`: \(problem); expected one JSON object per line such as {\"replicas\": 6, \"reason\": \"...\"}"
    }
}
