import HindsightTestSupport
import Foundation
import XCTest

/// `run --out`: the folder is replaced whole (`AtomicFolder`), and only when it is new,
/// empty, or an earlier output.
final class RunOutputFolderTests: XCTestCase {
    func testASecondRunReplacesTheFirstWholly() throws {
        let fixture = try RunFixture()
        let (first, out) = try fixture.run("out", ["--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/timeseries-web-hpa.csv"))
        // The same folder, one policy: the other policies' files must go with the old run.
        let (second, _) = try fixture.run("out", ["--quiet", "--policy", "observed"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let (alone, reference) = try fixture.run("alone", ["--quiet", "--policy", "observed"])
        XCTAssertEqual(alone.status, 0, alone.stderr)
        XCTAssertEqual(try RunFixture.contents(of: out), try RunFixture.contents(of: reference))
        XCTAssertEqual(try fixture.dir.list().filter { $0.hasPrefix(".") }, [], "a temporary folder was left behind")
    }

    func testAFolderOfOtherFilesIsRefusedAndKept() throws {
        let fixture = try RunFixture()
        let mine = fixture.dir.path("mine")
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        try "keep me".write(toFile: mine + "/notes.txt", atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", fixture.scenarioPath, "--out", mine])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("summary.json"), result.stderr)
        XCTAssertEqual(try fixture.dir.list("mine"), ["notes.txt"])
        XCTAssertEqual(try fixture.dir.list().filter { $0.hasPrefix(".") }, [])
    }
}
