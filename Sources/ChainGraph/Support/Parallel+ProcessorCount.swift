#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

#if os(Linux)
/// glibc's `sched_getaffinity(2)` wrapper, which the Glibc module hides behind `_GNU_SOURCE`.
/// Integer and pointer arguments only, so the Swift and C calling conventions agree.
@_silgen_name("sched_getaffinity")
private func schedGetAffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif

extension Parallel {
    /// The processors this process may really use, computed once (at least 1): the online
    /// processors, capped by the CPU affinity mask (`sched_getaffinity`, so `taskset -c 0`
    /// gives 1) and by a cgroup CPU quota (`/sys/fs/cgroup/cpu.max`, v1's
    /// `cpu.cfs_quota_us`: a container limited to 1.5 CPUs gives 2).
    ///
    /// Every worker count in the package starts here.
    package static let processorCount: Int = {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        var count = online > 0 ? Int(online) : 1
        if let mask = affinityCount() { count = min(count, mask) }
        if let quota = cgroupQuota() { count = min(count, quota) }
        return max(1, count)
    }()

    /// Processors in this thread's affinity mask (nil where unknown).
    static func affinityCount() -> Int? {
        #if os(Linux)
        // A mask for 8,192 processors; the kernel fails with EINVAL only for smaller ones.
        var mask = [UInt64](repeating: 0, count: 128)
        let ok = mask.withUnsafeMutableBytes { schedGetAffinity(0, $0.count, $0.baseAddress!) } == 0
        guard ok else { return nil }
        let bits = mask.reduce(0) { $0 + $1.nonzeroBitCount }
        return bits > 0 ? bits : nil
        #else
        return nil
        #endif
    }

    /// The cgroup CPU quota rounded up to whole processors (nil when unlimited or unknown).
    static func cgroupQuota() -> Int? {
        #if os(Linux)
        // cgroup v2: "max 100000" or "<quota> <period>".
        if let line = readSmallFile("/sys/fs/cgroup/cpu.max") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
            if fields.count >= 2 { return quotaProcessors(quota: Int(fields[0]), period: Int(fields[1])) }
            return nil
        }
        // cgroup v1: quota -1 means unlimited.
        if let quota = readSmallFile("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
            let period = readSmallFile("/sys/fs/cgroup/cpu/cpu.cfs_period_us")
        {
            return quotaProcessors(
                quota: Int(quota.filter { $0 != "\n" }), period: Int(period.filter { $0 != "\n" }))
        }
        return nil
        #else
        return nil
        #endif
    }

    /// `ceil(quota / period)`, or nil when either is missing or not positive ("max", -1).
    static func quotaProcessors(quota: Int?, period: Int?) -> Int? {
        guard let quota, let period, quota > 0, period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }

    /// The first 255 bytes of a file as text, or nil when it cannot be read.
    static func readSmallFile(_ path: String) -> String? {
        #if os(Linux)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 255)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return String(decoding: bytes[0..<n], as: UTF8.self)
        #else
        return nil
        #endif
    }
}
