import Testing

@testable import ChainGraph

@Suite struct GraphBuilderTests {
    @Test func emptyGraph() throws {
        let g = try GraphBuilder().build()
        #expect(g.nodeCount == 0 && g.edgeCount == 0)
        #expect(g.outOffsets == [0] && g.inOffsets == [0])
    }

    @Test func isolatedNodes() throws {
        var b = GraphBuilder(nodeCount: 3)
        b.ensureNodeCount(5)
        let g = try b.build()
        #expect(g.nodeCount == 5 && g.edgeCount == 0)
        for v in Int32(0)..<5 { #expect(g.outDegree(of: v) == 0 && g.inDegree(of: v) == 0) }
    }

    @Test func degreesAndReverseAdjacency() throws {
        // 0→1 (w2), 0→2 (w3), 2→1, 1→3, 0→1 again (parallel), 3→3 (self-loop), node 4 isolated.
        var b = GraphBuilder(nodeCount: 5)
        b.addEdge(0, 1, weight: 2)
        b.addEdge(2, 1)
        b.addEdge(0, 2, weight: 3, layer: 1)
        b.addEdge(1, 3)
        b.addEdge(0, 1, weight: 4)
        b.addEdge(3, 3)
        let g = try b.build()
        #expect(g.nodeCount == 5 && g.edgeCount == 6)
        #expect((0..<5).map { g.outDegree(of: Int32($0)) } == [3, 1, 1, 1, 0])
        #expect((0..<5).map { g.inDegree(of: Int32($0)) } == [0, 3, 1, 2, 0])
        // Out-edges of a source keep the order of addition, with their weights and layers.
        #expect(Array(g.successors(of: 0)) == [1, 2, 1])
        #expect(g.outEdgeRange(of: 0).map { g.weights[$0] } == [2, 3, 4])
        #expect(g.outEdgeRange(of: 0).map { g.layers[$0] } == [0, 1, 0])
        // In-adjacency: sources and the edge ids that lead back to the out arrays.
        #expect(Array(g.predecessors(of: 1)) == [0, 0, 2])
        for v in Int32(0)..<5 {
            for i in g.inEdgeRange(of: v) {
                let e = Int(g.inEdges[i])
                #expect(g.outTargets[e] == v)
                #expect(g.source(ofEdge: e) == g.inSources[i])
            }
        }
        #expect(g.edgeSources() == [0, 0, 0, 1, 2, 3])
    }

    @Test func nodeCountGrowsWithIds() throws {
        var b = GraphBuilder()
        b.addEdge(7, 2)
        let g = try b.build()
        #expect(g.nodeCount == 8)
    }

    @Test func negativeIdsAreAnError() {
        var b = GraphBuilder()
        b.addEdge(0, 1)
        b.addEdge(-3, 1)
        #expect(throws: GraphError.negativeNode(-3)) { try b.build() }
    }

    @Test func memoryPerEdgeIsAtMost24Bytes() throws {
        var b = GraphBuilder(nodeCount: 1000)
        for i in 0..<10_000 { b.addEdge(Int32(i % 1000), Int32((i * 7) % 1000)) }
        let g = try b.build()
        let perEdge = Double(g.memoryFootprint - 2 * (g.nodeCount + 1) * 8) / Double(g.edgeCount)
        #expect(perEdge <= 24)
        #expect(perEdge == 21)
    }

    @Test func filteringByLayerKeepsNodes() throws {
        var b = GraphBuilder()
        b.addEdge(0, 1, layer: 0)
        b.addEdge(1, 2, layer: 1)
        b.addEdge(2, 0, layer: 0)
        let g = try b.build().filtered(layers: [0])
        #expect(g.nodeCount == 3 && g.edgeCount == 2)
        #expect(Array(g.successors(of: 1)).isEmpty)
    }
}

/// The parallel build must give exactly the sequential graph.
@Suite struct ParallelBuildTests {
    func randomBuilder(nodes: Int, edges: Int, seed: UInt64, hubs: Bool) -> GraphBuilder {
        var rng = SplitMix64(seed: seed)
        func next() -> UInt64 { rng.next() }
        var b = GraphBuilder(nodeCount: nodes + 3)  // 3 isolated nodes at the end
        for _ in 0..<edges {
            // With hubs, a quarter of the edges leave node 0 and a quarter enter node 1.
            let r = next() % 4
            let u = hubs && r == 0 ? 0 : Int32(next() % UInt64(nodes))
            let v = hubs && r == 1 ? 1 : Int32(next() % UInt64(nodes))
            b.addEdge(u, v, weight: Double(next() % 1000) / 10, layer: EdgeLayer(rawValue: UInt8(next() % 3)))
        }
        return b
    }

