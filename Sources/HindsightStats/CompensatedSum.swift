/// A running sum with Neumaier (improved Kahan–Babuška) compensation: adding and later
/// subtracting a huge value leaves no residue, so it suits sliding windows.
public struct CompensatedSum: Sendable, Equatable {
    @usableFromInline var s = 0.0
    @usableFromInline var c = 0.0

    /// An empty sum (0).
    public init() {}

    /// The compensated total.
    @inlinable public var value: Double { s + c }

    /// Adds `x` (pass `-x` to remove a value).
    /// - Complexity: O(1).
    @inlinable
    public mutating func add(_ x: Double) {
        let t = s + x
        if abs(s) >= abs(x) {
            c += (s - t) + x
        } else {
            c += (x - t) + s
        }
        s = t
    }
}
