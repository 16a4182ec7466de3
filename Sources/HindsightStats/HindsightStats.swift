/// HindsightStats: vectorized statistics kernels on contiguous `Double` buffers.
///
/// The module knows nothing of traces, files or policies. Entry points:
/// ``Summary``, ``Quantiles``, ``Rolling``, ``RollingTime``, ``RollingWindow``,
/// ``Forecast`` (and the online forecasters), ``MinMaxDownsampler``, ``AnomalyDetector``, ``Resample``, ``StatsOp`` and ``SeededGenerator``.
public enum HindsightStats {}
