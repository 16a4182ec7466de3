import XCTest
@testable import HindsightTrace

final class ResamplerTests: XCTestCase {
    private func raw(_ seconds: [Int64], _ columns: [String: [Double]]) -> RawTrace {
        RawTrace(times: seconds.map { $0 * 1000 }, columns: columns, source: "mem")
    }
    private func spec(_ configure: (inout TraceSpec) -> Void = { _ in }) -> TraceSpec {
        var s = TraceSpec(source: .file("mem"))
        configure(&s)
        return s
    }
    private func assertSeries(_ actual: [Double]?, _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("series missing", file: file, line: line) }
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) {
            if e.isNaN { XCTAssertTrue(a.isNaN, "\(actual)", file: file, line: line) } else { XCTAssertEqual(a, e, "\(actual)", file: file, line: line) }
        }
    }

    func testMedianStepHoldWithinMaxGapMissingBeyond() throws {
        // Spacings 10,10,10,70,10 → median step 10 s, maxGap 50 s: the 70 s gap is missing
        // except the step that holds the sample at 30 s.
        let trace = try Resampler.resample(raw([0, 10, 20, 30, 100, 110], ["rps": [1, 2, 3, 4, 5, 6]]), spec: spec())
        XCTAssertEqual(trace.start, .epoch)
        XCTAssertEqual(trace.step, .seconds(10))
        XCTAssertEqual(trace.count, 12)
        let n = Double.nan
        assertSeries(trace.series["rps"], [1, 2, 3, 4, n, n, n, n, n, n, 5, 6])
        // A maxGap of 80 s bridges it.
        let bridged = try Resampler.resample(raw([0, 10, 20, 30, 100, 110], ["rps": [1, 2, 3, 4, 5, 6]]),
                                             spec: spec { $0.maxGap = .seconds(80) })
        assertSeries(bridged.series["rps"], [1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 5, 6])
    }

    func testExplicitStepHoldsLatestSampleAtOrBefore() throws {
        let trace = try Resampler.resample(raw([0, 10, 20, 30], ["cpu": [1, 2, 3, 4]]), spec: spec { $0.step = .seconds(15) })
        XCTAssertEqual(trace.count, 3)      // 0, 15, 30
        assertSeries(trace.series["cpu"], [1, 2, 4])
        XCTAssertEqual(trace.end, SimInstant(unixSeconds: 45))
    }

    func testEmptyCellsAreNotSamplesGapsArePerSeries() throws {
        let n = Double.nan
        let trace = try Resampler.resample(raw([0, 10, 20, 30, 40, 50, 60, 70, 80],
                                               ["rps": [1, n, n, n, n, n, n, 2, n], "cpu": [1, 2, 3, 4, 5, 6, 7, 8, 9]]),
                                           spec: spec())
        // rps: gap 0 → 70 s > 50 s: only step 0 holds; 70 s holds to the end (80 − 70 ≤ 50).
        assertSeries(trace.series["rps"], [1, n, n, n, n, n, n, 2, 2])
        assertSeries(trace.series["cpu"], [1, 2, 3, 4, 5, 6, 7, 8, 9])
    }

    func testScaleAndWindow() throws {
        let trace = try Resampler.resample(raw([0, 10, 20, 30, 40], ["rps": [1, 2, 3, 4, 5], "cpu": [1, 1, 1, 1, 1]]),
                                           spec: spec { $0.scale = ["rps": 2]; $0.from = SimInstant(unixSeconds: 10); $0.to = SimInstant(unixSeconds: 40) })
        XCTAssertEqual(trace.start, SimInstant(unixSeconds: 10))
        XCTAssertEqual(trace.count, 3)
        assertSeries(trace.series["rps"], [4, 6, 8])
        assertSeries(trace.series["cpu"], [1, 1, 1])
        XCTAssertThrowsError(try Resampler.resample(raw([0, 10], ["rps": [1, 2]]), spec: spec { $0.from = SimInstant(unixSeconds: 50) })) {
            XCTAssertTrue("\($0)".contains("no samples fall in the window"), "\($0)")
        }
    }

    func testMappingDefaultsMayBeAbsentExplicitOnesMustExist() throws {
        let data = raw([0, 10], ["requests": [1, 2], "queue_depth": [5, 6], "rps": [9, 9]])
        var columns = TraceSpec.defaultColumns
        columns["rps"] = "requests"
        columns["queue"] = "queue_depth"
        let trace = try Resampler.resample(data, spec: spec { $0.columns = columns })
        XCTAssertEqual(trace.seriesNames, ["queue", "rps"])
        assertSeries(trace.series["rps"], [1, 2])
        assertSeries(trace.series["queue"], [5, 6])
        columns["cpu"] = "cpu_cores"
        XCTAssertThrowsError(try Resampler.resample(data, spec: spec { $0.columns = columns })) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("maps cpu to \"cpu_cores\""), text)
            XCTAssertTrue(text.contains("\"queue_depth\", \"requests\", \"rps\""), text)
        }
    }

    func testCPUIsNotDerivedHere() throws {
        let trace = try Resampler.resample(raw([0, 10], ["cpu_utilization": [50, 60], "replicas": [2, 2]]), spec: spec())
        XCTAssertEqual(trace.seriesNames, ["cpuUtilization", "replicas"])
    }

    func testSingleSampleNeedsAStep() throws {
        XCTAssertThrowsError(try Resampler.resample(raw([5], ["rps": [1]]), spec: spec())) {
            XCTAssertTrue("\($0)".contains("spec.trace.step"), "\($0)")
        }
        let one = try Resampler.resample(raw([5], ["rps": [1]]), spec: spec { $0.step = .seconds(15) })
        XCTAssertEqual(one.count, 1)
        assertSeries(one.series["rps"], [1])
    }

    func testTooFineAGridIsAnInputError() {
        XCTAssertThrowsError(try Resampler.resample(raw([0, 86_400 * 365 * 10], ["rps": [1, 2]]), spec: spec { $0.step = .milliseconds(1) })) {
            XCTAssertTrue($0 is TraceError)
        }
    }
}
