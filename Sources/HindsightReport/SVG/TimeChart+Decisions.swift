import HindsightSim

extension TimeChart {
    /// Width in px of the slices decisions are merged into: at most one mark per
    /// direction and kind per slice, so a policy with thousands of decisions stays small.
    static let decisionSlice: Double = 5
    /// Reasons quoted in a merged mark's hover title, and their length limit.
    static let reasonsPerMark = 2
    static let reasonLength = 120

    /// Decisions grouped by slice, direction (up/down) and kind (applied/proposed):
    /// `key = slice × 4 + (up ? 2 : 0) + (proposed ? 1 : 0)`, members in input order,
    /// groups sorted by key. Decisions outside the range or with `from == to` are left out.
    /// - Complexity: O(decisions log decisions).
    func decisionGroups(_ decisions: [Decision]) -> [(key: Int, members: [Int])] {
        let slices = max(1, Int(plotWidth / TimeChart.decisionSlice))
        let span = Double(end &- start)
        var groups: [Int: [Int]] = [:]
        for (i, d) in decisions.enumerated() {
            let t = d.time.unixMilliseconds
            guard t >= start, t < end, d.from != d.to else { continue }
            let slice = min(max(Int(Double(t &- start) / span * Double(slices)), 0), slices - 1)
            let key = slice * 4 + (d.to > d.from ? 2 : 0) + (d.proposedOnly ? 1 : 0)
            groups[key, default: []].append(i)
        }
        return groups.keys.sorted().map { (key: $0, members: groups[$0] ?? []) }
    }

    /// Adds a lane of scaling decisions as bars on a centre line: scale-ups above it,
    /// scale-downs below, filled when applied and hollow when only proposed (dryRun).
    /// Each bar merges the decisions of one 5 px slice; its height grows with the
    /// square root of their count (full height at `maxCount`), and its `<title>` gives
    /// the count, the time range and the first reasons.
    /// - Complexity: O(decisions log decisions).
    mutating func addDecisionLane(label: String, decisions: [Decision], color: String, maxCount: Int) {
        let laneTop = addLane(label: label)
        let slices = max(1, Int(plotWidth / TimeChart.decisionSlice))
        let sliceWidth = plotWidth / Double(slices)
        let mid = laneTop + laneHeight / 2
        let reach = laneHeight / 2 - 1
        var s = "<g class=\"decisions\" stroke=\"\(color)\" fill=\"\(color)\">"
        s += "<line x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(left + plotWidth))\" y1=\"\(SVGNumber.text(mid))\" y2=\"\(SVGNumber.text(mid))\" class=\"centre\"/>"
        for (key, members) in decisionGroups(decisions) {
            guard let first = members.first, let last = members.last else { continue }
            let slice = key / 4
            let up = key & 2 != 0
            let proposed = key & 1 != 0
            let fraction = (Double(members.count) / Double(max(maxCount, members.count))).squareRoot()
            let height = max(3, reach * fraction)
            let x0 = left + Double(slice) * sliceWidth + 0.75
            let y0 = up ? mid - 0.5 - height : mid + 0.5
            s += "<rect x=\"\(SVGNumber.text(x0))\" y=\"\(SVGNumber.text(y0))\" width=\"\(SVGNumber.text(sliceWidth - 1.5))\""
            s += " height=\"\(SVGNumber.text(height))\"" + (proposed ? " fill=\"#fff\"" : "") + "><title>"
            s += XMLText.escape(markTitle(decisions, members, first: first, last: last, up: up, proposed: proposed))
            s += "</title></rect>"
        }
        overlay += s + "</g>"
    }

    private func markTitle(_ decisions: [Decision], _ members: [Int], first: Int, last: Int,
                           up: Bool, proposed: Bool) -> String {
        let noun = (proposed ? "proposed " : "") + (up ? "scale-up" : "scale-down")
        var text = members.count == 1 ? "1 \(noun)" : "\(members.count) \(noun)s"
        let t0 = decisions[first].time, t1 = decisions[last].time
        text += t0 == t1 ? ", \(UTCTime.display(t0)) UTC" : ", \(UTCTime.display(t0)) – \(UTCTime.display(t1)) UTC"
        for index in members.prefix(TimeChart.reasonsPerMark) {
            let d = decisions[index]
            text += "\n\(UTCTime.display(d.time)) \(d.from) → \(d.to): "
            text += XMLText.truncate(d.reason, to: TimeChart.reasonLength)
        }
        if members.count > TimeChart.reasonsPerMark {
            text += "\n… and \(members.count - TimeChart.reasonsPerMark) more"
        }
        return text
    }
}
