/// A binary min-heap of node ids `0..<capacity` keyed by a per-node `Double`, with
/// decrease-key: the one priority queue of the Dijkstra searches (shortest paths, weighted
/// Brandes betweenness, weighted closeness).
///
/// Ties pop the smaller node id first, so the order in which nodes leave the heap depends
/// on keys and ids only. `keys[v]` is node `v`'s key, `+infinity` until set; searches use it
/// as their distance array and put it back with ``reset(_:)`` for the nodes they reached, so
/// one heap serves search after search in O(reached) each.
///
/// This is an unsafe handle (like the storage handles of swift-collections): copies share
/// the storage, the owner calls ``deallocate()`` once, and one copy at a time may be mutated.
/// Debug builds check the heap order around every change.
///
/// ```swift
/// var heap = IndexedMinHeap(capacity: n)
/// defer { heap.deallocate() }
/// heap.decrease(source, to: 0)
/// while !heap.isEmpty {
///     let v = heap.popMin()          // smallest key, then smallest id
///     // relax v's edges with heap.decrease(w, to: heap.keys[v] + length)
/// }
/// ```
struct IndexedMinHeap {
    /// Key per node; `+infinity` for a node never given one (or reset).
    let keys: UnsafeMutablePointer<Double>
    /// Heap slot per node, -1 when the node is not in the heap.
    private let slot: UnsafeMutablePointer<Int32>
    /// Nodes in heap order, `0..<count`.
    private let items: UnsafeMutablePointer<Int32>
    /// Nodes in the heap.
    private(set) var count = 0
    /// Nodes `0..<capacity` may enter.
    let capacity: Int

    /// Allocates a heap for nodes `0..<capacity`, all keys `+infinity`.
    /// - Complexity: O(capacity).
    init(capacity: Int) {
        self.capacity = capacity
        keys = .allocate(capacity: max(1, capacity))
        keys.initialize(repeating: .infinity, count: capacity)
        slot = .allocate(capacity: max(1, capacity))
        slot.initialize(repeating: -1, count: capacity)
        items = .allocate(capacity: max(1, capacity))
    }

    /// Frees the storage; call once, on one copy.
    func deallocate() {
        keys.deallocate()
        slot.deallocate()
        items.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Whether `v` is in the heap.
    @inline(__always)
    func contains(_ v: Int) -> Bool { slot[v] >= 0 }

    @inline(__always)
    private func less(_ a: Int32, _ b: Int32) -> Bool {
        let ka = keys[Int(a)], kb = keys[Int(b)]
        return ka < kb || (ka == kb && a < b)
    }

    /// Sets `v`'s key to `key` (not above its current key) and inserts `v` if it is not in
    /// the heap.
    /// - Complexity: O(log count).
    @inline(__always)
    mutating func decrease(_ v: Int, to key: Double) {
        assert(v >= 0 && v < capacity, "node \(v) outside 0..<\(capacity)")
        assert(!contains(v) || key <= keys[v], "key of \(v) raised from \(keys[v]) to \(key)")
        keys[v] = key
        if slot[v] < 0 {
            items[count] = Int32(v)
            slot[v] = Int32(count)
            count += 1
        }
        siftUp(Int(slot[v]))
        assert(checkParent(of: Int(slot[v])))
    }

    /// Removes and returns the node with the smallest key (the smaller id on a tie). Its key
    /// stays in ``keys``.
    /// - Precondition: the heap is not empty.
    /// - Complexity: O(log count).
    @inline(__always)
    mutating func popMin() -> Int {
        assert(count > 0, "popMin on an empty heap")
        let top = items[0]
        count -= 1
        if count > 0 {
            items[0] = items[count]
            slot[Int(items[0])] = 0
            siftDown(0)
        }
        slot[Int(top)] = -1
        assert(count == 0 || !less(items[0], top))
        return Int(top)
    }

    /// Puts `v`'s key back to `+infinity` after a search (`v` must have left the heap).
    /// - Complexity: O(1).
    @inline(__always)
    func reset(_ v: Int) {
        assert(!contains(v), "reset of node \(v) while it is in the heap")
        keys[v] = .infinity
    }

    @inline(__always)
    private func siftUp(_ start: Int) {
        var i = start
        let x = items[i]
        while i > 0 {
            let parent = (i - 1) >> 1
            let p = items[parent]
            if !less(x, p) { break }
            place(p, at: i)
            i = parent
        }
        place(x, at: i)
    }

    @inline(__always)
    private func siftDown(_ start: Int) {
        var i = start
        let x = items[i]
        while true {
            var child = 2 * i + 1
            if child >= count { break }
            if child + 1 < count && less(items[child + 1], items[child]) { child += 1 }
            let c = items[child]
            if !less(c, x) { break }
            place(c, at: i)
            i = child
        }
        place(x, at: i)
    }

    /// Puts node `x` at heap position `i` and records the position.
    @inline(__always)
    private func place(_ x: Int32, at i: Int) {
        items[i] = x
        slot[Int(x)] = Int32(i)
    }

    /// Debug check after a change at heap position `i`: its parent does not come after it.
    private func checkParent(of i: Int) -> Bool {
        i == 0 || !less(items[i], items[(i - 1) >> 1])
    }

    /// The whole heap invariant (heap order, slots match items); for tests.
    /// - Complexity: O(count).
    func isValid() -> Bool {
        for i in 0..<count {
            if slot[Int(items[i])] != Int32(i) { return false }
            if i > 0 && less(items[i], items[(i - 1) >> 1]) { return false }
        }
        return true
    }
}
