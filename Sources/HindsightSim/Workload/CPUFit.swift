import HindsightStats

/// The CPU model fitted on a trace that records requests, CPU and replicas:
/// `cpu ≈ idlePerPod × replicas + costPerRequest × rps` (SEMANTICS.md §2).
///
/// Real pods burn CPU at zero load (runtime, health checks, garbage collection), so CPU
/// is not `rps × cost` alone: a fleet twice as large at the same load burns more. The
/// two coefficients come from ``HuberRegression`` over the steps where all three series
/// are finite (replicas > 0, rps and cpu ≥ 0): a robust least-squares fit, so a few steps
/// of unrelated CPU (a deploy, a batch job) do not move them. The recorded replicas stand
/// in for the ready pods (the record does not say which pods were ready).
///
/// Fit rejected (nil) when fewer than `minimumSteps` steps qualify, the system is
/// singular (replicas proportional to rps), the cost per request is not positive, or
/// the idle per pod is negative (the trace then says nothing about idle burn, and the
/// per-step cost of SEMANTICS.md is used instead).
public struct CPUFit: Sendable, Equatable, CustomStringConvertible {
    /// Cores one pod burns with no request.
    public let idlePerPod: Double
    /// Cores per request/s (core-seconds per request).
    public let costPerRequest: Double
    /// Steps the fit used.
    public let steps: Int
    /// Fewest qualifying steps for a fit.
    public static let minimumSteps = 10

    /// Fits the model; nil when it is rejected (see the type's documentation).
    /// - Complexity: O(n · HuberRegression.maxIterations).
    public init?(rps: [Double], cpu: [Double], replicas: [Double]) {
        let n = min(rps.count, cpu.count, replicas.count)
        var x1: [Double] = [], x2: [Double] = [], y: [Double] = []
        for i in 0..<n where replicas[i].isFinite && replicas[i] > 0 && rps[i].isFinite && rps[i] >= 0
            && cpu[i].isFinite && cpu[i] >= 0 {
            x1.append(replicas[i]); x2.append(rps[i]); y.append(cpu[i])
        }
        guard x1.count >= Self.minimumSteps, let fit = HuberRegression.fit(x1: x1, x2: x2, y: y),
              fit.b2 > 0, fit.b2.isFinite, fit.b1 >= 0, fit.b1.isFinite else { return nil }
        self.init(idlePerPod: fit.b1, costPerRequest: fit.b2, steps: x1.count)
    }

    /// A model with given coefficients.
    public init(idlePerPod: Double, costPerRequest: Double, steps: Int) {
        precondition(idlePerPod >= 0 && costPerRequest > 0, "CPUFit: idle \(idlePerPod), cost \(costPerRequest)")
        self.idlePerPod = idlePerPod; self.costPerRequest = costPerRequest; self.steps = steps
    }

    /// Idle cores per ready pod at step `i`: `fitted`, except where the trace recorded no
    /// request (`rps` 0) but some CPU on `replicas` pods: then all of that CPU is idle
    /// burn, `cpu[i] / replicas[i]`, so the observed replay gives the recorded CPU.
    /// - Complexity: O(1).
    public static func idlePerPod(step i: Int, fitted: Double, rps: [Double], cpu: [Double], replicas: [Double]) -> Double {
        if rps[i] == 0, cpu[i].isFinite, cpu[i] > 0, replicas[i].isFinite, replicas[i] > 0 {
            return cpu[i] / replicas[i]
        }
        return fitted
    }

    public var description: String {
        "CPU fitted on \(steps) steps (Huber): \(idlePerPod) idle cores per pod + \(costPerRequest) cores per request/s"
    }
}
