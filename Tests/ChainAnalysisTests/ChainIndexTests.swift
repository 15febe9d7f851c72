import Testing

@testable import ChainAnalysis

/// The chain index reads links in parallel chunks on large parks; chunking must not change
/// a single key, and products are numbered in order of first appearance.
@Suite struct ChainIndexTests {
    static let samples = ["beilun-nev", "jinchang-battery", "ningxiang-storage", "wujin-machinery", "yihuang-plastics"]

    @Test(arguments: samples)
    func chunkedReadingEqualsSequential(_ name: String) throws {
        let park = try GapSampleTests.sample(name)
        let whole = ChainIndex(park)
        let chunked = ChainIndex(park, minimumParallelLinks: 1)
        #expect(chunked.productNames == whole.productNames)
        #expect(chunked.edgeKey == whole.edgeKey)
        #expect(chunked.edgeValue == whole.edgeValue)
        #expect(chunked.edgeLocal == whole.edgeLocal)
        #expect(chunked.edgeLink == whole.edgeLink)
    }

    @Test(arguments: samples)
    func productsAreNumberedByFirstActiveAppearance(_ name: String) throws {
        let park = try GapSampleTests.sample(name)
        let index = ChainIndex(park, minimumParallelLinks: 1)
        let known = Set(park.firms.map(\.id))
        var expected: [String] = []
        for link in park.links
        where link.status == .active && known.contains(link.supplier) && known.contains(link.buyer) {
            if let p = link.product, !p.isEmpty, !expected.contains(p) { expected.append(p) }
        }
        #expect(!expected.isEmpty)
        #expect(index.productNames == expected)
        // Every product edge carries its own link's product.
        for e in 0..<index.graph.edgeCount {
            let link = park.links[Int(index.edgeLink[e])]
            if let p = link.product, !p.isEmpty {
                #expect(index.productNames[Int(index.edgeKey[e])] == p)
            } else {
                #expect(index.edgeKey[e] < 0)
            }
        }
    }
}