    func assertSame(_ a: Graph, _ b: Graph) {
        #expect(a.nodeCount == b.nodeCount)
        #expect(a.outOffsets == b.outOffsets)
        #expect(a.outTargets == b.outTargets)
        #expect(a.weights == b.weights)
        #expect(a.layers == b.layers)
        #expect(a.inOffsets == b.inOffsets)
        #expect(a.inSources == b.inSources)
        #expect(a.inEdges == b.inEdges)
    }

    @Test(arguments: [2, 3, 8])
    func parallelEqualsSequential(threads: Int) throws {
        for (nodes, edges, hubs) in [
            (1000, 20_000, false), (50, 5_000, true), (5, 1_000, true), (20_000, 60_000, false),
        ] {
            let b = randomBuilder(nodes: nodes, edges: edges, seed: UInt64(nodes + edges), hubs: hubs)
            assertSame(try b.build(threads: 1), try b.build(threads: threads))
        }
    }

    @Test func moreThreadsThanNodesAndEmptyGraphs() throws {
        var b = GraphBuilder(nodeCount: 2)
        b.addEdge(0, 1)
        b.addEdge(1, 0)
        b.addEdge(0, 1)
        assertSame(try b.build(threads: 1), try b.build(threads: 16))
        assertSame(try GraphBuilder().build(threads: 1), try GraphBuilder().build(threads: 4))
    }
}

/// Bulk arrays build exactly what the same edges added one by one build.
@Suite struct GraphBuilderBulkTests {
    @Test func bulkEqualsAddedOneByOne() throws {
        var rng = SplitMix64(seed: 7)
        let m = 500
        let sources = (0..<m).map { _ in Int32(rng.next() % 40) }
        let targets = (0..<m).map { _ in Int32(rng.next() % 40) }
        let weights = (0..<m).map { _ in Double(rng.next() % 100) / 4 }
        let layers: [EdgeLayer] = (0..<m).map { _ in rng.next() % 3 == 0 ? 1 : 0 }
        var one = GraphBuilder(directed: true, nodeCount: 45)
        for i in 0..<m { one.addEdge(sources[i], targets[i], weight: weights[i], layer: layers[i]) }
        let expected = try one.build()
        let bulk = try GraphBuilder(
            directed: true, nodeCount: 45, sources: sources, targets: targets, weights: weights, layers: layers
        ).build()
        #expect(bulk.nodeCount == 45)
        #expect(bulk.outOffsets == expected.outOffsets)
        #expect(bulk.outTargets == expected.outTargets)
        #expect(bulk.weights == expected.weights)
        #expect(bulk.layers == expected.layers)
        #expect(bulk.inSources == expected.inSources)
        #expect(bulk.inEdges == expected.inEdges)
    }

    @Test func uniformWeightAndLayerAndInferredNodeCount() throws {
        let g = try GraphBuilder(sources: [0, 1, 1], targets: [1, 2, 5], uniformWeight: 2.5, uniformLayer: 2).build()
        #expect(g.nodeCount == 6)
        #expect(g.weights == [2.5, 2.5, 2.5])
        #expect(g.layers == [2, 2, 2])
        // Adding one by one after a bulk start keeps the uniform values for the bulk edges.
        var b = GraphBuilder(sources: [0], targets: [1], uniformWeight: 3)
        b.addEdge(1, 0, weight: 7, layer: 1)
        let h = try b.build()
        #expect(h.weights == [3, 7])
        #expect(h.layers == [0, 1])
    }

    @Test func negativeIdsThrowAtBuild() {
        #expect(throws: GraphError.negativeNode(-3)) {
            try GraphBuilder(sources: [0, -3], targets: [1, 2]).build()
        }
    }
}
