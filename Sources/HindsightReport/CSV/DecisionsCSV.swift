import HindsightSim

/// `decisions-<policy>.csv`: `timestamp,from,to,reason`, one row per scaling decision in
/// the order recorded. Timestamp in unix seconds (integer when whole); a decision that
/// was recorded but not applied (dryRun) has its reason prefixed `proposed (dryRun): `.
/// Reasons are quoted per RFC 4180 when needed; LF line endings.
public enum DecisionsCSV {
    /// The header line.
    public static let header = "timestamp,from,to,reason"
    /// Prefix of the reason of a proposed-only decision.
    public static let proposedPrefix = "proposed (dryRun): "

    /// The file's bytes.
    /// - Complexity: O(total length of the reasons + decisions).
    public static func render(_ decisions: [Decision]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 + decisions.count * 80)
        out.append(contentsOf: header.utf8)
        out.append(0x0A)
        for d in decisions {
            NumberText.appendUnixSeconds(d.time, to: &out)
            out.append(0x2C)
            NumberText.append(Int64(d.from), to: &out)
            out.append(0x2C)
            NumberText.append(Int64(d.to), to: &out)
            out.append(0x2C)
            CSVText.append(reason(of: d), to: &out)
            out.append(0x0A)
        }
        return out
    }

    /// The reason as written: with `proposedPrefix` when `proposedOnly`.
    public static func reason(of d: Decision) -> String {
        d.proposedOnly ? proposedPrefix + d.reason : d.reason
    }
}
