import Testing
import ChainGraph

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
}
