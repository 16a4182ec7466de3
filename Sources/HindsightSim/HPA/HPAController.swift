import HindsightTrace
import HindsightScenario

/// The Kubernetes HorizontalPodAutoscaler controller (autoscaling/v2) for one HPA, as a
/// deterministic state machine: call `sync` once per sync period (HPA.md §1, §12).
///
/// State kept between syncs (in memory, as the controller does): the recommendation
/// history (seeded with `(initialReplicas, start)`, `recordInitialRecommendation`) — the
/// log `recommendations` on the legacy path, the two stabilization windows (which keep
/// exactly the entries that can still decide) with `behavior` — and, only when `behavior`
/// is set, the scale events. All are bounded by the longest window / policy period.
///
/// ```swift
/// var hpa = HPAController(spec: spec, kubernetes: .init(), initialReplicas: 3, start: t0)
/// let out = hpa.sync(now: t0, specReplicas: 3, statusReplicas: 3, pods: pods, readings: r)
/// // apply out.desired to the workload
/// ```
public struct HPAController: Sendable {
    /// The HPA as defaulted by the API server (`behavior` nil = legacy path).
    public let spec: HPASpec
    /// Controller-manager flags and feature gates.
    public let kubernetes: KubernetesSpec
    /// The band in force for this HPA (`tolerancesForHpa`).
    public let tolerances: HPATolerances
    /// The target percent when the only metric is Resource cpu Utilization (the default
    /// and most common HPA): a fast path that skips the generic per-metric dispatch.
    let cpuUtilizationOnly: Int32?
    /// `Double(u) / Double(cpuUtilizationOnly)` for u in 0 ..< 1,024 (the usage ratio of
    /// the steady sync, computed once: the same quotients without a division per sync).
    let ratioOfPercent: [Double]
    /// `spec.behavior != nil`, kept so a sync need not copy the behavior to test it.
    let hasBehavior: Bool
    /// `spec.behavior`, or the defaults without one: what the rate limits read (kept so a
    /// sync that meets them passes it on instead of building or copying one each time).
    let rateBehavior: HPABehavior
    /// The legacy path's recommendation history (with `behavior` it keeps only the seed:
    /// that path's history is its two windows).
    var recommendations: HPARecommendationLog
    var events = HPAScaleEventLog()
    /// The `behavior` path's stabilization windows over the recommendations: the
    /// smallest of the scale-up window and the largest of the scale-down window.
    var upWindow: HPAWindowExtremum
    var downWindow: HPAWindowExtremum
    /// The recommendation of the last steady sync that equalled spec, not yet pushed to the
    /// windows (``flushPendingKeep()``): such a sync keeps spec whatever the windows hold,
    /// and a run of them leaves the windows as the last one's push alone would.
    var pendingKeep: HPATimedRecommendation?
    /// Leave that push pending (on by default; tests turn it off to check that the syncs
    /// and the windows are the same with every push made at once).
    var steadyKeeps = true
    /// Steady syncs whose push was left pending (tests check the case occurs).
    var keepsLeftPending = 0

    /// - Parameters:
    ///   - spec: the HPA (its `metrics` are never empty: `HPASpec.defaultMetrics`).
    ///   - kubernetes: flags (tolerance, windows, version, gates).
    ///   - initialReplicas: spec replicas when the controller starts.
    ///   - start: first sync instant.
    public init(spec: HPASpec, kubernetes: KubernetesSpec, initialReplicas: Int32, start: SimInstant) {
        self.spec = spec
        self.kubernetes = kubernetes
        self.tolerances = HPATolerances(kubernetes: kubernetes, behavior: spec.behavior)
        if spec.metrics.count == 1, case .resource(.cpu, .utilization(let pct)) = spec.metrics[0] {
            cpuUtilizationOnly = pct
            ratioOfPercent = pct > 0 ? (0..<1_024).map { Double($0) / Double(pct) } : []
        } else {
            cpuUtilizationOnly = nil
            ratioOfPercent = []
        }
        hasBehavior = spec.behavior != nil
        rateBehavior = spec.behavior ?? HPABehavior()
        let first = HPATimedRecommendation(replicas: initialReplicas, time: start)
        self.recommendations = HPARecommendationLog(first)
        // The `behavior` path reads its windows below, never the log's maximum.
        self.recommendations.tracksMax = spec.behavior == nil
        let windows = Self.stabilizationWindows(rateBehavior, kubernetes: kubernetes)
        upWindow = HPAWindowExtremum(window: windows.up, largest: false)
        downWindow = HPAWindowExtremum(window: windows.down, largest: true)
        upWindow.push(first)
        downWindow.push(first)
    }

