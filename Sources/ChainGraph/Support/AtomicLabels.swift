import Synchronization

/// A fixed-size array of `Int32` atomics shared by the threads of one parallel pass (the
/// union–find parents of weak components): the one owner of that raw allocation.
///
/// Invariant: `base` points at `count` initialized `Atomic<Int32>` values from `init` until
/// `deinit`; every access goes through the methods below, which check the index in debug
/// builds. Callers pass node ids of a graph with `count` nodes (Graph's CSR invariants), so
/// indices stay in `0..<count` in release builds too.
final class AtomicLabels: Sendable {
    let count: Int
    private nonisolated(unsafe) let base: UnsafeMutablePointer<Atomic<Int32>>

    /// `count` atomics, atomic `i` holding `i`.
    init(identityOf count: Int) {
        self.count = count
        base = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: max(count, 1))
        for i in 0..<count { (base + i).initialize(to: Atomic(Int32(i))) }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always) func load(_ i: Int) -> Int32 {
        assert(i >= 0 && i < count, "label \(i) outside 0..<\(count)")
        return base[i].load(ordering: .relaxed)
    }

    @inline(__always) func store(_ i: Int, _ value: Int32) {
        assert(i >= 0 && i < count, "label \(i) outside 0..<\(count)")
        base[i].store(value, ordering: .relaxed)
    }

    /// Sets atomic `i` to `desired` if it holds `expected`; whether it did.
    @inline(__always) func replace(_ i: Int, expected: Int32, desired: Int32) -> Bool {
        assert(i >= 0 && i < count, "label \(i) outside 0..<\(count)")
        return base[i].compareExchange(expected: expected, desired: desired, ordering: .relaxed).exchanged
    }
}
