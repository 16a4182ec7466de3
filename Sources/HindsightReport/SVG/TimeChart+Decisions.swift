import HindsightSim

extension TimeChart {
    /// Width in px of the slices decisions are merged into: at most one mark per
    /// direction per slice, so a policy with thousands of decisions stays small.
    static let decisionSlice: Double = 5
    /// Reasons quoted in a merged mark's hover title, and their length limit.
    static let reasonsPerMark = 2
    static let reasonLength = 120

    /// Adds a lane of scaling decisions: ▲ for scale-ups, ▼ for scale-downs, filled when
    /// applied, hollow when only proposed (dryRun). Decisions falling in the same slice
    /// with the same direction and kind merge into one mark whose `<title>` gives the
    /// count, the time range, and the first reasons.
    /// - Complexity: O(decisions + slices).
    mutating func addDecisionLane(label: String, decisions: [Decision], color: String) {
        let laneTop = addLane(label: label)
        let slices = max(1, Int(plotWidth / TimeChart.decisionSlice))
        let span = Double(end &- start)
        // (slice, up, proposed) → indexes of its decisions, in time order of first appearance.
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for (i, d) in decisions.enumerated() where d.time >= start && d.time < end && d.from != d.to {
            let slice = min(max(Int(Double(d.time &- start) / span * Double(slices)), 0), slices - 1)
            let key = slice * 4 + (d.to > d.from ? 2 : 0) + (d.proposedOnly ? 1 : 0)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var s = "<g class=\"decisions\" stroke=\"\(color)\" fill=\"\(color)\">"
        for key in order.sorted() {
            guard let members = groups[key], let firstIndex = members.first, let lastIndex = members.last else { continue }
            let slice = key / 4
            let up = key & 2 != 0
            let proposed = key & 1 != 0
            let cx = left + (Double(slice) + 0.5) * plotWidth / Double(slices)
            // Scale-ups point up in the lane's upper half, scale-downs down in its lower half.
            let mid = laneTop + laneHeight / 2
            let h = max(2, min(laneHeight / 2 - 1.5, 7.0))
            var d = "M"
            SVGNumber.append(cx, to: &d); d += ","
            SVGNumber.append(up ? mid - 0.5 - h : mid + 0.5 + h, to: &d)
            let half = SVGNumber.text(min(h * 0.6, TimeChart.decisionSlice * 0.6))
            d += "l\(half)," + (up ? SVGNumber.text(h) : SVGNumber.text(-h)) + "h-" + SVGNumber.text(2 * min(h * 0.6, TimeChart.decisionSlice * 0.6)) + "z"
            s += "<path d=\"\(d)\"" + (proposed ? " fill=\"#fff\"" : "") + "><title>"
            s += XMLText.escape(markTitle(decisions, members, first: firstIndex, last: lastIndex, up: up, proposed: proposed))
            s += "</title></path>"
        }
        overlay += s + "</g>"
    }

    private func markTitle(_ decisions: [Decision], _ members: [Int], first: Int, last: Int,
                           up: Bool, proposed: Bool) -> String {
        let noun = (proposed ? "proposed " : "") + (up ? "scale-up" : "scale-down")
        var text = members.count == 1 ? "1 \(noun)" : "\(members.count) \(noun)s"
        let t0 = decisions[first].time, t1 = decisions[last].time
        text += t0 == t1 ? ", \(UTCTime.display(ms: t0)) UTC" : ", \(UTCTime.display(ms: t0)) – \(UTCTime.display(ms: t1)) UTC"
        for index in members.prefix(TimeChart.reasonsPerMark) {
            let d = decisions[index]
            text += "\n\(UTCTime.display(ms: d.time)) \(d.from) → \(d.to): "
            text += XMLText.truncate(d.reason, to: TimeChart.reasonLength)
        }
        if members.count > TimeChart.reasonsPerMark {
            text += "\n… and \(members.count - TimeChart.reasonsPerMark) more"
        }
        return text
    }
}
