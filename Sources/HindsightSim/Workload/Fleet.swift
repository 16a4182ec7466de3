import HindsightTrace

/// The pods of one run: existing pods in creation order, plus pods in their
/// termination grace (billed, idle, not counted as replicas). SEMANTICS.md §2.
struct Fleet {
    /// Existing (starting — pending or running — or ready) pods, oldest first.
    private(set) var pods: [Pod] = []
    /// Pods removed but still billed until `until`.
    private(set) var terminating: [(id: Int, until: SimInstant)] = []
    private(set) var readyCount = 0
    /// Changes whenever `pods` changes (a pod added, removed or turned ready): equal
    /// versions mean equal pod lists, so readers may keep what they derived from them.
    private(set) var version = 0
    private var nextID = 0
    /// Creation to Ready (the whole startup).
    let startupDelay: SimDuration
    /// Container start to Ready (the last part of `startupDelay`, ≤ it).
    let readinessDelay: SimDuration
    let terminationGrace: SimDuration

    /// Durations are clamped to ``SimLimits/maxDuration``; `readinessDelay` also to
    /// `startupDelay` (the pending part is what is left of it).
    init(startupDelay: SimDuration, readinessDelay: SimDuration = .zero, terminationGrace: SimDuration) {
        self.startupDelay = SimLimits.duration(startupDelay)
        self.readinessDelay = min(SimLimits.duration(readinessDelay), self.startupDelay)
        self.terminationGrace = SimLimits.duration(terminationGrace)
    }

    var count: Int { pods.count }
    var startingCount: Int { pods.count - readyCount }
    /// Pods that are billed: existing plus terminating.
    var billedCount: Int { pods.count + terminating.count }

    /// Adds `n` pods that have been running long enough to be ready and fully
    /// initialized at `now` (created `age` before it).
    mutating func seedReady(_ n: Int, now: SimInstant, age: SimDuration) {
        for _ in 0..<max(0, n) {
            let created = now - max(SimLimits.duration(age), startupDelay)
            let readyAt = created + startupDelay
            pods.append(Pod(id: nextID, created: created, readyAt: readyAt, phase: .ready))
            nextID += 1
            readyCount += 1
        }
        version &+= 1
    }

    /// Scales to `desired` pods at `now`: new pods start Pending (Running at
    /// now + startupDelay − readinessDelay, Ready at now + startupDelay; a zero part skips
    /// its phase);
    /// removed pods go newest first — the starting ones first, then the most recently ready.
    /// - Returns: pods created (to schedule their ready events) and pods that entered
    ///   their termination grace (to schedule their end).
    /// - Complexity: O(|change|).
    mutating func scale(to desired: Int, now: SimInstant, created: inout [Pod], graced: inout [(id: Int, until: SimInstant)]) {
        let target = max(0, desired)
        if pods.count != target { version &+= 1 }
        while pods.count < target {
            let readyAt = now + startupDelay, runningAt = readyAt - readinessDelay
            let phase: PodPhase = startupDelay == .zero ? .ready : runningAt == now ? .running : .pending
            let p = Pod(id: nextID, created: now, readyAt: readyAt, phase: phase)
            nextID += 1
            if p.isReady { readyCount += 1 }
            pods.append(p)
            created.append(p)
        }
        while pods.count > target {
            // Newest first; with a constant startup delay the starting pods are the newest.
            var victim = pods.count - 1
            if pods[victim].isReady, let lastStarting = pods.lastIndex(where: { !$0.isReady }) { victim = lastStarting }
            let p = pods.remove(at: victim)
            if p.isReady { readyCount -= 1 }
            if terminationGrace > .zero {
                let g = (p.id, now + terminationGrace)
                terminating.append(g)
                graced.append(g)
            }
        }
    }

    /// When pod `p`'s container starts: `readyAt − readinessDelay`.
    func runningAt(_ p: Pod) -> SimInstant { p.readyAt - readinessDelay }

    /// Marks pod `id` ready; no effect if it was removed meanwhile.
    mutating func markReady(id: Int) {
        guard let i = indexOf(id: id), !pods[i].isReady else { return }
        pods[i].phase = .ready
        readyCount += 1
        version &+= 1
    }

    /// Pod `id`'s container starts (Pending → Running, not Ready); no effect if it was
    /// removed meanwhile or is past that phase.
    mutating func markRunning(id: Int) {
        guard let i = indexOf(id: id), pods[i].phase == .pending else { return }
        pods[i].phase = .running
        version &+= 1
    }

    /// Ends the termination grace of pod `id`.
    mutating func finishTermination(id: Int) {
        if let i = terminating.firstIndex(where: { $0.id == id }) { terminating.remove(at: i) }
    }

    /// Binary search by id (pods are in id order).
    private func indexOf(id: Int) -> Int? {
        var lo = 0, hi = pods.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pods[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < pods.count && pods[lo].id == id ? lo : nil
    }
}
