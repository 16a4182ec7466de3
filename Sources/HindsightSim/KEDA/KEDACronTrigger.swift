import HindsightTrace
import Foundation

/// A KEDA cron trigger's evaluator, with the next firings cached while still valid.
///
/// KEDA's cron scaler (`GetMetricsAndActivity`, pkg/scalers/cron_scaler.go) takes
/// `nextStart` and `nextEnd`, the first firings of the start and end schedules strictly
/// after now, and is **active iff nextEnd ≤ nextStart**, i.e. the most recent of the two
/// schedules to fire was `start` (active on [start firing, end firing)). A schedule that
/// never fires counts as firing at +∞ (which reproduces robfig's zero-time result).
/// It reports the metric value `desiredReplicas` while active and **0** otherwise (KEDA ≥ 2.18;
/// it used to report 1, which with metricType Value pinned the current replica count —
/// HPA.md, Corrections 5), against a target of 1 (AverageValue unless the trigger's
/// metricType is Value).
struct KEDACronTrigger: Sendable {
    let start: CronSchedule?
    let end: CronSchedule?
    let timeZone: TimeZone?
    let desiredReplicas: Int32
    /// Why the trigger cannot be evaluated (bad expression or zone); nil when valid.
    let problem: String?
    private var startCache: (at: SimInstant, next: SimInstant?)? = nil
    private var endCache: (at: SimInstant, next: SimInstant?)? = nil

    init(timezone: String, start: String, end: String, desiredReplicas: Int32) {
        var problems: [String] = []
        do { self.start = try CronSchedule(parsing: start) } catch { self.start = nil; problems.append(error.description) }
        do { self.end = try CronSchedule(parsing: end) } catch { self.end = nil; problems.append(error.description) }
        self.timeZone = TimeZone(identifier: timezone)
        if timeZone == nil { problems.append("unable to load time zone \"\(timezone)\"") }
        self.desiredReplicas = desiredReplicas
        self.problem = problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Active at `now`, or nil if the trigger is invalid.
    mutating func isActive(at now: SimInstant) -> Bool? {
        guard problem == nil, let s = start, let e = end, let tz = timeZone else { return nil }
        let ns = Self.next(s, &startCache, now, tz)
        let ne = Self.next(e, &endCache, now, tz)
        return (ne ?? .distantFuture) <= (ns ?? .distantFuture)
    }

    /// The metric value KEDA reports: desiredReplicas while active, else 0.
    mutating func value(at now: SimInstant) -> Int64? {
        guard let a = isActive(at: now) else { return nil }
        return a ? Int64(desiredReplicas) : 0
    }

    /// Next firing after `now`; the cached answer stays valid while `at ≤ now < next`.
    private static func next(_ s: CronSchedule, _ cache: inout (at: SimInstant, next: SimInstant?)?, _ now: SimInstant,
                             _ tz: TimeZone) -> SimInstant? {
        if let c = cache, c.at <= now {
            if let n = c.next, now < n { return n }
            if c.next == nil && now - c.at < .days(1) { return nil }
        }
        let n = s.next(after: now, in: tz)
        cache = (now, n)
        return n
    }
}
