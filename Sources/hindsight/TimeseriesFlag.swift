import ArgumentParser
import HindsightReport

extension TimeseriesMode: ExpressibleByArgument {}

/// `--timeseries full|hourly|none`, shared by the commands that write a run's files.
struct TimeseriesFlag: ParsableArguments {
    @Option(help: ArgumentHelp(
        "What timeseries-<policy>.csv holds: full (one row per step), hourly (one row per UTC hour) or none (no file).",
        discussion: "hourly keeps the columns: load and utilization are the hour's means, replicas its largest, latency its worst step, cost/energy/emissions its sums, carbon_intensity its first step's, slo_violated 1 when any step violated. Summaries, decisions and report.html are the same in every mode.",
        valueName: "full|hourly|none"))
    var timeseries: TimeseriesMode = .full
}
