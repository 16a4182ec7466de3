/// One labelled mark of a time axis.
public struct TimeTick: Sendable, Equatable {
    /// ms since the epoch.
    public var time: Int64
    /// `06:00`, `Nov 26`, …
    public var label: String
    /// A second line (the date under the first time of a day, the year under the first date), or nil.
    public var sublabel: String?

    public init(time: Int64, label: String, sublabel: String?) {
        self.time = time; self.label = label; self.sublabel = sublabel
    }
}
