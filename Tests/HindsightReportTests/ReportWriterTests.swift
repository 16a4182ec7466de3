import HindsightTestSupport
import Foundation
@testable import HindsightReport
import HindsightSim
import XCTest

final class ReportWriterTests: XCTestCase {
    func testWritesEveryFileAtomically() throws {
        let folder = try temporaryFolder() + "/out/"
        var result = SmallResult.twoPolicies(otherName: "HPA v2/Tuned")
        let paths = try ReportWriter.writeAll(result, to: folder)
        let base = String(folder.dropLast())
        XCTAssertEqual(paths, [
            "summary.json", "summary.csv", "timeseries-observed.csv", "decisions-observed.csv",
            "timeseries-hpa-v2-tuned.csv", "decisions-hpa-v2-tuned.csv", "report.html", "summary.md",
        ].map { base + "/" + $0 })
        for path in paths { XCTAssertTrue(FileManager.default.fileExists(atPath: path), path) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base).count, 8, "no temporary files left")
        XCTAssertEqual(try String(contentsOfFile: base + "/summary.md", encoding: .utf8), MarkdownSummary.render(result))
        // Time series are rendered concurrently; each file must hold its own run.
        result.runs[1].series = SmallResult.series(steps: 5)
        try ReportWriter.writeAll(result, to: base)
        for (run, name) in zip(result.runs, ["observed", "hpa-v2-tuned"]) {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: base + "/timeseries-\(name).csv"))
            XCTAssertEqual([UInt8](data), TimeseriesCSV.render(run.series))
            let decisions = try XCTUnwrap(FileManager.default.contents(atPath: base + "/decisions-\(name).csv"))
            XCTAssertEqual([UInt8](decisions), DecisionsCSV.render(run.decisions))
        }

        // A second run replaces the files.
        result.scenario.name = "second"
        try ReportWriter.writeAll(result, to: base)
        XCTAssertEqual(try String(contentsOfFile: base + "/summary.json", encoding: .utf8), SummaryJSON.render(result))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base).count, 8)
    }

    func testRepeatedFileNamesGetSuffixes() {
        var result = SmallResult.twoPolicies()
        result.runs.append(result.runs[0])
        result.runs[1].policyFileName = "observed"
        result.runs[2].policyFileName = ""
        XCTAssertEqual(ReportWriter.fileNames(result.runs), ["observed", "observed-2", "policy"])
        result.runs[2].policyFileName = "../Evil"
        XCTAssertEqual(ReportWriter.fileNames(result.runs).last, "..--vil")
    }
}
