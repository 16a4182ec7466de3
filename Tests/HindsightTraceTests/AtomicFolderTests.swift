import Foundation
import HindsightTestSupport
import HindsightTrace
import XCTest

/// `AtomicFolder`: a folder replaced whole, or left as it was.
final class AtomicFolderTests: XCTestCase {
    private func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    private func text(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    func testANewFolderAppearsWithEveryFileAndNoTemporarySibling() throws {
        let dir = try TempDir()
        let target = dir.path("out")
        let value = try AtomicFolder.write(to: target, markers: ["summary.json"]) { path -> Int in
            XCTAssertFalse(FileManager.default.fileExists(atPath: target), "the target appeared before the commit")
            XCTAssertTrue(path.hasPrefix(dir.path(".out.tmp-")), path)
            try AtomicFile.write("{}", to: path + "/summary.json")
            try AtomicFile.write("a", to: path + "/a.csv")
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertEqual(files(target), ["a.csv", "summary.json"])
        XCTAssertEqual(files(dir.path), ["out"])
    }

    func testAnEarlierOutputIsReplacedWhole() throws {
        let dir = try TempDir()
        let target = dir.path("out")
        try AtomicFile.createDirectory(target)
        try AtomicFile.write("old", to: target + "/summary.json")
        try AtomicFile.write("old", to: target + "/timeseries-gone.csv")
        try AtomicFolder.write(to: target + "/", markers: ["summary.json"]) { path in
            XCTAssertEqual(self.text(target + "/summary.json"), "old", "the old folder must stay until the commit")
            try AtomicFile.write("new", to: path + "/summary.json")
        }
        XCTAssertEqual(files(target), ["summary.json"], "a file of the earlier run survived")
        XCTAssertEqual(text(target + "/summary.json"), "new")
        XCTAssertEqual(files(dir.path), ["out"], "the previous folder was not removed")
    }

    func testAFailureLeavesTheTargetAsItWas() throws {
        struct Stop: Error {}
        let dir = try TempDir()
        let target = dir.path("out")
        try AtomicFile.createDirectory(target)
        try AtomicFile.write("old", to: target + "/summary.json")
        XCTAssertThrowsError(try AtomicFolder.write(to: target, markers: ["summary.json"]) { path in
            try AtomicFile.write("new", to: path + "/summary.json")
            throw Stop()
        })
        XCTAssertEqual(text(target + "/summary.json"), "old")
        XCTAssertEqual(files(dir.path), ["out"], "the temporary folder was left behind")
    }

    func testAFolderOfOtherFilesIsNotReplaced() throws {
        let dir = try TempDir()
        let target = dir.path("home")
        try AtomicFile.createDirectory(target)
        try AtomicFile.write("mine", to: target + "/notes.txt")
        XCTAssertThrowsError(try AtomicFolder.begin(replacing: target, markers: ["summary.json"])) { error in
            XCTAssertTrue("\(error)".contains("summary.json"), "\(error)")
        }
        XCTAssertEqual(files(target), ["notes.txt"])
        XCTAssertEqual(files(dir.path), ["home"])
        // An empty folder, or a file in the way.
        try AtomicFile.createDirectory(dir.path("empty"))
        try AtomicFolder.write(to: dir.path("empty"), markers: ["summary.json"]) { try AtomicFile.write("x", to: $0 + "/summary.json") }
        XCTAssertEqual(files(dir.path("empty")), ["summary.json"])
        try AtomicFile.write("plain", to: dir.path("file"))
        XCTAssertThrowsError(try AtomicFolder.begin(replacing: dir.path("file"), markers: []))
        XCTAssertEqual(text(dir.path("file")), "plain")
    }

    func testStaleTemporarySiblingsAreRemovedAndFreshOnesKept() throws {
        let dir = try TempDir()
        let stale = dir.path(".out.tmp-stale1"), fresh = dir.path(".out.tmp-fresh1"), other = dir.path(".other.tmp-stale2")
        for folder in [stale, fresh, other] { try AtomicFile.createDirectory(folder) }
        let twoHoursAgo = Date(timeIntervalSinceNow: -2 * AtomicFolder.staleAge)
        for folder in [stale, other] {
            try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: folder)
        }
        try AtomicFolder.write(to: dir.path("out"), markers: ["summary.json"]) { _ in }
        XCTAssertEqual(files(dir.path), [".other.tmp-stale2", ".out.tmp-fresh1", "out"])
    }

    func testParentsAreCreated() throws {
        let dir = try TempDir()
        let target = dir.path("a/b/out")
        try AtomicFolder.write(to: target, markers: []) { try AtomicFile.write("x", to: $0 + "/f") }
        XCTAssertEqual(files(target), ["f"])
    }
}
