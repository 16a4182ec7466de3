import XCTest
import HindsightStats

final class RobustRegressionTests: XCTestCase {
    func testExactPlaneIsRecovered() throws {
        // cpu = 0.1 core per pod + 0.004 core per request/s, no noise.
        let pods: [Double] = [3, 4, 4, 5, 6, 8, 8, 10]
        let rps: [Double] = [0, 120, 300, 80, 500, 900, 20, 1200]
        let cpu = zip(pods, rps).map { 0.1 * $0 + 0.004 * $1 }
        let fit = try XCTUnwrap(HuberRegression.fit(x1: pods, x2: rps, y: cpu))
        XCTAssertEqual(fit.b1, 0.1, accuracy: 1e-12)
        XCTAssertEqual(fit.b2, 0.004, accuracy: 1e-14)
    }

    func testSmallResidualsGiveLeastSquares() throws {
        // x1 = 1 is an intercept: ordinary least squares of y on x = 0…3 is
        // slope Sxy/Sxx = 11.5/5 = 2.3 and intercept 4.25 − 2.3·1.5 = 0.8. Residuals
        // 0.2, −0.1, −0.4, 0.3: median |r| 0.25 → scale 0.3707, cut 0.4985 > 0.4, so every
        // weight is 1 and Huber equals least squares.
        let fit = try XCTUnwrap(HuberRegression.fit(x1: [1, 1, 1, 1], x2: [0, 1, 2, 3], y: [1, 3, 5, 8]))
        XCTAssertEqual(fit.b1, 0.8, accuracy: 1e-12)
        XCTAssertEqual(fit.b2, 2.3, accuracy: 1e-12)
    }

    func testOneGrossOutlierHasBoundedInfluence() throws {
        // y = 2 + 0.5x with a ±0.1 alternating wiggle, and one step 100 too high.
        let x = (0..<20).map(Double.init)
        var y = x.enumerated().map { 2 + 0.5 * $0.element + ($0.offset % 2 == 0 ? 0.1 : -0.1) }
        y[10] += 100
        let ones = [Double](repeating: 1, count: 20)
        let fit = try XCTUnwrap(HuberRegression.fit(x1: ones, x2: x, y: y))
        // Least squares, computed here independently: the outlier lifts the intercept by
        // 100/20 minus the slope's share; it is far off.
        let mx = x.reduce(0, +) / 20, my = y.reduce(0, +) / 20
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let olsIntercept = my - sxy / sxx * mx
        XCTAssertGreaterThan(abs(olsIntercept - 2), 4)
        XCTAssertEqual(fit.b1, 2, accuracy: 0.15)
        XCTAssertEqual(fit.b2, 0.5, accuracy: 0.015)
    }

    func testDegenerateInputs() {
        XCTAssertNil(HuberRegression.fit(x1: [1], x2: [2], y: [3]))
        XCTAssertNil(HuberRegression.fit(x1: [1, 2, 3], x2: [2, 4, 6], y: [1, 2, 3]), "collinear regressors")
        // NaN rows are skipped: two finite rows still determine the plane.
        let fit = try? XCTUnwrap(HuberRegression.fit(x1: [1, .nan, 0], x2: [0, 1, 1], y: [2, 5, 3]))
        XCTAssertEqual(fit?.b1 ?? .nan, 2, accuracy: 1e-12)
        XCTAssertEqual(fit?.b2 ?? .nan, 3, accuracy: 1e-12)
    }

    func testWeightedMedian() {
        XCTAssertEqual(WeightedMedian.of([3, 1, 2], weights: [1, 1, 1]), 2)
        XCTAssertEqual(WeightedMedian.of([1, 2, 3], weights: [1, 1, 5]), 3)
        XCTAssertEqual(WeightedMedian.of([1, 2, 3, 4], weights: [1, 1, 1, 1]), 2, "the lower of two middles")
        XCTAssertNil(WeightedMedian.of([.nan, 1], weights: [1, 0]))
        // Least MAPE constant of {1, 2, 100}: weights 1, 0.5, 0.01 (total 1.51) → 1 already
        // holds 1 ≥ 0.755. Check by hand: MAPE(1) = (0 + 0.5 + 0.99)/3, MAPE(2) = (1 + 0 + 0.98)/3.
        XCTAssertEqual(WeightedMedian.leastPercentageError([2, 100, 1, -5]), 1)
        XCTAssertNil(WeightedMedian.leastPercentageError([0, -1]))
    }
}
