import Foundation
import HindsightTrace

extension ExternalAgent {
    /// The answer of one line an agent sent (without its newline): a JSON object with an
    /// integer `"replicas"` (|value| < 10⁹) and an optional string `"reason"`.
    /// - Parameter command: the agent's command line, for messages.
    /// - Returns: the replica count and the reason (empty when none was given).
    /// - Throws: `AgentError` quoting a short excerpt of the line when it is not such an object.
    /// - Complexity: O(line.count).
    public static func answer(_ line: [UInt8], command: String) throws -> (replicas: Int, reason: String) {
        let object = try? JSONSerialization.jsonObject(with: Data(line))
        guard let dict = object as? [String: Any] else {
            throw AgentError(command: command, problem: "answered with something that is not a JSON object" + excerpt(line))
        }
        guard let number = dict["replicas"] as? NSNumber,
              let value = Double(exactly: number.doubleValue), value == value.rounded(), abs(value) < 1e9
        else {
            throw AgentError(command: command, problem: "answered without an integer \"replicas\"" + excerpt(line))
        }
        let reason = dict["reason"] as? String ?? ""
        return (Int(value), reason)
    }

    private static func excerpt(_ line: [UInt8]) -> String {
        line.isEmpty ? "" : ": \"" + Excerpt.of(bytes: line) + "\""
    }
}
