import Foundation
import XCTest

/// Where the package and the shared folder next to it are, for tests that read checked-in
/// scenarios, datasets or the design documents.
public enum PackageFolders {
    /// The package root: two folders up from `Tests/HindsightTestSupport/`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The absolute path of `relative` inside the package (`scenarios/demo.yaml`).
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The absolute path of `../shared/<relative>` (design documents, large datasets kept
    /// outside the repository), or `nil` when it is absent.
    public static func sharedPathIfPresent(_ relative: String) -> String? {
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/\(relative)").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The absolute path of `../shared/<relative>`; skips the calling test when it is
    /// absent (a clone without the shared folder cannot run it).
    /// - Throws: `XCTSkip` when the path does not exist.
    public static func shared(_ relative: String) throws -> String {
        guard let path = sharedPathIfPresent(relative) else {
            throw XCTSkip("../shared/\(relative) is absent next to the package")
        }
        return path
    }
}
