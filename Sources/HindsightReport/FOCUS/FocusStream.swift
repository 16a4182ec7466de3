import HindsightSim

/// A step sink that passes each row on to the run's ``TimeseriesStream`` and reduces it
/// into the run's FOCUS charges (``FocusHours``), for `--export focus` on a streamed run.
final class FocusStream: StepSink, @unchecked Sendable {
    let next: StepSink
    private(set) var hours: FocusHours

    init(next: StepSink, stepMs: Int64) {
        self.next = next
        hours = FocusHours(stepMs: stepMs)
    }

    func record(_ row: StepRow, index: Int) {
        hours.add(row)
        next.record(row, index: index)
    }
}
