import Dispatch
import Synchronization

/// Data-parallel loops for the O(n) passes over millions of records: the package's one way to
/// use several cores.
///
/// Chunks depend on the count and ``processorCount`` only; work that writes just its own
/// chunk's slots (through a ``SlotWriter``), or whose per-chunk results are combined in chunk
/// order, gives the same result on any machine.
///
/// ```swift
/// out.withUnsafeMutableBufferPointer { buffer in
///     let out = Parallel.SlotWriter(buffer)
///     Parallel.forEachChunk(count: links.count) { range in
///         for i in range { out[i] = f(links[i]) }    // each chunk writes its own slots
///     }
/// }
/// let partial = Parallel.mapChunks(count: n) { range in range.reduce(0, +) }
/// ```
package enum Parallel {
    /// The chunks `forEachChunk` and `mapChunks` split `0..<count` into: one when `count` is
    /// below `minimumCount`, else four per processor (so uneven chunks even out).
    ///
    /// - Complexity: O(``processorCount``).
    package static func chunks(count: Int, minimumCount: Int = 100_000) -> [Range<Int>] {
        guard count > 0 else { return [] }
        guard count >= minimumCount else { return [0..<count] }
        let n = max(2, processorCount * 4)
        return (0..<n).map { c in (count * c / n)..<(count * (c + 1) / n) }.filter { !$0.isEmpty }
    }

    /// The number of workers for `requested` threads (nil: ``processorCount``) and `units`
    /// independent units of work: at least 1, at most `units`.
    package static func workers(requested: Int?, units: Int) -> Int {
        max(1, min(requested ?? processorCount, units))
    }

    /// Calls `body(i)` for every `i` in `0..<iterations`, concurrently when there are two or
    /// more (on the caller's thread when there is one).
    ///
    /// - Complexity: the work of `body` divided among the cores.
    package static func forEach(iterations: Int, _ body: @Sendable (Int) -> Void) {
        if iterations <= 0 { return }
        if iterations == 1 { body(0); return }
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
    }

    /// Calls `body` with contiguous chunks covering `0..<count`, on all cores when `count` is
    /// at least `minimumCount` (otherwise once, on the caller's thread).
    ///
    /// - Complexity: the work of `body` divided among the cores.
    package static func forEachChunk(count: Int, minimumCount: Int = 100_000, _ body: @Sendable (Range<Int>) -> Void) {
        let ranges = chunks(count: count, minimumCount: minimumCount)
        forEach(iterations: ranges.count) { c in body(ranges[c]) }
    }

    /// Maps each chunk of `0..<count` to a result on all cores; results come back in chunk
    /// order with their ranges, ready to be merged deterministically.
    ///
    /// - Complexity: the work of `body` divided among the cores.
    package static func mapChunks<R: Sendable>(
        count: Int, minimumCount: Int = 100_000, _ body: @Sendable (Range<Int>) -> R
    ) -> [(range: Range<Int>, result: R)] {
        let ranges = chunks(count: count, minimumCount: minimumCount)
        if ranges.count <= 1 { return ranges.map { ($0, body($0)) } }
        var results = [R?](repeating: nil, count: ranges.count)
        // In bounds: iteration c < ranges.count == buffer.count writes only slot c (SlotWriter's
        // subscript is the buffer's, bounds-checked in debug builds).
        results.withUnsafeMutableBufferPointer { buffer in
            assert(buffer.count == ranges.count)
            let out = SlotWriter(buffer)
            forEach(iterations: ranges.count) { c in out[c] = body(ranges[c]) }
        }
        return zip(ranges, results).compactMap { range, result in result.map { (range, $0) } }
    }

    /// Runs `body(unit)` for every unit in `0..<units` on `workers` threads, each thread
    /// claiming the next unclaimed unit from a shared counter (OpenMP's dynamic schedule), so
    /// a thread the OS puts aside on a busy machine does not hold back units dealt to it.
    /// With one worker it runs on the caller's thread, in unit order.
    ///
    /// Which thread runs a unit is not fixed, so a unit must compute the same thing whichever
    /// thread runs it: write per-unit slots (combined in unit order afterwards) or disjoint
    /// memory, never per-thread accumulators. `body` need not be `Sendable`: the caller
    /// promises that units write disjoint memory.
    ///
    /// - Complexity: the work of `body` divided among `workers` threads.
    package static func forEachUnit(units: Int, workers: Int, _ body: (_ unit: Int) -> Void) {
        if units <= 0 { return }
        if workers <= 1 || units == 1 {
            for unit in 0..<units { body(unit) }
            return
        }
        let next = UnitCounter()
        withoutActuallyEscaping(body) { escapable in
            let shared = UncheckedSendable(escapable)
            DispatchQueue.concurrentPerform(iterations: min(workers, units)) { _ in
                while true {
                    let unit = next.claim()
                    if unit >= units { break }
                    shared.value(unit)
                }
            }
        }
    }
}

extension Parallel {
    /// `first()` and `second()`, run at the same time when there are two cores or more (each
    /// on whichever thread claims it; one after the other, in order, on one core). The two
    /// must not share mutable state; each result is what it would be alone, so the pair does
    /// not depend on timing.
    ///
    /// - Complexity: the longer of the two on two cores, their sum on one.
    package static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        forEachUnit(units: 2, workers: workers(requested: nil, units: 2)) { unit in
            if unit == 0 { a = first() } else { b = second() }
        }
        // forEachUnit returns after both units ran, so neither fallback runs.
        return (a ?? first(), b ?? second())
    }
}

/// The shared counter `forEachUnit` hands units out from.
private final class UnitCounter: Sendable {
    private let value = Atomic<Int>(0)
    /// The next unclaimed unit (each call returns a different one).
    func claim() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Wraps a value the caller guarantees is used safely across threads (read only, or written
/// at disjoint places).
package struct UncheckedSendable<Value>: @unchecked Sendable {
    package let value: Value
    package init(_ value: Value) { self.value = value }
}
