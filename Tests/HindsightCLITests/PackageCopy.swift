import Foundation
import HindsightTestSupport

/// A temporary copy of the package's scenarios, examples, scripts and demo trace, where a
/// README command runs exactly as written (`sh -c`, with the built `hindsight` first on PATH).
final class PackageCopy {
    let dir: TempDir

    init() throws {
        dir = try TempDir()
        let fm = FileManager.default
        for folder in ["scenarios", "examples", "scripts"] where fm.fileExists(atPath: CLI.packagePath(folder)) {
            try fm.copyItem(atPath: CLI.packagePath(folder), toPath: dir.path(folder))
        }
        try fm.createDirectory(atPath: dir.path("datasets"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: CLI.packagePath("datasets/demo-web.csv"), toPath: dir.path("datasets/demo-web.csv"))
    }

    /// PATH with the built binary's folder first.
    static func path() throws -> String {
        guard let binary = CLI.binary else { throw FixtureError("no hindsight binary") }
        return binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    func run(_ command: String, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(shell: command, in: dir.url, environment: environment.merging(["PATH": try Self.path()]) { a, _ in a })
    }
}
