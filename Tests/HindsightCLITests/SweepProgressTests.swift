import HindsightTestSupport
import Foundation
import XCTest

/// The sweep's progress bar: drawn on standard error only when it is a terminal, never
/// in a log (a file or a pipe), and never on standard output.
final class SweepProgressTests: XCTestCase {
    func testNoBarWhenNeitherStreamIsATerminal() throws {
        let f = try SweepFixture()
        let quiet = try f.cli(["sweep", f.scenarioPath, "--out", "q", "--quiet", "--no-history"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(quiet.stderr, "")
        let loud = try f.cli(["sweep", f.scenarioPath, "--out", "l", "--no-history"])
        XCTAssertEqual(loud.status, 0, loud.stderr)
        XCTAssertEqual(loud.stderr, "")
        XCTAssertFalse(loud.stdout.contains("\r"), "no carriage return in a log")
        XCTAssertFalse(loud.stdout.contains("sweep ["), "no bar in a log")
    }

    func testBarOnATerminalEndsItsLine() throws {
        let f = try SweepFixture()
        // `script` runs the command on a pseudo-terminal (both streams are a tty there).
        let shown = try Self.onTerminal(f, "sweep '\(f.scenarioPath)' --out t --quiet --no-history")
        XCTAssertTrue(shown.hasPrefix("\rsweep ["), shown.debugDescription)
        XCTAssertTrue(shown.contains("] 100%"), shown.debugDescription)
        // 8 points: at most one redraw per point, and the line is ended once.
        XCTAssertLessThanOrEqual(shown.components(separatedBy: "\rsweep [").count - 1, 8, shown.debugDescription)
        XCTAssertTrue(shown.hasSuffix("100%\r\n"), shown.debugDescription)
    }

    func testNoBarWhenOnlyStandardErrorIsRedirected() throws {
        let f = try SweepFixture()
        let log = f.dir.path("stderr.log")
        let shown = try Self.onTerminal(f, "sweep '\(f.scenarioPath)' --out r --quiet --no-history 2>'\(log)'")
        XCTAssertEqual(shown, "", "nothing on the terminal from a quiet sweep")
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "", "no bar in the redirected standard error")
    }

    /// What `hindsight ARGS` (a shell command line) writes to a pseudo-terminal, via
    /// util-linux `script`; skipped where it is missing.
    private static func onTerminal(_ f: SweepFixture, _ arguments: String) throws -> String {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw XCTSkip("no \(script) here") }
        let binary = try XCTUnwrap(CLI.binary, "the hindsight binary was not found")
        let out = f.dir.path("terminal.out")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", "'\(binary.path)' \(arguments)", "/dev/null"]
        process.currentDirectoryURL = f.dir.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        XCTAssertEqual(process.terminationStatus, 0, "the sweep on a terminal failed")
        return try String(contentsOfFile: out, encoding: .utf8)
    }
}
