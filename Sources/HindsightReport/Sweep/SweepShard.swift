import HindsightTrace

/// One of `count` interleaved slices of a sweep (`--shard I/N`, 0-based): the points
/// whose grid index `p` has `p % count == index`. `--shard auto/N` takes the index from
/// `JOB_COMPLETION_INDEX`, which a Kubernetes Indexed Job sets in each pod.
public struct SweepShard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && index >= 0 && index < count, "SweepShard: index \(index) outside 0..<\(count)")
        self.index = index; self.count = count
    }

    /// Reads `I/N` or `auto/N` (I from `environment["JOB_COMPLETION_INDEX"]`).
    /// - Throws: `InputMessage` saying what was found and what is accepted.
    public init(parsing text: String, environment: [String: String]) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let n = Int(parts[1]), n >= 1 else {
            throw InputMessage("--shard: found '\(text)'; expected I/N with 0 ≤ I < N (0-based), or auto/N to read I from JOB_COMPLETION_INDEX")
        }
        var indexText = parts[0]
        if indexText == "auto" {
            guard let fromEnv = environment["JOB_COMPLETION_INDEX"] else {
                throw InputMessage("--shard auto/\(n): JOB_COMPLETION_INDEX is not set; expected it from a Kubernetes Indexed Job, or --shard I/\(n)")
            }
            indexText = fromEnv
        }
        guard let i = Int(indexText), i >= 0, i < n else {
            throw InputMessage("--shard: shard index '\(indexText)' of \(n); expected a whole number from 0 to \(n - 1)")
        }
        self.init(index: i, count: n)
    }

    /// The grid indices of `points` this shard runs, in order.
    /// - Complexity: O(points).
    public func select(_ points: [Int]) -> [Int] { points.filter { $0 % count == index } }

    /// `shard-I-of-N`: the folder a shard writes its part into.
    public var folderName: String { "shard-\(index)-of-\(count)" }
}
