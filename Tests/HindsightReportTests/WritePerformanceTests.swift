import HindsightTestSupport
import Foundation
import HindsightReport
import HindsightTrace
import XCTest

/// 30 days at 15 s with three policies: the time series files must write in well under
/// a second in a release build (asserted only there; debug builds just print the times).
final class WritePerformanceTests: XCTestCase {
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func testThirtyDaysOfTimeSeriesWriteFast() throws {
        let result = Fixtures.result(days: 30, stepSeconds: 15)
        let folder = try temporaryFolder()
        try AtomicFile.createDirectory(folder)

        // Thread CPU time, so other processes on a busy machine do not count.
        var cpu = Self.threadCPUSeconds()
        var files: [[UInt8]] = []
        for run in result.runs { files.append(TimeseriesCSV.render(run.series)) }
        let render = Self.threadCPUSeconds() - cpu
        cpu = Self.threadCPUSeconds()
        for (run, data) in zip(result.runs, files) {
            try AtomicFile.write(data, to: "\(folder)/timeseries-\(run.policyFileName).csv")
        }
        let write = Self.threadCPUSeconds() - cpu
        let bytes = files.reduce(0) { $0 + $1.count }
        var clock = ContinuousClock.now
        let html = HTMLReport.render(result)
        let report = ContinuousClock.now - clock
        clock = .now
        try ReportWriter.writeAll(result, to: folder + "/all")
        let all = ContinuousClock.now - clock
        print("timeseries: 3 × 172,800 rows, \(bytes) bytes: render \(render) s CPU, write \(write) s CPU;"
              + " report.html \(html.utf8.count) bytes in \(report); writeAll \(all) (wall)")
        XCTAssertGreaterThan(bytes, 3 * 172_800 * 40)
        #if !DEBUG
        XCTAssertLessThan(render + write, 1.0)
        #endif
    }
}
