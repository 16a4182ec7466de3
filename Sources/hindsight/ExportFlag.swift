import ArgumentParser
import HindsightReport
import HindsightSim
import HindsightTrace

/// `--export FORMAT` (repeatable), shared by `run`, `check`, `sweep`, `tune` and `merge`:
/// extra files in a standard format written next to the command's own (for a sweep: of
/// the current policy and the chosen point).
struct ExportFlag: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// FinOps FOCUS 1.1 cost rows, `focus.csv`.
        case focus
    }

    @Option(name: .customLong("export"),
            help: ArgumentHelp("Also write focus.csv: the counterfactual cost of every policy as FinOps FOCUS \(FocusExport.version) rows, one per policy per hour (repeatable).",
                               valueName: "format"))
    var formats: [Format] = []

    /// Whether `focus.csv` is asked for.
    var focus: Bool { formats.contains(.focus) }
}
