import Foundation

/// Whether a benchmark of a given size fits in this machine's memory, so that `bench`
/// refuses it with a message instead of being killed by the kernel part-way.
enum BenchMemory {
    /// Fixed cost of the process and its setup, bytes.
    static let baseBytes: Double = 64 * 1_048_576
    /// Share of the available memory a case may plan to use.
    static let usableFraction = 0.8

    /// Memory the process may use, bytes: physical memory (`sysconf(_SC_PHYS_PAGES)`), or the
    /// control group's limit (`/sys/fs/cgroup/memory.max`) when that is lower.
    static func available() -> Double {
        let pages = Double(max(sysconf(Int32(_SC_PHYS_PAGES)), 0))
        let pageSize = Double(max(sysconf(Int32(_SC_PAGESIZE)), 0))
        var limit = pages * pageSize
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
           let cgroup = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), cgroup > 0 {
            limit = min(limit, cgroup)
        }
        return limit
    }

    /// Estimated peak resident memory of `benchmark` at size `n`, bytes.
    static func estimate(_ benchmark: BenchCase, size n: Int) -> Double {
        baseBytes + benchmark.bytesPerUnit * Double(n)
    }

    /// The message refusing `benchmark` at size `n`, or nil when it fits in `available` bytes.
    static func refusal(_ benchmark: BenchCase, size n: Int, available: Double) -> String? {
        let need = estimate(benchmark, size: n)
        guard need > available * usableFraction else { return nil }
        let largest = max(0, Int((available * usableFraction - baseBytes) / benchmark.bytesPerUnit))
        return "bench: \(benchmark.name) at --size \(n) needs about \(gigabytes(need)) of memory "
            + "(\(Int(benchmark.bytesPerUnit)) bytes per unit), more than \(Int(usableFraction * 100)) % of the "
            + "\(gigabytes(available)) this machine has; use --size \(largest) or less"
    }

    private static func gigabytes(_ bytes: Double) -> String {
        String(format: "%.1f GB", bytes / 1e9)
    }
}
