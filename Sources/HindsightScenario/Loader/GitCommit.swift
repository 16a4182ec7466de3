import Foundation

/// The commit a folder's git repository is at, for the run history.
public enum GitCommit {
    /// `git rev-parse HEAD` run in `folder` (no shell; the scenario names nothing that runs).
    ///
    /// - Returns: the full commit id (40 or 64 lower-case hex digits), or nil when git is
    ///   missing, `folder` is not inside a repository, the repository has no commit yet, or
    ///   git printed anything else. Never throws: the commit is a label, not an input.
    public static func head(in folder: String) -> String? {
        // An fsmonitor hook configured in an untrusted repository must not run for a label.
        guard case .success(let bytes) = GitProcess.output(["-c", "core.fsmonitor=false", "rev-parse", "--verify", "-q", "HEAD"], in: folder) else {
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let hex = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        guard (text.count == 40 || text.count == 64) && hex else { return nil }
        return text
    }
}
