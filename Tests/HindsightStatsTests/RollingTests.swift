import XCTest
import HindsightStats

/// Brute-force references: every window computed from scratch.
enum Brute {
    static func windows(_ x: [Double], _ w: Int, _ f: ([Double]) -> Double) -> [Double] {
        (0..<x.count).map { i in i + 1 < w ? .nan : f(Array(x[(i + 1 - w)...i])) }
    }
    static func std(_ v: [Double]) -> Double {
        let m = v.reduce(0, +) / Double(v.count)
        return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)).squareRoot()
    }
}

func assertSeries(_ got: [Double], _ want: [Double], rel: Double = 1e-9, abs floor: Double = 1e-12,
                  _ msg: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(got.count, want.count, msg, file: file, line: line)
    for i in 0..<min(got.count, want.count) {
        if want[i].isNaN {
            XCTAssertTrue(got[i].isNaN, "\(msg) [\(i)] want NaN got \(got[i])", file: file, line: line)
            continue
        }
        let tol = max(rel * Swift.abs(want[i]), floor)
        if !(Swift.abs(got[i] - want[i]) <= tol) {
            XCTFail("\(msg) [\(i)] got \(got[i]) want \(want[i])", file: file, line: line)
            return
        }
    }
}

final class RollingTests: XCTestCase {
    func testRampClosedForms() {
        let n = 1000, w = 60
        let x = (0..<n).map(Double.init)
        let mean = Rolling.mean(x, window: w)
        let std = Rolling.std(x, window: w)
        let mx = Rolling.max(x, window: w)
        let mn = Rolling.min(x, window: w)
        let sum = Rolling.sum(x, window: w)
        let q = Rolling.quantile(x, window: w, q: 0.99)
        let wd = Double(w)
        let rampStd = (wd * (wd + 1) / 12).squareRoot()  // sample std of w consecutive integers
        for i in 0..<n {
            if i < w - 1 {
                XCTAssertTrue(mean[i].isNaN && std[i].isNaN && mx[i].isNaN && mn[i].isNaN && q[i].isNaN)
                continue
            }
            let d = Double(i)
            XCTAssertEqual(mean[i], d - (wd - 1) / 2, accuracy: 1e-9)
            XCTAssertEqual(sum[i], wd * (d - (wd - 1) / 2), accuracy: 1e-7)
            XCTAssertEqual(std[i], rampStd, accuracy: 1e-9)
            XCTAssertEqual(mx[i], d)
            XCTAssertEqual(mn[i], d - wd + 1)
            XCTAssertEqual(q[i], d - wd + 1 + 0.99 * (wd - 1), accuracy: 1e-9)
        }
    }

    func testConstantWindowsGiveExactZeroStd() {
        var x = [Double](repeating: 0.132, count: 300)
        x[100] = 5e8  // a spike that must leave no residue once it has left the window
        let s = Rolling.std(x, window: 20)
        for i in 19..<100 { XCTAssertEqual(s[i], 0) }
        for i in 120..<300 { XCTAssertEqual(s[i], 0) }
        let m = Rolling.mean(x, window: 20)
        for i in 120..<300 { XCTAssertEqual(m[i], 0.132, accuracy: 1e-15) }
    }

    func testRandomAgainstBruteForce() {
        var rng = SeededGenerator(seed: 21)
        let x = rng.gaussians(count: 1200, mean: 100, std: 15)
        for w in [1, 2, 7, 60, 130] {
            assertSeries(Rolling.mean(x, window: w), Brute.windows(x, w) { $0.reduce(0, +) / Double($0.count) },
                         "mean w=\(w)")
            assertSeries(Rolling.sum(x, window: w), Brute.windows(x, w) { $0.reduce(0, +) }, "sum w=\(w)")
            if w > 1 { assertSeries(Rolling.std(x, window: w), Brute.windows(x, w, Brute.std), "std w=\(w)") }
            assertSeries(Rolling.max(x, window: w), Brute.windows(x, w) { $0.max() ?? .nan }, "max w=\(w)")
            assertSeries(Rolling.min(x, window: w), Brute.windows(x, w) { $0.min() ?? .nan }, "min w=\(w)")
            for q in [0.0, 0.5, 0.99, 1.0] {
                assertSeries(Rolling.quantile(x, window: w, q: q),
                             Brute.windows(x, w) { QuantilesTests.reference($0, q) }, "quantile \(q) w=\(w)")
            }
        }
    }

