import HindsightTestSupport
import Foundation
import XCTest

/// Runs every command of the README's "Tuning" section exactly as written, each code
/// block in a fresh copy of `scenarios/` and `datasets/`, and checks that the output shown
/// after a block is what its commands print, and the YAML shown is the demo's.
final class ReadmeTuningTests: XCTestCase {
    /// The fenced blocks of the section: (language, text).
    func blocks() throws -> [(language: String, text: String)] {
        let readme = try String(contentsOfFile: CLI.packagePath("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "\n## Tuning\n"))
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        var out: [(String, String)] = []
        var current: (String, [String])? = nil
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let c = current { out.append((c.0, c.1.joined(separator: "\n") + "\n")); current = nil }
                else { current = (String(line.dropFirst(3)), []) }
            } else if current != nil {
                current?.1.append(String(line))
            }
        }
        return out
    }

    /// A folder with copies of the package's scenarios and the demo's trace.
    func workspace() throws -> TempDir {
        let dir = try TempDir()
        let fm = FileManager.default
        try fm.copyItem(atPath: CLI.packagePath("scenarios"), toPath: dir.path("scenarios"))
        try fm.createDirectory(atPath: dir.path("datasets"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: CLI.packagePath("datasets/demo-web.csv"), toPath: dir.path("datasets/demo-web.csv"))
        return dir
    }

    func testEveryCommandRunsAsWrittenAndPrintsWhatIsShown() throws {
        let blocks = try blocks()
        XCTAssertGreaterThanOrEqual(blocks.filter { $0.language == "sh" }.count, 4)
        let demo = try String(contentsOfFile: CLI.packagePath("scenarios/demo.yaml"), encoding: .utf8)
        var ran = 0
        for (k, block) in blocks.enumerated() {
            if block.language == "yaml" {
                XCTAssertTrue(demo.contains(block.text), "the README's sweep block is not the demo's:\n\(block.text)")
            }
            guard block.language == "sh" else { continue }
            let dir = try workspace()
            var printed = ""
            for line in block.text.split(separator: "\n") where line.hasPrefix("hindsight ") {
                let arguments = line.split(separator: " ").dropFirst().map(String.init)
                let r = try CLI.run(arguments, in: dir.url)
                XCTAssertEqual(r.status, 0, "\(line): \(r.stderr)")
                printed += r.stdout
                ran += 1
            }
            if k + 1 < blocks.count, blocks[k + 1].language == "" {
                XCTAssertTrue(printed.contains(blocks[k + 1].text), "output of\n\(block.text)is not\n\(blocks[k + 1].text)\nbut\n\(printed)")
            }
        }
        XCTAssertEqual(ran, 7)
    }
}
