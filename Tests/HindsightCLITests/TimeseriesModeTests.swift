import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight run --timeseries …`: the README's commands exactly as written, in a copy of
/// the scenarios, against a default (`full`) run of the same scenario.
final class TimeseriesModeTests: XCTestCase {
    /// The `sh` block of the README's "Memory bounded by design" paragraph.
    func readmeCommands() throws -> [[String]] {
        let readme = try String(contentsOfFile: CLI.packagePath("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "**Memory bounded by design.**"))
        let rest = readme[start.upperBound...]
        let open = try XCTUnwrap(rest.range(of: "```sh\n"))
        let close = try XCTUnwrap(rest[open.upperBound...].range(of: "```"))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    func testReadmeCommandsWriteWhatTheyDocument() throws {
        let commands = try readmeCommands()
        XCTAssertEqual(commands.count, 2)
        let dir = try TempDir()
        let fm = FileManager.default
        try fm.copyItem(atPath: CLI.packagePath("scenarios"), toPath: dir.path("scenarios"))
        try fm.createDirectory(atPath: dir.path("datasets"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: CLI.packagePath("datasets/demo-web.csv"), toPath: dir.path("datasets/demo-web.csv"))
        for command in commands {
            XCTAssertEqual(command.first, "hindsight")
            let r = try CLI.run(Array(command.dropFirst()), in: dir.url)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let full = try CLI.run(["run", "scenarios/demo.yaml", "--out", "reports/demo-full", "--quiet"], in: dir.url)
        XCTAssertEqual(full.status, 0, full.stderr)
        func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: dir.path(path))) }
        let files = try fm.contentsOfDirectory(atPath: dir.path("reports/demo-full"))
        let series = files.filter { $0.hasPrefix("timeseries-") }
        XCTAssertEqual(series.count, 4)
        // none: no time series; every other file as in the full run.
        let none = try fm.contentsOfDirectory(atPath: dir.path("reports/demo-summaries"))
        XCTAssertEqual(Set(none), Set(files).subtracting(series))
        for name in none { XCTAssertEqual(try read("reports/demo-summaries/" + name), try read("reports/demo-full/" + name), name) }
        // hourly: one row per distinct UTC hour of the full file's timestamps, starting on the hour.
        for name in series {
            let fullLines = String(decoding: try read("reports/demo-full/" + name), as: UTF8.self).split(separator: "\n")
            let hourlyLines = String(decoding: try read("reports/demo-hourly/" + name), as: UTF8.self).split(separator: "\n")
            XCTAssertEqual(hourlyLines.first, fullLines.first, "same header")
            let hours = Set(fullLines.dropFirst().compactMap { Int($0.prefix { $0 != "," }) }.map { $0 - (($0 % 3600) + 3600) % 3600 })
            let written = hourlyLines.dropFirst().compactMap { Int($0.prefix { $0 != "," }) }
            XCTAssertEqual(written, hours.sorted(), name)
        }
        XCTAssertEqual(try read("reports/demo-hourly/summary.json"), try read("reports/demo-full/summary.json"))
    }

    func testHelpListsTheModesAndABadModeIsAUsageError() throws {
        let help = try CLI.run(["run", "--help"])
        XCTAssertTrue(help.stdout.contains("--timeseries <full|hourly|none>"), help.stdout)
        let bad = try CLI.run(["run", "x.yaml", "--timeseries", "daily"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("daily"), bad.stderr)
    }

    func testCheckTakesTheOptionToo() throws {
        let dir = try TempDir()
        let fm = FileManager.default
        try fm.copyItem(atPath: CLI.packagePath("scenarios"), toPath: dir.path("scenarios"))
        try fm.createDirectory(atPath: dir.path("datasets"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: CLI.packagePath("datasets/demo-web.csv"), toPath: dir.path("datasets/demo-web.csv"))
        for mode in ["none", "hourly"] {
            let r = try CLI.run(["check", "scenarios/demo.yaml", "--baseline", "scenarios/policies/hpa.yaml",
                                 "--candidate", "scenarios/policies/hpa.yaml", "--out", "reports/\(mode)",
                                 "--timeseries", mode, "--no-history"], in: dir.url)
            XCTAssertEqual(r.status, 0, r.stderr)
            let files = try fm.subpathsOfDirectory(atPath: dir.path("reports/\(mode)"))
            XCTAssertTrue(files.contains("junit.xml") && files.contains { $0.hasSuffix("/decisions-baseline-checkout-api.csv") }, "\(files)")
            let series = files.filter { ($0 as NSString).lastPathComponent.hasPrefix("timeseries-") }
            XCTAssertEqual(series.count, mode == "none" ? 0 : 2, "\(files)")
            for path in series {
                let lines = try String(contentsOfFile: dir.path("reports/\(mode)/" + path), encoding: .utf8).split(separator: "\n")
                XCTAssertEqual(lines.count, 1 + 72, "three days of hours and a header: \(path)")
            }
        }
    }
}
