import Foundation
import XCTest

/// A fresh temporary folder for one test, removed when the value is released.
///
/// ```swift
/// let dir = try TempDir()
/// let csv = try dir.write("in/x.csv", "timestamp,x\n0,1\n")
/// ```
public final class TempDir {
    /// The folder (absolute; exists while this value lives).
    public let url: URL

    /// Creates `<system temp>/<prefix>-<UUID>`.
    /// - Throws: when the folder cannot be created.
    public init(prefix: String = "hindsight-tests") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The folder's absolute path.
    public var path: String { url.path }

    /// The absolute path of `name` (may contain `/`) inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` as UTF-8 to `name` inside the folder (creating missing sub-folders)
    /// and returns its absolute path.
    /// - Throws: when the file cannot be written.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    /// Writes `bytes` to `name` inside the folder (creating missing sub-folders) and
    /// returns its absolute path.
    /// - Throws: when the file cannot be written.
    @discardableResult
    public func write(_ name: String, _ bytes: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        return file.path
    }

    /// Names of the entries of the folder (or of `sub` inside it), sorted.
    /// - Throws: when the folder cannot be listed.
    public func list(_ sub: String? = nil) throws -> [String] {
        let folder = sub.map { url.appendingPathComponent($0).path } ?? url.path
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }
}

extension XCTestCase {
    /// The path of a fresh temporary folder that lives until this test finishes.
    /// - Throws: when the folder cannot be created.
    public func temporaryFolder(prefix: String = "hindsight-tests") throws -> String {
        let dir = try TempDir(prefix: prefix)
        addTeardownBlock { withExtendedLifetime(dir) {} }
        return dir.path
    }
}
