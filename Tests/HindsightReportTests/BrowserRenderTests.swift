import HindsightTestSupport
import Foundation
import HindsightReport
import XCTest

/// Renders a report in headless Chromium when it is installed: the page must paint
/// (a screenshot with real content) and log nothing to the console (no script error,
/// no blocked network fetch). Skipped cleanly without Chromium.
final class BrowserRenderTests: XCTestCase {
    func testReportRendersInHeadlessChromium() throws {
        guard let chromium = Self.which(["chromium", "chromium-browser", "google-chrome"]) else {
            throw XCTSkip("no chromium on PATH")
        }
        let folder = try temporaryFolder()
        try ReportWriter.writeAll(Fixtures.result(days: 3, stepSeconds: 60), to: folder + "/report")
        let png = folder + "/out.png"
        let (status, log) = try Self.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(folder)/profile", "--enable-logging=stderr", "--v=0",
            "--screenshot=\(png)", "--window-size=1280,2400", "file://\(folder)/report/report.html",
        ], timeout: 180)
        XCTAssertEqual(status, 0, log)
        let consoleLines = log.split(separator: "\n").filter {
            $0.contains(":CONSOLE") || $0.contains("Uncaught") || $0.contains("Refused to")
        }
        XCTAssertEqual(consoleLines, [], "console output from the page")
        let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? NSNumber)?.intValue ?? 0
        XCTAssertGreaterThan(size, 30_000, "a 1280×2400 screenshot with charts is not tiny")
        guard let python = Self.which(["python3"]) else { return }
        let (pyStatus, colours) = try Self.run(python, ["-c", Self.colourCount, png], timeout: 120)
        XCTAssertEqual(pyStatus, 0, colours)
        let count = Int(colours.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        XCTAssertGreaterThan(count, 50, "distinct colours in the screenshot: not blank")
    }

    /// Counts distinct RGB colours on every 7th row of an 8-bit RGB/RGBA PNG (stdlib only).
    static let colourCount = """
    import sys, zlib, struct
    d = open(sys.argv[1], 'rb').read(); p = 8; idat = b''
    while p < len(d):
        n, = struct.unpack('>I', d[p:p+4]); t = d[p+4:p+8]; b = d[p+8:p+8+n]; p += 12 + n
        if t == b'IHDR': w, h, bd, ct = struct.unpack('>IIBB', b[:10])
        elif t == b'IDAT': idat += b
    bpp = {2: 3, 6: 4}[ct]; raw = zlib.decompress(idat); s = w * bpp; prev = bytearray(s); i = 0; seen = set()
    for y in range(h):
        f = raw[i]; line = bytearray(raw[i+1:i+1+s]); i += 1 + s
        for x in range(s):
            a = line[x-bpp] if x >= bpp else 0; up = prev[x]; c = prev[x-bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + up) & 255
            elif f == 3: line[x] = (line[x] + (a + up) // 2) & 255
            elif f == 4:
                q = a + up - c; pa, pb, pc = abs(q - a), abs(q - up), abs(q - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else up if pb <= pc else c)) & 255
        if y % 7 == 0:
            for x in range(0, s, bpp): seen.add(bytes(line[x:x+3]))
        prev = line
    print(len(seen))
    """

    static func which(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs `tool` with `arguments`, returning its exit status and stdout+stderr; kills it after `timeout` s.
    static func run(_ tool: String, _ arguments: [String], timeout: TimeInterval) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("hindsight-run-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }
}
