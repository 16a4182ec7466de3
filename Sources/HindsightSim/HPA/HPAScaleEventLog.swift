import HindsightTrace
import HindsightScenario

/// The scale events of one HPA (`scaleUpEvents`, `scaleDownEvents`; HPA.md §7
/// "Scale events"). Only kept when `behavior` is non-nil.
///
/// Bounded: a direction's array grows only when none of its events is older than that
/// direction's longest policy period, so it holds at most (events in that period) + 1.
struct HPAScaleEventLog: Sendable, Equatable {
    var up: [HPAScaleEvent] = []
    var down: [HPAScaleEvent] = []

    /// `storeScaleEvent`: marks the direction's events older than its longest period
    /// (age ≥ period, see "Time comparisons") outdated, overwrites the **last** outdated
    /// slot with the new event, or appends.
    /// - Complexity: O(events of that direction).
    mutating func store(from prev: Int32, to new: Int32, now: SimInstant, behavior: HPABehavior) {
        guard new != prev else { return }
        let change = HPAQuantity.clampInt32(Int64(new) - Int64(prev)).magnitude
        let event = HPAScaleEvent(change: Int32(clamping: change), time: now, outdated: false)
        if new > prev {
            Self.insert(event, into: &up, longestPeriod: Self.longestPeriod(behavior.scaleUp), now: now)
        } else {
            Self.insert(event, into: &down, longestPeriod: Self.longestPeriod(behavior.scaleDown), now: now)
        }
    }

    private static func insert(_ e: HPAScaleEvent, into events: inout [HPAScaleEvent], longestPeriod: SimDuration, now: SimInstant) {
        var lastOutdated: Int? = nil
        for i in events.indices {
            if now - events[i].time >= longestPeriod { events[i].outdated = true }
            if events[i].outdated { lastOutdated = i }
        }
        if let i = lastOutdated { events[i] = e } else { events.append(e) }
    }

    /// `getLongestPolicyPeriod` (zero without policies).
    static func longestPeriod(_ rules: HPAScalingRules) -> SimDuration {
        var longest = SimDuration.zero
        for p in rules.policies { longest = max(longest, .seconds(Int64(p.periodSeconds))) }
        return longest
    }

    /// `getReplicasChangePerPeriod`: sum of the changes with age < period.
    /// - Complexity: O(events).
    static func changes(within period: SimDuration, _ events: [HPAScaleEvent], now: SimInstant) -> Int64 {
        var sum: Int64 = 0
        for e in events where now - e.time < period { sum += Int64(e.change) }
        return sum
    }
}
