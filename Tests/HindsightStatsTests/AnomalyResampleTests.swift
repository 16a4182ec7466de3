import XCTest
import HindsightStats

final class AnomalyResampleTests: XCTestCase {
    func testSpikeIsFlaggedAndNothingElse() {
        var rng = SeededGenerator(seed: 2)
        var x = rng.gaussians(count: 400, mean: 10, std: 1)
        x[300] = 40
        let r = AnomalyDetector.robustZScore(x, window: 50, threshold: 6)
        XCTAssertEqual(r.flagged, [300])
        XCTAssertTrue(r.scores[0..<50].allSatisfy(\.isNaN))
        XCTAssertGreaterThan(r.scores[300], 6)
    }

    func testScoreMatchesHandComputedMedianAndMAD() {
        // Reference window [1, 2, 3, 4, 100]: median 3, |dev| = [2,1,0,1,97] → MAD 1.
        let x: [Double] = [1, 2, 3, 4, 100, 9]
        let r = AnomalyDetector.robustZScore(x, window: 5, threshold: 3)
        XCTAssertEqual(r.scores[5], (9 - 3) / 1.4826, accuracy: 1e-12)
        XCTAssertEqual(r.flagged, [5])
        // Even window [1, 2, 3, 4]: median 2.5, |dev| = [1.5, .5, .5, 1.5] → MAD 1.
        let y: [Double] = [1, 2, 3, 4, 2.5]
        XCTAssertEqual(AnomalyDetector.robustZScore(y, window: 4, threshold: 3).scores[4], 0)
        let z: [Double] = [4, 1, 3, 2, 6.5]
        XCTAssertEqual(AnomalyDetector.robustZScore(z, window: 4, threshold: 3).scores[4], 4 / 1.4826, accuracy: 1e-12)
    }

    func testZeroMADFallsBackToMeanAbsoluteDeviation() {
        // Window [5,5,5,5,9]: MAD 0, mean |dev| = 4/5 → scale 1.2533·0.8.
        let x: [Double] = [5, 5, 5, 5, 9, 7]
        let r = AnomalyDetector.robustZScore(x, window: 5, threshold: 100)
        XCTAssertEqual(r.scores[5], 2 / (1.2533 * 0.8), accuracy: 1e-12)
        let c: [Double] = [1, 1, 1, 1, 2]
        XCTAssertEqual(AnomalyDetector.robustZScore(c, window: 4, threshold: 3).scores[4], .infinity)
    }

    func testEvaluation() {
        let e = AnomalyEvaluation(flaggedTimes: [5, 15, 25, 100], windows: [(10, 20), (24, 30), (50, 60)])
        XCTAssertEqual(e.truePositives, 2)
        XCTAssertEqual(e.precision, 0.5)
        XCTAssertEqual(e.windowsDetected, 2)
        XCTAssertEqual(e.recall, 2.0 / 3.0, accuracy: 1e-15)
        XCTAssertTrue(AnomalyEvaluation(flaggedTimes: [], windows: []).precision.isNaN)
    }

    func testBucketAggregation() {
        let t: [Int64] = [1000, 500, 2500, 2999, 2000, 9000, -5]
        let v: [Double] = [1, 2, 3, 4, 5, 6, 7]
        func agg(_ a: Resample.Aggregation) -> [Double] {
            Resample.buckets(timestamps: t, values: v, start: 0, step: 1000, buckets: 4, a)
        }
        assertSeries(agg(.mean), [2, 1, 4, .nan])
        assertSeries(agg(.sum), [2, 1, 12, 0])
        assertSeries(agg(.count), [1, 1, 3, 0])
        assertSeries(agg(.max), [2, 1, 5, .nan])
        assertSeries(agg(.min), [2, 1, 3, .nan])
        assertSeries(agg(.last), [2, 1, 4, .nan])
    }

    func testMinMaxDownsampleKeepsEnvelope() {
        var rng = SeededGenerator(seed: 6)
        let x = rng.gaussians(count: 10_000)
        let keep = Resample.minMaxIndices(x, buckets: 100)
        XCTAssertLessThanOrEqual(keep.count, 200)
        XCTAssertEqual(keep, keep.sorted())
        XCTAssertEqual(keep.map { x[$0] }.max(), x.max())
        XCTAssertEqual(keep.map { x[$0] }.min(), x.min())
        for b in 0..<100 {
            let run = Array(x[(b * 100)..<((b + 1) * 100)])
            let kept = keep.filter { $0 / 100 == b }.map { x[$0] }
            XCTAssertEqual(kept.max(), run.max())
            XCTAssertEqual(kept.min(), run.min())
        }
        XCTAssertEqual(Resample.minMaxIndices([1, 2, 3], buckets: 2), [0, 1, 2])
    }

    func testStatsOpRunner() throws {
        XCTAssertThrowsError(try StatsOp.parse("rolling-median")) { e in
            XCTAssertTrue("\(e)".contains("expected one of summary"))
        }
        XCTAssertThrowsError(try StatsOp.parse("rolling-quantile", q: 1.5))
        XCTAssertThrowsError(try StatsOp.parse("ewma", alpha: 0))
        XCTAssertThrowsError(try StatsOp.rollingMean.run(values: [1, .nan, 3], window: .count(2)))
        XCTAssertThrowsError(try StatsOp.rollingMean.run(values: [1, 2, 3]))
        XCTAssertThrowsError(try StatsOp.rollingMean.run(values: [1, 2, 3], window: .duration(ms: 1000)))
        XCTAssertThrowsError(try StatsOp.rollingMean.run(values: [1, 2], timestamps: [5, 4], window: .duration(ms: 1)))
        guard case .series(let s) = try StatsOp.parse("rolling-mean").run(values: [1, 2, 3, 4], window: .count(2)) else {
            return XCTFail("expected a series")
        }
        assertSeries(s, [.nan, 1.5, 2.5, 3.5])
        guard case .summary(let sum) = try StatsOp.summary.run(values: [1, 2, 3, 4]) else {
            return XCTFail("expected a summary")
        }
        XCTAssertEqual(sum.count, 4)
        XCTAssertEqual(sum.p50, 2.5)
        XCTAssertEqual(sum.std, (5.0 / 3.0).squareRoot(), accuracy: 1e-15)
        XCTAssertTrue(sum.json.hasPrefix("{\"count\": 4, \"mean\": 2.5, "))
        guard case .series(let d) = try StatsOp.rollingMax.run(
            values: [1, 5, 2, 3], timestamps: [0, 1000, 2000, 3000], window: .duration(ms: 2000)) else {
            return XCTFail("expected a series")
        }
        assertSeries(d, [.nan, .nan, 5, 3])
    }
}
