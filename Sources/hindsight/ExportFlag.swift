import ArgumentParser
import HindsightReport
import HindsightSim
import HindsightTrace

/// `--export FORMAT` (repeatable), shared by `run` and `check`: extra files in a
/// standard format written next to the run's own.
struct ExportFlag: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// FinOps FOCUS 1.1 cost rows, `focus.csv`.
        case focus
    }

    @Option(name: .customLong("export"),
            help: ArgumentHelp("Also write focus.csv: the counterfactual cost of every policy as FinOps FOCUS \(FocusExport.version) rows, one per policy per hour (repeatable).",
                               valueName: "format"))
    var formats: [Format] = []

    /// Writes the requested files of `result` into `folder` (an existing folder).
    /// - Returns: the paths written.
    /// - Throws: `FileWriteError` when a file cannot be written.
    func write(_ result: ScenarioResult, into folder: String) throws -> [String] {
        var written: [String] = []
        for format in Set(formats).sorted(by: { $0.rawValue < $1.rawValue }) {
            switch format {
            case .focus:
                let path = folder + "/focus.csv"
                try AtomicFile.write(FocusExport.render(result), to: path)
                written.append(path)
            }
        }
        return written
    }
}
