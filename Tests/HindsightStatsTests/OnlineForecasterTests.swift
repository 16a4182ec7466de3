import HindsightStats
import XCTest

/// The online forecasters, on hand-worked cases and against their closed forms.
final class OnlineForecasterTests: XCTestCase {
    func testLeastSquaresLineByHand() {
        // (0, 1), (1, 3), (2, 2): n = 3, Σx = 3, Σy = 6, Σx² = 5, Σxy = 7 →
        // b = (3·7 − 3·6)/(3·5 − 9) = 0.5, a = (6 − 1.5)/3 = 1.5.
        var line = LeastSquaresLine()
        for (x, y) in [(0.0, 1.0), (1, 3), (2, 2)] { line.add(x: x, y: y) }
        XCTAssertEqual(line.count, 3)
        XCTAssertEqual(line.slope, 0.5)
        XCTAssertEqual(line.intercept, 1.5)
        XCTAssertEqual(line.value(at: 3), 3)
        var flat = LeastSquaresLine()
        flat.add(x: 4, y: 2); flat.add(x: 4, y: 6)
        XCTAssertEqual(flat.slope, 0, "no spread in x: slope 0")
        XCTAssertEqual(flat.intercept, 4, "the mean of y")
    }

    func testRecentValuesKeepsTheLastCapacityByPosition() {
        var r = RecentValues(capacity: 3)
        for x in [1.0, 2, 3, 4, 5] { r.append(x) }
        XCTAssertEqual(r.count, 5)
        XCTAssertEqual(r.kept, 3)
        XCTAssertEqual([r[2], r[3], r[4]], [3, 4, 5])
    }

    func testEWMAForecasterIsTheRecurrence() {
        var f = EWMAForecaster(alpha: 0.5)
        XCTAssertNil(f.forecast())
        for x in [4.0, 8, 0] { f.update(x) }
        // 4 → 0.5·8 + 0.5·4 = 6 → 0.5·0 + 0.5·6 = 3.
        XCTAssertEqual(f.forecast(), 3)
        XCTAssertEqual(f.count, 3)
    }

    func testLinearTrendUsesOnlyTheWindow() {
        var f = RecentValues(capacity: 3)
        f.append(100)
        XCTAssertNil(f.linearTrend(ahead: 1), "one value is no line")
        // After 100, 1, 2, 3 the window holds 1, 2, 3: slope 1, so 3 + h.
        for x in [1.0, 2, 3] { f.append(x) }
        XCTAssertEqual(f.linearTrend(ahead: 1) ?? .nan, 4, accuracy: 1e-12)
        XCTAssertEqual(f.linearTrend(ahead: 7) ?? .nan, 10, accuracy: 1e-12)
    }

    func testSeasonalNaiveRingMatchesHistoryIndex() {
        let x: [Double] = [1, 2, 3, 4, 10, 20, 30, 40, 50]
        var f = RecentValues(capacity: 4)
        for (n, v) in x.enumerated() {
            f.append(v)
            for h in 1...9 {
                let expected = n + 1 < 4 ? nil : x[n + 1 - 4 + (h - 1) % 4]
                XCTAssertEqual(f.seasonalNaive(ahead: h), expected, "n=\(n + 1) h=\(h)")
            }
        }
    }

    func testHoltWintersClassicalStartByHand() {
        // Season 2, values 1, 5, 3, 7: season means 3 and 5 → trend 1; offsets ∓0.5;
        // s₀ = ((1 − 3 + 0.5) + (3 − 5 + 0.5))/2 = −1.5, s₁ = +1.5; level = 5 + 0.5 = 5.5.
        var f = HoltWintersForecaster(season: 2, alpha: 0.7, beta: 0.2, gamma: 0.4)
        for x in [1.0, 5, 3] {
            f.update(x)
            XCTAssertNil(f.forecast(ahead: 1), "not started before two seasons")
        }
        f.update(7)
        XCTAssertTrue(f.isStarted)
        XCTAssertEqual(f.forecast(ahead: 1), 5.5 + 1 - 1.5)
        XCTAssertEqual(f.forecast(ahead: 2), 5.5 + 2 + 1.5)
        XCTAssertEqual(f.forecast(ahead: 3), 5.5 + 3 - 1.5)
        // The series continues exactly (x = 5 at phase 0): every smoothing term agrees.
        f.update(5)
        XCTAssertEqual(f.forecast(ahead: 1) ?? .nan, 6.5 + 1 + 1.5, accuracy: 1e-12)
    }

    func testBatchForecastsAreTheOnlineOnesFedTheHistory() {
        var rng = SeededGenerator(seed: 31)
        let x = (0..<200).map { 50 + 10 * sin(Double($0) / 4) + rng.nextGaussian() }
        var e = EWMAForecaster(alpha: 0.2)
        var l = RecentValues(capacity: x.count)
        var h = HoltWintersForecaster(season: 25, alpha: 0.3, beta: 0.05, gamma: 0.2)
        for v in x { e.update(v); l.append(v); h.update(v) }
        XCTAssertEqual(Forecast.ewma(x, alpha: 0.2), e.forecast())
        XCTAssertEqual(Forecast.linearTrend(x, horizon: 3), l.linearTrend(ahead: 3))
        XCTAssertEqual(Forecast.holtWinters(x, seasonLength: 25, alpha: 0.3, beta: 0.05, gamma: 0.2, horizon: 4),
                       h.forecast(ahead: 4))
        // The vectorized series kernel agrees with the recurrence to rounding.
        XCTAssertEqual(Smoothing.ewma(x, alpha: 0.2).last ?? .nan, e.level, accuracy: 1e-12 * abs(e.level))
    }
}
