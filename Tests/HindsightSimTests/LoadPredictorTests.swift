@testable import HindsightSim
import XCTest

/// Closed-form cases of the online predictors behind `aiAgent.modelRef`.
final class LoadPredictorTests: XCTestCase {
    func testLinearExtrapolatesARampExactly() {
        var p = LoadPredictor(model: .linear(window: 10))
        for k in 0..<30 { p.update(3 + 2 * Double(k)) }  // last value at k = 29: 61
        XCTAssertEqual(p.forecast(ahead: 5) ?? .nan, 3 + 2 * 34, accuracy: 1e-9)
    }

    func testEWMAIsTheRecurrence() {
        var p = LoadPredictor(model: .ewma(alpha: 0.5))
        for x in [4.0, 8, 0] { p.update(x) }
        // y0 = 4, y1 = 6, y2 = 3.
        XCTAssertEqual(p.forecast(ahead: 3) ?? .nan, 3, accuracy: 1e-12)
    }

    func testSeasonalNaiveRepeatsLastSeason() {
        var p = LoadPredictor(model: .seasonalNaive(season: 4))
        let season = [1.0, 5, 9, 2]
        for k in 0..<10 { p.update(season[k % 4]) }  // newest is k = 9 (phase 1)
        XCTAssertEqual(p.forecast(ahead: 1), 9)  // phase 2
        XCTAssertEqual(p.forecast(ahead: 3), 1)  // phase 0
        XCTAssertEqual(p.forecast(ahead: 6), 2)  // t = 15, phase 3, beyond one season
    }

    func testHoltWintersLearnsAPureSeasonPlusTrend() {
        // x_t = 100 + 0.5 t + season[t mod 6]; additive HW started from two seasons
        // reproduces it exactly, whatever the smoothing constants.
        let season = [10.0, -4, 6, -12, 3, -3]
        func x(_ t: Int) -> Double { 100 + 0.5 * Double(t) + season[t % 6] }
        var p = LoadPredictor(model: .holtWinters(season: 6, alpha: 0.4, beta: 0.2, gamma: 0.3))
        for t in 0..<40 { p.update(x(t)) }
        for k in 1...8 {
            XCTAssertEqual(p.forecast(ahead: k) ?? .nan, x(39 + k), accuracy: 1e-9, "k = \(k)")
        }
    }

    func testWarmUpFallsBackToLastValue() {
        var p = LoadPredictor(model: .holtWinters(season: 6, alpha: 0.4, beta: 0.2, gamma: 0.3))
        XCTAssertNil(p.forecast(ahead: 1))
        p.update(7)
        XCTAssertEqual(p.forecast(ahead: 3), 7)
    }
}
