import Foundation
import HindsightTrace

/// Reading input files and resolving the paths that scenario files name.
enum FileReading {
    /// Largest policy or scenario file read (64 MiB): YAML bigger than this is not a policy.
    static let maxBytes = 64 << 20

    /// The bytes of the file at `path`.
    /// - Parameters:
    ///   - display: the file's name in messages.
    ///   - at: where the file was named (the message is placed there), or nil for a top-level file.
    /// - Throws: `InputErrors` with one `ScenarioError` when the file is missing, a folder, unreadable or too large.
    static func read(path: String, display: String, at: SourceLocation?) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputErrors([ScenarioError(at, "file '\(display)' does not exist", expected: "the path of an existing file")])
        }
        if isDirectory.boolValue {
            throw InputErrors([ScenarioError(at, "'\(display)' is a folder", expected: "the path of a file")])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputErrors([ScenarioError(at, "file '\(display)' cannot be read", expected: "a readable file")])
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw InputErrors([ScenarioError(at, "file '\(display)' cannot be read (\(error.localizedDescription))",
                                             expected: "a readable file")])
        }
        if data.count > maxBytes {
            throw InputErrors([ScenarioError(at, "file '\(display)' is larger than \(maxBytes >> 20) MiB",
                                             expected: "a policy or scenario file of at most \(maxBytes >> 20) MiB")])
        }
        return [UInt8](data)
    }

    /// `path` resolved against the folder `base` (absolute paths stay as they are), standardized.
    static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }

    /// The display form of `path` named inside a file shown as `display`: joined to that
    /// file's folder as the user wrote it (`scenarios/policies/hpa.yaml`).
    static func displayPath(_ path: String, relativeTo display: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (display as NSString).deletingLastPathComponent
        if folder.isEmpty { return path }
        return ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// The absolute folder holding `file`.
    static func folder(of file: String) -> String {
        let absolute = resolve(file, against: FileManager.default.currentDirectoryPath)
        return (absolute as NSString).deletingLastPathComponent
    }

    /// True when a regular file exists at `path`.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
