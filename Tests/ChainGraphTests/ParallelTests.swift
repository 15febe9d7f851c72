import Testing

@testable import ChainGraph

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 7, 99_999, 100_000, 1_000_003])
    func chunksCoverTheRangeInOrder(_ count: Int) {
        let chunks = Parallel.chunks(count: count)
        #expect(chunks.first?.lowerBound ?? 0 == 0)
        #expect(chunks.last?.upperBound ?? 0 == count)
        for (a, b) in zip(chunks, chunks.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        #expect(chunks.allSatisfy { !$0.isEmpty })
        if count > 0, count < 100_000 { #expect(chunks.count == 1) }
    }

    @Test func mapChunksReturnsResultsInChunkOrder() {
        let parts = Parallel.mapChunks(count: 1_000, minimumCount: 1) { range in range.reduce(0, +) }
        #expect(parts.count > 1)
        #expect(parts.map(\.range) == Parallel.chunks(count: 1_000, minimumCount: 1))
        #expect(parts.map(\.result) == parts.map { $0.range.reduce(0, +) })
        #expect(parts.map(\.result).reduce(0, +) == 999 * 1_000 / 2)
    }

    @Test func processorCountRespectsQuotaArithmetic() {
        #expect(Parallel.processorCount >= 1)
        #expect(Parallel.quotaProcessors(quota: 150_000, period: 100_000) == 2)
        #expect(Parallel.quotaProcessors(quota: 100_000, period: 100_000) == 1)
        #expect(Parallel.quotaProcessors(quota: 10_000, period: 100_000) == 1)
        #expect(Parallel.quotaProcessors(quota: nil, period: 100_000) == nil)  // "max"
        #expect(Parallel.quotaProcessors(quota: -1, period: 100_000) == nil)  // v1 unlimited
        if let mask = Parallel.affinityCount() { #expect(Parallel.processorCount <= mask) }
    }

    @Test func slotWriterAndUnitsCoverEverySlotOnce() {
        var out = [Int](repeating: 0, count: 1_000)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Parallel.SlotWriter(buffer)
            Parallel.forEachChunk(count: 1_000, minimumCount: 1) { range in for i in range { slots[i] += i } }
        }
        #expect(out == Array(0..<1_000))
        var hits = [Int](repeating: 0, count: 37)
        hits.withUnsafeMutableBufferPointer { buffer in
            let slots = Parallel.SlotWriter(buffer)
            Parallel.forEachUnit(units: 37, workers: 4) { unit in slots[unit] += 1 }
        }
        #expect(hits.allSatisfy { $0 == 1 })
        #expect(Parallel.workers(requested: nil, units: 1) == 1)
        #expect(Parallel.workers(requested: 8, units: 3) == 3)
    }

    @Test func bothReturnsEachResultInItsPlace() {
        // Two computations of different lengths and types; each result lands in its own slot
        // whichever thread ran it, every time.
        for _ in 0..<20 {
            let (sum, text) = Parallel.both({ (0..<200_000).reduce(0, +) }, { String(repeating: "链", count: 3) })
            #expect(sum == 19_999_900_000)
            #expect(text == "链链链")
        }
    }
}
