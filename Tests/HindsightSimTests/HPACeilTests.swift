import XCTest
@testable import HindsightSim

/// `HPAQuantity.ceilInt32` without the library call equals Go's `int32(math.Ceil(x))` made
/// total (`saturatingInt32(x.rounded(.up))`) everywhere.
final class HPACeilTests: XCTestCase {
    func testCeilEqualsTheRoundedUpValueSaturated() {
        var g = HPALazyReasonTests.LCG(s: 3)
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1, -1, 1e-300, -1e-300, 2_147_483_646.5, 2_147_483_647, 2_147_483_647.5,
                                -2_147_483_647.5, -2_147_483_648, -2_147_483_648.5, 4e9, -4e9, .infinity, -.infinity, .nan,
                                Double(Int32.max).nextDown, Double(Int32.min).nextUp]
        for _ in 0..<100_000 {
            let scale = [1.0, 10, 1e3, 1e6, 3e9][g.next(5)]
            values.append((Double(g.next(2_000_001)) / 1_000_000 - 1) * scale)
        }
        for k in 0..<2_000 { values.append(Double(k) / 4 - 250) }   // integers and exact quarters
        for x in values {
            XCTAssertEqual(HPAQuantity.ceilInt32(x), HPAQuantity.saturatingInt32(x.rounded(.up)), "\(x)")
        }
    }
}
