import HindsightStats
import XCTest

/// Min/max bucketing for charts, by hand and on a month of samples with one spike.
final class MinMaxDownsamplerTests: XCTestCase {
    func testMinMaxBucketsByHand() throws {
        let values: [Double] = [1, 5, 2, .nan, 3, 7, 7, -1, .nan, .nan]
        let times = (0..<10).map { Int64($0) * 1000 }
        let two = MinMaxDownsampler.downsample(times: times, values: values, start: 0, end: 10_000, buckets: 2)
        XCTAssertEqual(two[0], MinMaxBucket(min: 1, max: 5, minIndex: 0, maxIndex: 1, first: 1, last: 3, count: 4))
        XCTAssertEqual(two[1], MinMaxBucket(min: -1, max: 7, minIndex: 7, maxIndex: 5, first: 7, last: -1, count: 3))
        let five = MinMaxDownsampler.downsample(times: times, values: values, start: 0, end: 10_000, buckets: 5)
        XCTAssertNil(five[4], "only NaN there")
        XCTAssertEqual(five[1]?.count, 1, "index 3 is NaN, so only index 2")
        // Outside the range is ignored; degenerate inputs give no crash.
        let shifted = MinMaxDownsampler.downsample(times: times, values: values, start: 5000, end: 7000, buckets: 1)
        XCTAssertEqual(shifted[0]?.count, 2)
        XCTAssertEqual(MinMaxDownsampler.downsample(times: times, values: values, start: 0, end: 0, buckets: 3), [nil, nil, nil])
        XCTAssertEqual(MinMaxDownsampler.downsample(times: times, values: [], start: 0, end: 9, buckets: 0), [])
    }

    func testASingleSpikeSurvivesDownsampling() {
        let n = 172_800
        var values = [Double](repeating: 10, count: n)
        values[123_457] = 1000
        let times = (0..<n).map { Int64($0) * 15_000 }
        let buckets = MinMaxDownsampler.downsample(times: times, values: values, start: 0, end: Int64(n) * 15_000, buckets: 1000)
        let maxima = buckets.compactMap { $0?.max }
        XCTAssertEqual(maxima.count, 1000)
        XCTAssertEqual(maxima.filter { $0 == 1000 }.count, 1)
        XCTAssertEqual(buckets[Int(123_457 * 1000 / n)]?.maxIndex, 123_457)
    }
}
