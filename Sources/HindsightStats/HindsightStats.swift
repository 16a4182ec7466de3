/// HindsightStats: vectorized statistics kernels on contiguous `Double` buffers.
///
/// The module knows nothing of traces, files or policies. Entry points:
/// ``Summary``, ``Quantiles``, ``Rolling``, ``RollingTime``, ``RollingWindow``,
/// ``Forecast``, ``AnomalyDetector``, ``Resample``, ``StatsOp`` and ``SeededGenerator``.
public enum HindsightStats {}
