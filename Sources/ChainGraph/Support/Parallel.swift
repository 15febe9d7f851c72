import Dispatch

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Data-parallel loops over index ranges, for the O(n) passes over millions of records.
///
/// Chunks depend on the count and the number of processors only; work that writes just its
/// own chunk's slots, or whose per-chunk results are combined in chunk order, gives the same
/// result on any machine.
///
/// ```swift
/// Parallel.forEachChunk(count: links.count) { range in
///     for i in range { out[i] = f(links[i]) }       // out: a buffer each chunk writes disjointly
/// }
/// let partial = Parallel.mapChunks(count: n) { range in range.reduce(0, +) }
/// ```
public enum Parallel {
    /// Online processors (at least 1).
    public static var processorCount: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? Int(count) : 1
    }

    /// The chunks `forEachChunk` and `mapChunks` split `0..<count` into: one when `count` is
    /// below `minimumCount`, else four per processor (so uneven chunks even out).
    public static func chunks(count: Int, minimumCount: Int = 100_000) -> [Range<Int>] {
        guard count > 0 else { return [] }
        guard count >= minimumCount else { return [0..<count] }
        let n = max(2, processorCount * 4)
        return (0..<n).map { c in (count * c / n)..<(count * (c + 1) / n) }.filter { !$0.isEmpty }
    }

    /// Calls `body` with contiguous chunks covering `0..<count`, on all cores when `count` is
    /// at least `minimumCount` (otherwise once, on the caller's thread).
    ///
    /// - Complexity: the work of `body` divided among the cores.
    public static func forEachChunk(count: Int, minimumCount: Int = 100_000, _ body: @Sendable (Range<Int>) -> Void) {
        let ranges = chunks(count: count, minimumCount: minimumCount)
        if ranges.count == 1 { body(ranges[0]); return }
        DispatchQueue.concurrentPerform(iterations: ranges.count) { c in body(ranges[c]) }
    }

    /// Maps each chunk of `0..<count` to a result on all cores; results come back in chunk
    /// order with their ranges, ready to be merged deterministically.
    ///
    /// - Complexity: the work of `body` divided among the cores.
    public static func mapChunks<R: Sendable>(
        count: Int, minimumCount: Int = 100_000, _ body: @Sendable (Range<Int>) -> R
    ) -> [(range: Range<Int>, result: R)] {
        let ranges = chunks(count: count, minimumCount: minimumCount)
        if ranges.count <= 1 { return ranges.map { ($0, body($0)) } }
        var results = [R?](repeating: nil, count: ranges.count)
        results.withUnsafeMutableBufferPointer { out in
            // Each iteration writes only its own slot, c < ranges.count == out.count.
            nonisolated(unsafe) let out = out
            assert(out.count == ranges.count)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { c in out[c] = body(ranges[c]) }
        }
        return zip(ranges, results).compactMap { range, result in result.map { (range, $0) } }
    }
}
