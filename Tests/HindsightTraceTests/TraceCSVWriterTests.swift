import HindsightTestSupport
import XCTest
@testable import HindsightTrace

final class TraceCSVWriterTests: XCTestCase {
    func testRenderIsReadBackUnchanged() throws {
        let raw = RawTrace(times: [-1500, 0, 1_767_225_600_250, 1_767_225_601_000],
                           columns: ["rps": [1, .nan, 0.1, 123456.789], "a,b": [3, 4, 5, 1e-7]], source: "x")
        let bytes = TraceCSVWriter.render(raw, columns: ["rps", "a,b"])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text, "timestamp,rps,\"a,b\"\n-1.5,1,3\n0,,4\n1767225600.25,0.1,5\n1767225601,123456.789,1e-07\n")
        let back = try TraceCSV.read(bytes: bytes, file: "w.csv", timeColumn: "timestamp")
        XCTAssertEqual(back.times, raw.times)
        XCTAssertEqual(back.columns["a,b"], raw.columns["a,b"])
        XCTAssertEqual(back.columns["rps"]?.map(\.bitPattern), raw.columns["rps"]?.map(\.bitPattern))
    }

    func testWriteIsAtomicAndLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let path = folder + "/out.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let raw = SyntheticLoad.generate(pattern: .diurnal, days: 0.01, step: 60_000, seed: 1)
        try TraceCSVWriter.write(raw, columns: ["rps", "cpu", "replicas"], to: path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["out.csv"])
        let back = try TraceCSV.read(path: path, timeColumn: "timestamp")
        XCTAssertEqual(back, RawTrace(times: raw.times, columns: raw.columns, source: path))
        XCTAssertThrowsError(try TraceCSVWriter.write(raw, to: folder + "/missing/out.csv")) { error in
            XCTAssertEqual((error as? FileWriteError)?.path, folder + "/missing/out.csv", "\(error)")
        }
    }
}
