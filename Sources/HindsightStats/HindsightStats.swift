/// HindsightStats: vectorized statistics kernels on contiguous `Double` buffers.
public enum HindsightStats {}
