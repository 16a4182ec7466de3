import HindsightReport
import HindsightScenario
import HindsightSim
import HindsightTrace

/// Small hand-made results whose numbers the tests work out by hand.
enum SmallResult {
    /// One day at 1 h steps (24 steps), two policies with chosen summaries.
    static func twoPolicies(baselineName: String = "observed", otherName: String = "hpa") -> ScenarioResult {
        var base = RunSummary()
        base.start = SimInstant(unixMilliseconds: Fixtures.start)
        base.end = base.start + .days(1)
        base.stepSeconds = 3600
        base.replicasMean = 3.25
        base.replicasMax = 8
        base.replicasMin = 2
        base.replicaHours = 78
        base.costUSD = 100
        base.energyKWh = 12.5
        base.emissionsKgCO2e = 2
        base.sciGramsPer1kRequests = 0.04
        base.requestsServed = 50_000_000
        base.requestsDropped = 0
        base.sloViolationSeconds = 0
        base.sloViolationFraction = 0
        base.errorBudgetUsed = 0.1
        base.scalingActions = 40
        base.reversals = 3
        base.missingSeconds = 0
        base.latencyMAPE = 5  // percent

        var other = base
        other.replicasMean = 3.75
        other.replicasMax = 10
        other.costUSD = 87.5
        other.emissionsKgCO2e = 2.5
        other.sciGramsPer1kRequests = nil
        other.sloViolationSeconds = 900
        other.sloViolationFraction = 900.0 / 86_400
        other.errorBudgetUsed = 0.25
        other.scalingActions = 28
        other.reversals = 5
        other.latencyMAPE = nil

        let runs = [
            RunResult(policy: baselineName, policyFileName: PolicySpec(name: baselineName, kind: .observed).fileName,
                      kind: "observed", summary: base, series: series(steps: 24), decisions: [], warnings: []),
            RunResult(policy: otherName, policyFileName: PolicySpec(name: otherName, kind: .observed).fileName,
                      kind: "HorizontalPodAutoscaler", summary: other, series: series(steps: 24),
                      decisions: [Decision(time: SimInstant(unixMilliseconds: Fixtures.start) + .hours(1), from: 2, to: 3, reason: "cpu 80 % > 60 %")],
                      warnings: ["first, with comma", "second \"quoted\""]),
        ]
        return ScenarioResult(scenario: Fixtures.scenario(name: "small", policies: [baselineName, otherName]),
                              grid: TraceGrid(start: SimInstant(unixMilliseconds: Fixtures.start), step: .hours(1), count: 24), runs: runs)
    }

    /// `steps` hourly rows with simple values: load = 100 + i, replicas = 2 + i % 3.
    static func series(steps: Int) -> RunSeries {
        var s = RunSeries()
        for i in 0..<steps {
            let replicas = Int32(2 + i % 3)
            s.rows.append(StepRow(timestamp: Fixtures.start + Int64(i) * 3_600_000, loadRPS: 100 + Double(i), loadCores: .nan,
                                  desiredReplicas: replicas, readyReplicas: replicas, totalReplicas: replicas,
                                  utilizationPct: 50, latencyP99Ms: i == 5 ? .nan : 100 + Double(i) * 10,
                                  slo: i == 5 ? .notJudged : (i > 15 ? .violated : .met),
                                  costUSD: 0.25, energyKWh: 0.5, emissionsG: 0.5 * 379, carbonIntensity: 379))
        }
        return s
    }
}
