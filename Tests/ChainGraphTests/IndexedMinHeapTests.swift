import Testing

@testable import ChainGraph

@Suite struct IndexedMinHeapTests {
    /// Random decrease-keys, then pops: nodes leave in (key, id) order and the heap stays valid.
    @Test(arguments: [1 as UInt64, 2, 3])
    func popsInKeyThenIdOrder(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let n = 200
        var heap = IndexedMinHeap(capacity: n)
        defer { heap.deallocate() }
        var expected = [Double](repeating: .infinity, count: n)
        for _ in 0..<600 {
            let v = Int(rng.below(UInt64(n)))
            let key = Double(rng.below(50))  // many ties
            if key < expected[v] {
                expected[v] = key
                heap.decrease(v, to: key)
                #expect(heap.isValid())
            }
        }
        var popped: [Int] = []
        while !heap.isEmpty { popped.append(heap.popMin()) }
        let order = (0..<n).filter { expected[$0].isFinite }.sorted { (expected[$0], $0) < (expected[$1], $1) }
        #expect(popped == order)
        for v in popped {
            #expect(heap.keys[v] == expected[v])
            heap.reset(v)
            #expect(heap.keys[v] == .infinity)
        }
    }
}
