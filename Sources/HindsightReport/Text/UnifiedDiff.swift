/// A unified diff of two versions of a text file (`diff -u` format), from a longest
/// common subsequence of their lines: `--- a/PATH` and `+++ b/PATH` headers, then
/// hunks `@@ -l,s +l,s @@` with `context` unchanged lines around each change.
///
/// Lines keep their own ends, so a CRLF file's `\r` stays in the lines it shows and a
/// last line without a line end is followed by `\ No newline at end of file`.
///
/// ```swift
/// UnifiedDiff.render(old: "a\nb\nc\n", new: "a\nB\nc\n", path: "hpa.yaml")
/// // --- a/hpa.yaml\n+++ b/hpa.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n
/// ```
public enum UnifiedDiff {
    /// The diff of `old` against `new`; empty when they are equal.
    /// - Complexity: O(n × m) time and memory for n and m lines (policy files are small).
    public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let script = edits(a, b)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        // Group changes whose context windows touch into hunks.
        let changed = script.indices.filter { script[$0].kind != .same }
        var h = 0
        while h < changed.count {
            var last = h
            while last + 1 < changed.count && changed[last + 1] - changed[last] <= 2 * context + 1 { last += 1 }
            let from = max(0, changed[h] - context), to = min(script.count, changed[last] + context + 1)
            let hunk = script[from..<to]
            let oldStart = hunk.first?.oldLine ?? 0, newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for e in hunk {
                let (sign, text) = e.kind == .insert ? ("+", b[e.newLine]) : (e.kind == .delete ? "-" : " ", a[e.oldLine])
                out += sign + text
                if text.unicodeScalars.last != "\n" { out += "\n\\ No newline at end of file\n" }
            }
            h = last + 1
        }
        return out
    }

    /// One line of the edit script, with the 0-based positions it has reached in each file.
    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    /// `start,count` of a hunk (1-based; a hunk with no lines names the line before it).
    static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    /// The lines of `text`, each with its line end (`\n` or `\r\n`); the last may have none.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if c == "\n" || c == "\r\n" { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// A shortest edit script from `a` to `b` by longest common subsequence; deletions
    /// come before insertions where both are possible.
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        // lcs[i][j]: length of the LCS of a[i...] and b[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                out.append(Edit(kind: .same, oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.append(Edit(kind: .delete, oldLine: i, newLine: j)); i += 1
            } else {
                out.append(Edit(kind: .insert, oldLine: i, newLine: j)); j += 1
            }
        }
        return out
    }
}
