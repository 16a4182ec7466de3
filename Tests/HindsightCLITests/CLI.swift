import HindsightTestSupport
import Foundation
import XCTest

/// What one run of the `hindsight` binary did: its exit code and everything it printed.
struct CLIResult {
    /// The exit status (0 success, 1 check failed, 2 bad input or usage, 3 internal error).
    var status: Int32
    /// Standard output, decoded as UTF-8.
    var stdout: String
    /// Standard error, decoded as UTF-8.
    var stderr: String
    /// Standard output, byte for byte.
    var stdoutBytes: Data
}

/// Runs the real `hindsight` executable built next to the test bundle, the way a user or a
/// CI job would: absolute paths in, exit code and text out.
enum CLI {
    /// The package root.
    static var packageRoot: URL { PackageFolders.root }

    /// The built binary: next to the test bundle (`swift test` builds it because the test
    /// target depends on it), or `HINDSIGHT_BIN` when set; nil when none is found.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["HINDSIGHT_BIN"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("hindsight"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("hindsight"))
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("hindsight"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/hindsight"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    /// Runs `hindsight arguments…` in `directory` (a fresh temporary folder when nil, so no
    /// test depends on the working directory of the test runner) and waits for it.
    /// `environment` adds to (or replaces in) the test runner's environment.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        guard let binary else {
            // A missing binary is a broken build, not a reason to pass: fail loudly.
            throw FixtureError("the hindsight binary was not found next to the test bundle; set HINDSIGHT_BIN")
        }
        let scratch = try TempDir()
        let folder = directory ?? scratch.url
        // Output goes to files, not pipes: a large stdout can never block the child.
        let outURL = scratch.url.appendingPathComponent(".stdout")
        let errURL = scratch.url.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         stdoutBytes: outData)
    }

    /// A path inside the package, absolute (`scenarios/demo.yaml` → `/…/scenarios/demo.yaml`).
    static func packagePath(_ relative: String) -> String {
        PackageFolders.path(relative)
    }
}

/// A class in this test bundle, for `Bundle(for:)`.
private final class BundleMarker {}

/// Line and column (1-based, columns in characters) of the first occurrence of `needle` in
/// `text` at or after line `fromLine`, computed from the text a test wrote.
func position(of needle: String, in text: String, fromLine: Int = 1) -> (line: Int, column: Int)? {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where index + 1 >= fromLine {
        if let range = line.range(of: needle) {
            return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
        }
    }
    return nil
}

/// Reads a CSV file written by hindsight (no quoted commas in its output) into a header and rows.
func readCSV(_ path: String) throws -> (header: [String], rows: [[String]]) {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    guard let first = lines.first else { return ([], []) }
    let split = { (line: String) in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return (split(first), lines.dropFirst().map(split))
}

extension CLI {
    /// Runs `command` with `/bin/sh -c` in `directory`, as a README line is run by a user.
    static func run(shell command: String, in directory: URL, environment: [String: String]) throws -> CLIResult {
        let scratch = try TempDir()
        let out = scratch.path("out"), err = scratch.path("err")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = directory
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        p.waitUntilExit()
        let o = try Data(contentsOf: URL(fileURLWithPath: out)), e = try Data(contentsOf: URL(fileURLWithPath: err))
        return CLIResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                         stderr: String(decoding: e, as: UTF8.self), stdoutBytes: o)
    }
}
