import HindsightTestSupport
import Foundation
@testable import HindsightTrace
import XCTest

final class AtomicFileTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder() + "/atomic"
    }

    func testCreatesFoldersWritesAndReplacesWithoutLeftovers() throws {
        let nested = folder + "/a/b"
        try AtomicFile.createDirectory(nested)
        try AtomicFile.createDirectory(nested)  // existing is fine
        let path = nested + "/out.txt"
        try AtomicFile.write("first version, longer than the second\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "first version, longer than the second\n")
        try AtomicFile.write("second\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second\n")
        try AtomicFile.write([UInt8](), to: nested + "/empty", durable: true)
        try AtomicFile.write("durable\n", to: path, durable: true)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "durable\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: nested).sorted(), ["empty", "out.txt"])
    }

    func testFailureThrowsNamingThePathAndLeavesNothing() throws {
        try AtomicFile.createDirectory(folder)
        let missing = folder + "/no-such-folder/file.txt"
        XCTAssertThrowsError(try AtomicFile.write("x", to: missing)) { error in
            guard let e = error as? FileWriteError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(e.path, missing)
            XCTAssertTrue(e.description.hasPrefix(missing + ": cannot write: "), e.description)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testCreateDirectoryOverAFileFails() throws {
        try AtomicFile.createDirectory(folder)
        try AtomicFile.write("x", to: folder + "/file")
        XCTAssertThrowsError(try AtomicFile.createDirectory(folder + "/file/sub")) { error in
            XCTAssertTrue(error is FileWriteError)
        }
    }

    func testTemporaryNameIsHiddenInTheSameFolder() {
        let temp = AtomicFile.temporaryPath(for: "/a/b/report.html")
        XCTAssertTrue(temp.hasPrefix("/a/b/.report.html.tmp-"), temp)
        XCTAssertTrue(AtomicFile.temporaryPath(for: "x.csv").hasPrefix(".x.csv.tmp-"))
    }
}