    func testQuantileWithTiesAgainstBruteForce() {
        var rng = SeededGenerator(seed: 4)
        let x = (0..<2000).map { _ in Double(rng.next() % 5) }
        for w in [3, 16, 61] {
            for q in [0.25, 0.5, 0.9] {
                assertSeries(Rolling.quantile(x, window: w, q: q),
                             Brute.windows(x, w) { QuantilesTests.reference($0, q) }, "ties q=\(q) w=\(w)")
            }
        }
    }

    func testWindowLongerThanSeriesIsAllNaN() {
        let x: [Double] = [1, 2, 3]
        XCTAssertTrue(Rolling.mean(x, window: 5).allSatisfy(\.isNaN))
        XCTAssertTrue(Rolling.quantile(x, window: 4, q: 0.5).allSatisfy(\.isNaN))
        XCTAssertEqual(Rolling.mean([], window: 3), [])
    }

    func testRollingWindowStreamingMatchesBatch() {
        var rng = SeededGenerator(seed: 8)
        let x = rng.gaussians(count: 500, mean: 3, std: 1)
        var win = RollingWindow(capacity: 30)
        let mean = Rolling.mean(x, window: 30), mx = Rolling.max(x, window: 30)
        let mn = Rolling.min(x, window: 30), sd = Rolling.std(x, window: 30)
        for (i, v) in x.enumerated() {
            win.push(v)
            XCTAssertEqual(win.count, min(i + 1, 30))
            if i >= 29 {
                XCTAssertTrue(win.isFull)
                XCTAssertEqual(win.mean, mean[i], accuracy: 1e-12)
                XCTAssertEqual(win.max, mx[i])
                XCTAssertEqual(win.min, mn[i])
                XCTAssertEqual(win.std, sd[i], accuracy: 1e-10)
            } else {
                XCTAssertEqual(win.max, x[0...i].max())
            }
        }
    }

    func testDurationWindowsAgainstBruteForce() {
        var rng = SeededGenerator(seed: 12)
        // Irregular timestamps (1–20 s apart, some equal), 60 s windows.
        var t: [Int64] = [0]
        for _ in 1..<800 { t.append(t[t.count - 1] + Int64(rng.next() % 20) * 1000) }
        let x = rng.gaussians(count: 800, mean: 50, std: 10)
        let d: Int64 = 60_000
        func brute(_ f: ([Double]) -> Double) -> [Double] {
            (0..<x.count).map { i in
                if t[i] - d < t[0] { return .nan }
                let vs = (0...i).filter { t[$0] > t[i] - d }.map { x[$0] }
                return f(vs)
            }
        }
        assertSeries(RollingTime.compute(x, timestamps: t, duration: d, .mean), brute { $0.reduce(0, +) / Double($0.count) }, "mean")
        assertSeries(RollingTime.compute(x, timestamps: t, duration: d, .sum), brute { $0.reduce(0, +) }, "sum")
        assertSeries(RollingTime.compute(x, timestamps: t, duration: d, .std),
                     brute { $0.count < 2 ? .nan : Brute.std($0) }, "std")
        assertSeries(RollingTime.compute(x, timestamps: t, duration: d, .max), brute { $0.max() ?? .nan }, "max")
        assertSeries(RollingTime.compute(x, timestamps: t, duration: d, .min), brute { $0.min() ?? .nan }, "min")
        assertSeries(RollingTime.compute(x, timestamps: t, duration: d, .quantile(0.9)),
                     brute { QuantilesTests.reference($0, 0.9) }, "q0.9")
    }
}