    /// One reconcile at `now` (`reconcileAutoscaler`), in this order:
    /// 1. spec 0 with minReplicas ≠ 0 → scaling disabled, nothing changes;
    /// 2. spec > maxReplicas → max; 3. spec < minReplicas → min (metrics skipped);
    /// 4. otherwise the metrics (max of valid proposals, HPA.md §5) and normalization
    ///    (legacy §6 when `behavior` is nil, else §7).
    /// A change is stored as a scale event only when `behavior` is non-nil (also for 2–3).
    /// - Parameters:
    ///   - now: sync instant (non-decreasing between calls).
    ///   - specReplicas: `scale.spec.replicas`.
    ///   - statusReplicas: pods that exist (`scale.status.replicas`).
    ///   - pods: the existing pods, oldest first, aligned with `readings.podValuesMilli`.
    ///   - readings: what the metrics APIs return now.
    ///   - explain: build `reason` on every sync (default). With false, `reason` is built
    ///     only when the sync changes the replica count (the same text as with true) and
    ///     is "" otherwise; decisions, state and `error` are identical either way.
    /// - Returns: the new spec replicas and why.
    /// - Complexity: O(metrics × pods + history); with `explain` false and no change, no
    ///   allocation for Resource/Pods metrics.
    public mutating func sync(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod],
                              readings: HPAReadings, explain: Bool = true) -> HPASyncOutcome {
        sync(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas, pods: pods, readings: readings,
             podSummary: nil, explain: explain)
    }

    /// `sync(now:specReplicas:statusReplicas:pods:readings:explain:)` with `podSummary`,
    /// the summary of `pods` (nil = none): when it shows that every pod is in the ready
    /// group with the same sample, the cpu-only path tallies the pods in O(1)
    /// (``HPAPodSummary/uniformTally(values:isCPU:now:sampleTime:sampleWindow:cpuInitializationPeriod:)``)
    /// instead of visiting them; the outcome and the state are the same.
    mutating func sync(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod],
                       readings: HPAReadings, podSummary: HPAPodSummary?, explain: Bool) -> HPASyncOutcome {
        // The cpu-only fast path reads no Object/External metric: no dictionary to build.
        if cpuUtilizationOnly != nil {
            return reconcile(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas, pods: pods,
                             readings: readings, external: Self.noExternal, podSummary: podSummary, explain: explain)
        }
        var external: [String: Int64] = [:]
        do { for m in spec.metrics {
            switch m {
            case .object(let series, _), .external(let series, _):
                if let v = readings.totals[series], let milli = HPAQuantity.milli(fromReal: v) { external[series] = milli }
            default: break
            }
        } }
        return reconcile(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas, pods: pods,
                         readings: readings, external: external, explain: explain)
    }

    /// No Object/External values (shared, so a sync need not build an empty dictionary).
    static let noExternal: [String: Int64] = [:]

    /// `sync` with Object/External totals already in milli-units (KEDA feeds its own).
    mutating func reconcile(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, pods: [HPAPod],
                            readings: HPAReadings, external: [String: Int64], podSummary: HPAPodSummary? = nil,
                            explain: Bool = true) -> HPASyncOutcome {
        let minR = spec.minReplicas
        if specReplicas == 0 && minR != 0 {
            return HPASyncOutcome(desired: specReplicas, rawProposal: nil,
                                  reason: explain ? "scaling disabled: spec replicas 0 with minReplicas \(minR)" : "",
                                  error: nil)
        }
        if specReplicas > spec.maxReplicas {
            let d = spec.maxReplicas
            storeScaleEvent(from: specReplicas, to: d, now: now)
            return HPASyncOutcome(desired: d, rawProposal: nil,
                                  reason: "spec \(specReplicas) above maxReplicas → \(d)", error: nil)
        }
        if specReplicas < minR {
            storeScaleEvent(from: specReplicas, to: minR, now: now)
            return HPASyncOutcome(desired: minR, rawProposal: nil,
                                  reason: "spec \(specReplicas) below minReplicas → \(minR)", error: nil)
        }
        var m = computeReplicasForMetrics(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas,
                                          pods: pods, readings: readings, external: external, podSummary: podSummary,
                                          explain: explain)
        guard let metricDesired = m.replicas else {
            guard explain else { return HPASyncOutcome(desired: specReplicas, rawProposal: nil, reason: "", error: m.error) }
            return HPASyncOutcome(desired: specReplicas, rawProposal: nil,
                                  reason: m.text.isEmpty ? "no valid metric; no scaling" : "\(m.text); no scaling",
                                  error: m.error)
        }
        let raw = max(0, metricDesired)
        let normalized: (replicas: Int32, text: String)
        if hasBehavior {
            normalized = normalizeWithBehaviors(now: now, specReplicas: specReplicas, raw: raw, explain: explain)
        } else {
            normalized = normalizeLegacy(now: now, specReplicas: specReplicas, raw: raw, explain: explain)
        }
        if normalized.replicas != specReplicas { storeScaleEvent(from: specReplicas, to: normalized.replicas, now: now) }
        if !explain {
            guard normalized.replicas != specReplicas else {
                return HPASyncOutcome(desired: specReplicas, rawProposal: raw, reason: "", error: m.error)
            }
            // A decision: describe the metrics now (the computation is pure, same inputs).
            m = computeReplicasForMetrics(now: now, specReplicas: specReplicas, statusReplicas: statusReplicas,
                                          pods: pods, readings: readings, external: external, explain: true)
        }
        return Self.outcome(m, raw: raw, normalized: normalized)
    }

    /// The outcome of a sync that reached normalization: the metrics' text and error, the
    /// raw proposal and the normalized count with its text.
    static func outcome(_ m: (replicas: Int32?, text: String, error: String?), raw: Int32,
                        normalized: (replicas: Int32, text: String)) -> HPASyncOutcome {
        HPASyncOutcome(desired: normalized.replicas, rawProposal: raw,
                       reason: "\(m.text); raw \(raw); \(normalized.text)", error: m.error)
    }

    /// `storeScaleEvent`: only with `behavior`.
    mutating func storeScaleEvent(from prev: Int32, to new: Int32, now: SimInstant) {
        guard let b = spec.behavior else { return }
        events.store(from: prev, to: new, now: now, behavior: b)
    }
}
