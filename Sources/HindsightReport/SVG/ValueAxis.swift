/// A value axis with round-number ticks (1, 2, 2.5, 5 × 10^k).
public struct ValueAxis: Sendable, Equatable {
    /// Bottom of the axis (a multiple of `step`).
    public var lower: Double
    /// Top of the axis (a multiple of `step`, above `lower`).
    public var upper: Double
    /// Distance between ticks (> 0).
    public var step: Double

    /// The nicest axis covering `[low, high]` with about `ticks` intervals (≥ 1).
    /// A zero-width range is widened (to `[0, 1]` around 0, else to include 0);
    /// non-finite bounds give `[0, 1]`; bounds beyond ±10^300 are clamped there.
    /// - Complexity: O(log of the range's magnitude).
    public init(covering low: Double, _ high: Double, ticks: Int = 5) {
        var lo = min(low, high), hi = max(low, high)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        // Keep hi − lo finite (±1.7e308 would overflow it and the search below).
        lo = max(lo, -1e300); hi = min(hi, 1e300)
        if hi - lo <= abs(hi) * 1e-12 {
            if hi == 0 { hi = 1 } else if hi > 0 { lo = 0 } else { hi = 0 }
        }
        let raw = (hi - lo) / Double(max(ticks, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var chosen = magnitude * 10
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where magnitude * factor >= raw * (1 - 1e-9) {
            chosen = magnitude * factor
            break
        }
        step = chosen
        lower = (lo / chosen).rounded(.down) * chosen
        upper = (hi / chosen).rounded(.up) * chosen
        if upper <= lower { upper = lower + chosen }
    }

    /// The tick values from `lower` to `upper`.
    public var ticks: [Double] {
        let n = Int(((upper - lower) / step).rounded())
        return (0...max(0, min(n, 100))).map { lower + Double($0) * step }
    }

    /// The label of tick `value`: as many decimals as `step` needs, thousands grouped;
    /// `k` / `M` suffixes from 10,000 and 10,000,000.
    public func label(_ value: Double) -> String {
        let v = abs(value) < step * 1e-9 ? 0 : value
        if abs(v) >= 1e7 || (abs(upper) >= 1e7 && v != 0) { return DisplayText.compact(v / 1e6, significant: 3) + "M" }
        if abs(v) >= 1e4 || (abs(upper) >= 1e4 && v != 0) { return DisplayText.compact(v / 1e3, significant: 3) + "k" }
        var decimals = 0
        var scaled = step
        while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled)) {
            scaled *= 10
            decimals += 1
        }
        return DisplayText.fixed(v, decimals)
    }
}
