import HindsightSim

/// Reduces one run's step rows, in time order, to its FOCUS charges: one per UTC hour
/// holding a step start (see ``FocusExport`` for what each amount means). Used on the
/// rows held in memory (``FocusExport/rows(_:)``) and on the rows of a streamed run
/// (``FocusStream``), so both give the same charges.
///
/// Memory is the finished charges (one per hour) and the open one.
struct FocusHours {
    let stepMs: Int64
    private var charges: [FocusRow] = []
    private var current: FocusRow?
    private var hour = Int64.min

    init(stepMs: Int64) { self.stepMs = stepMs }

    /// Adds one step; opens a new charge when the step starts in a new hour.
    /// - Complexity: O(1) amortized.
    mutating func add(_ row: StepRow) {
        let h = FocusExport.floorDiv(row.timestamp, FocusExport.hourMs)
        if current == nil || h != hour {
            if let c = current { charges.append(c) }
            hour = h
            current = FocusRow(policy: "", policyKind: "", periodStart: row.timestamp, periodEnd: row.timestamp,
                               billedCost: 0, listCost: 0, podHours: 0)
        }
        current?.billedCost += row.costUSD
        current?.listCost += row.listCostUSD.isNaN ? row.costUSD : row.listCostUSD
        current?.podHours += row.billedPodHours.isNaN ? 0 : row.billedPodHours
        current?.periodEnd = row.timestamp + stepMs
    }

    /// The charges so far (the open hour included), named after the run's policy.
    func finished(policy: String, kind: String) -> [FocusRow] {
        var out = charges
        if let c = current { out.append(c) }
        for i in out.indices { out[i].policy = policy; out[i].policyKind = kind }
        return out
    }
}
