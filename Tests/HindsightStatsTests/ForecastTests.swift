import XCTest
import HindsightStats

final class ForecastTests: XCTestCase {
    func testEWMAStepResponse() {
        // x = 0, 1, 1, 1, …: y_t = 1 − (1 − α)^t.
        let a = 0.1
        let x = [0.0] + [Double](repeating: 1, count: 50)
        let y = Smoothing.ewma(x, alpha: a)
        for t in 0..<x.count {
            XCTAssertEqual(y[t], 1 - pow(1 - a, Double(t)), accuracy: 1e-13, "t=\(t)")
        }
        XCTAssertEqual(Forecast.ewma(x, alpha: a), y[y.count - 1], accuracy: 1e-13)
        XCTAssertEqual(Smoothing.ewma([], alpha: 0.5), [])
        for v in Smoothing.ewma([Double](repeating: 3, count: 13), alpha: 0.3) {
            XCTAssertEqual(v, 3, accuracy: 1e-14)
        }
    }

    func testLinearTrendOnExactLine() {
        let x = (0..<100).map { 3 + 2 * Double($0) }
        XCTAssertEqual(Forecast.linearTrend(x, horizon: 1), 3 + 2 * 100, accuracy: 1e-9)
        XCTAssertEqual(Forecast.linearTrend(x, horizon: 10), 3 + 2 * 109, accuracy: 1e-9)
        let fit = Forecast.linearFit(x)
        XCTAssertEqual(fit.intercept, 3, accuracy: 1e-9)
        XCTAssertEqual(fit.slope, 2, accuracy: 1e-12)
        XCTAssertTrue(Forecast.linearTrend([], horizon: 1).isNaN)
        XCTAssertEqual(Forecast.linearTrend([4], horizon: 3), 4)
    }

    func testSeasonalNaive() {
        let x: [Double] = [1, 2, 3, 4, 10, 20, 30, 40]
        XCTAssertEqual(Forecast.seasonalNaive(x, seasonLength: 4, horizon: 1), 10)
        XCTAssertEqual(Forecast.seasonalNaive(x, seasonLength: 4, horizon: 4), 40)
        XCTAssertEqual(Forecast.seasonalNaive(x, seasonLength: 4, horizon: 6), 20)
        XCTAssertEqual(Forecast.seasonalNaive([5, 6], seasonLength: 4, horizon: 1), 6)
    }

    func testHoltWintersOnPurelyPeriodicSeriesIsExact() {
        // x_t = s[t mod m]: level stays at the season mean, trend 0, seasons exact, so the
        // forecast equals the value one season back, for any α, β, γ.
        let s: [Double] = [5, 9, 2, 7, 1, 6]
        let x = (0..<60).map { s[$0 % s.count] }
        for h in 1...12 {
            let f = Forecast.holtWinters(x, seasonLength: 6, alpha: 0.5, beta: 0.3, gamma: 0.2, horizon: h)
            XCTAssertEqual(f, s[(60 + h - 1) % 6], accuracy: 1e-9, "h=\(h)")
        }
        let c = [Double](repeating: 4.5, count: 30)
        XCTAssertEqual(Forecast.holtWinters(c, seasonLength: 5, alpha: 0.4, beta: 0.1, gamma: 0.3, horizon: 7), 4.5,
                       accuracy: 1e-12)
    }

    func testHoltWintersFollowsTrendPlusSeason() {
        // Trend 0.5/step plus season; with smoothing the forecast error stays small.
        let s: [Double] = [3, -1, -2, 0]
        let x = (0..<200).map { 10 + 0.5 * Double($0) + s[$0 % 4] }
        let f = Forecast.holtWinters(x, seasonLength: 4, alpha: 0.5, beta: 0.5, gamma: 0.5, horizon: 2)
        XCTAssertEqual(f, 10 + 0.5 * 201 + s[201 % 4], accuracy: 1e-6)
    }
}
