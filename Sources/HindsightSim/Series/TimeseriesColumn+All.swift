extension TimeseriesColumn {
    /// The columns of `timeseries-*.csv`, in file order. Adding a column: a field of
    /// ``StepRow`` (set from the step's record) and one line here.
    public static let all: [TimeseriesColumn] = [
        TimeseriesColumn("timestamp", unit: "unix s (step start)", .unixSeconds { $0.timestamp }),
        TimeseriesColumn("load_rps", unit: "requests/s", .number { $0.loadRPS }),
        TimeseriesColumn("load_cores", unit: "cores", .number { $0.loadCores }),
        TimeseriesColumn("desired_replicas", unit: "pods", .count { $0.desiredReplicas }),
        TimeseriesColumn("ready_replicas", unit: "pods", .count { $0.readyReplicas }),
        TimeseriesColumn("total_replicas", unit: "pods", .count { $0.totalReplicas }),
        TimeseriesColumn("utilization_pct", unit: "% of CPU request", .number { $0.utilizationPct }),
        TimeseriesColumn("latency_p99_ms", unit: "ms", .number { $0.latencyP99Ms }),
        TimeseriesColumn("slo_violated", unit: "0/1, empty = not judged", .slo { $0.slo }),
        TimeseriesColumn("cost_usd", unit: "USD per step", .number { $0.costUSD }),
        TimeseriesColumn("energy_kwh", unit: "kWh per step", .number { $0.energyKWh }),
        TimeseriesColumn("emissions_g", unit: "gCO2e per step", .number { $0.emissionsG }),
        TimeseriesColumn("carbon_intensity", unit: "gCO2e/kWh", .number { $0.carbonIntensity }),
    ]
}
