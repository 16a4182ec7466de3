import Foundation

extension SimInstant {
    /// The instant as a Foundation `Date` (for calendar and time-zone lookups).
    public var date: Date { Date(timeIntervalSince1970: unixSeconds) }

    /// The instant of `date`, rounded to the nearest millisecond (halves away from zero).
    /// `date` must lie within about ±292 million years of the epoch (programmer error otherwise).
    public init(rounding date: Date) {
        self.init(unixMilliseconds: Int64((date.timeIntervalSince1970 * 1_000).rounded()))
    }
}
