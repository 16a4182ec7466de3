import Foundation
import XCTest
import HindsightStats

/// Scores the robust rolling z-score detector on NAB realAWSCloudwatch against the labelled
/// windows and prints a Markdown table (the numbers in bench/README.md come from here).
final class NABAnomalyTests: XCTestCase {
    static let window = 288  // one day of 5-minute samples
    static let threshold = 5.0

    func testPrecisionRecallPerFile() throws {
        guard let labels = try NAB.windows() else { throw XCTSkip("NAB labels not found") }
        let dir = NAB.root.appendingPathComponent("data/realAWSCloudwatch")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted()
        guard !files.isEmpty else { throw XCTSkip("NAB data not found") }
        var lines = ["| file | rows | flagged | in a window | precision | windows | detected | recall |",
                     "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        var totalFlagged = 0, totalTP = 0, totalWindows = 0, totalDetected = 0
        for file in files {
            guard let (t, x) = try NAB.load("realAWSCloudwatch/" + file) else { continue }
            let r = AnomalyDetector.robustZScore(x, window: Self.window, threshold: Self.threshold)
            let w = labels["realAWSCloudwatch/" + file] ?? []
            let e = AnomalyEvaluation(flaggedTimes: r.flagged.map { t[$0] }, windows: w)
            // Independent recount of the true positives.
            let tp = r.flagged.filter { i in w.contains { t[i] >= $0.start && t[i] <= $0.end } }.count
            XCTAssertEqual(e.truePositives, tp)
            XCTAssertTrue(r.flagged.allSatisfy { abs(r.scores[$0]) > Self.threshold })
            totalFlagged += e.flagged
            totalTP += e.truePositives
            totalWindows += e.windows
            totalDetected += e.windowsDetected
            func pct(_ v: Double) -> String { v.isNaN ? "–" : String(format: "%.2f", v) }
            lines.append("| \(file) | \(x.count) | \(e.flagged) | \(e.truePositives) | \(pct(e.precision)) | "
                + "\(e.windows) | \(e.windowsDetected) | \(pct(e.recall)) |")
        }
        let p = totalFlagged > 0 ? Double(totalTP) / Double(totalFlagged) : .nan
        let rc = totalWindows > 0 ? Double(totalDetected) / Double(totalWindows) : .nan
        lines.append(String(format: "| **all %d files** | | %d | %d | %.2f | %d | %d | %.2f |",
                            files.count, totalFlagged, totalTP, p, totalWindows, totalDetected, rc))
        print("NAB robust z-score (window \(Self.window), |z| > \(Self.threshold)):\n" + lines.joined(separator: "\n"))
        XCTAssertEqual(files.count, 17)
        XCTAssertGreaterThan(totalWindows, 0)
    }
}
