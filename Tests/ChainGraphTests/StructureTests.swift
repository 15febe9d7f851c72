import Testing

@testable import ChainGraph

func structureGraph(
    directed: Bool = true, _ edges: [(Int32, Int32, Double)], nodes: Int = 0, layers: [EdgeLayer]? = nil
) throws -> Graph {
    var builder = GraphBuilder(directed: directed, nodeCount: nodes)
    for (i, (u, v, w)) in edges.enumerated() { builder.addEdge(u, v, weight: w, layer: layers?[i] ?? 0) }
    return try builder.build()
}

@Suite struct StructureTests {
    /// Two triangles sharing node 2 (0-1-2, 2-3-4), then a tail 4-5 and a doubled edge 5=6.
    /// Removing 2 splits the triangles, removing 4 cuts off 5 and 6, removing 5 cuts off 6:
    /// cut points {2, 4, 5}. Only 4-5 is a bridge: 5=6 is doubled, so dropping one copy
    /// leaves the other. Biconnected components: {0,1,2}, {2,3,4}, {4,5}, {5,6}.
    @Test func cutPointsBridgesAndBlocksByHand() throws {
        let g = try structureGraph(
            directed: false,
            [
                (0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1), (3, 4, 1), (4, 2, 1),
                (4, 5, 1), (5, 6, 1), (6, 5, 1),
            ])
        let cuts = g.biconnectivity()
        #expect(cuts.articulationPoints == [2, 4, 5])
        let sources = g.edgeSources()
        #expect(cuts.bridges.map { [sources[$0], g.outTargets[$0]].sorted() } == [[4, 5]])
        #expect(Set(cuts.componentNodes) == [[0, 1, 2], [2, 3, 4], [4, 5], [5, 6]])
        #expect(cuts.componentEdges.map(\.count).reduce(0, +) == g.edgeCount)
    }

    /// In a directed graph 0→1, 1→0, 1→2: the undirected view has a doubled 0=1 (no bridge)
    /// and a single 1-2 (bridge); 1 is the only cut point.
    @Test func reciprocalEdgesAreNotBridges() throws {
        let g = try structureGraph([(0, 1, 1), (1, 0, 1), (1, 2, 1)])
        let cuts = g.biconnectivity()
        #expect(cuts.articulationPoints == [1])
        #expect(cuts.bridges.count == 1)
        let e = try #require(cuts.bridges.first)
        #expect(g.source(ofEdge: e) == 1 && g.outTargets[e] == 2)
    }

    @Test func componentsAreNumberedBySmallestNode() throws {
        // Parts: {0, 2}, {1, 4, 5}, {3}; node 3 is isolated.
        let g = try structureGraph([(5, 1, 1), (2, 0, 1), (4, 5, 1)], nodes: 6)
        let weak = g.weaklyConnectedComponents()
        #expect(weak.componentOf == [0, 1, 0, 2, 1, 1])
        #expect(weak.sizes == [2, 3, 1])
        #expect(weak.largestComponent == 1)
        // Strong: no cycles, every node alone, numbered by node id.
        let strong = g.stronglyConnectedComponents()
        #expect(strong.componentOf == [0, 1, 2, 3, 4, 5])
    }

    @Test func strongComponentsOfCycles() throws {
        // 0→1→2→0 is one cycle, 3→4→3 another, 2→3 joins them one way only.
        let g = try structureGraph([(0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1), (3, 4, 1), (4, 3, 1), (4, 5, 1)])
        let scc = g.stronglyConnectedComponents()
        #expect(scc.members() == [[0, 1, 2], [3, 4], [5]])
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func millionNodePathIsStackSafe() throws {
        let n: Int32 = 1_000_000
        var builder = GraphBuilder(directed: true)
        builder.reserveCapacity(edges: Int(n))
        for v in 0..<(n - 1) { builder.addEdge(v, v + 1) }
        let path = try builder.build()
        #expect(path.stronglyConnectedComponents().count == Int(n))
        #expect(path.weaklyConnectedComponents().count == 1)
        // Closing the path into one cycle makes a single strong component.
        builder.addEdge(n - 1, 0)
        let cycle = try builder.build()
        #expect(cycle.stronglyConnectedComponents().count == 1)
        // Hopcroft–Tarjan goes a million deep too: every edge of the path is a bridge.
        let cuts = path.biconnectivity()
        #expect(cuts.bridges.count == Int(n) - 1)
        #expect(cuts.articulationPoints.count == Int(n) - 2)
        #expect(try path.longestPaths().hopLength == Int(n) - 1)
    }

    /// A 4-clique 0..3 (each node degree 3, so core 3) with a pendant 4 on 0 (core 1).
    @Test func coreNumbersByHand() throws {
        let g = try structureGraph(
            directed: false,
            [
                (0, 1, 1), (0, 2, 1), (0, 3, 1), (1, 2, 1), (1, 3, 1), (2, 3, 1), (0, 4, 1),
            ], nodes: 6)
        #expect(g.coreNumbers() == [3, 3, 3, 3, 1, 0])
        // Directed 0→1 and 1→0: degree is in + out = 2 for both, so both are in the 2-core
        // (NetworkX's core_number on a DiGraph agrees).
        let pair = try structureGraph([(0, 1, 1), (1, 0, 1)])
        #expect(pair.coreNumbers() == [2, 2])
    }

    @Test func layersRestrictTheEdgesUsed() throws {
        // Supply 0→1, pairing 1→2, supply 2→3.
        let g = try structureGraph([(0, 1, 1), (1, 2, 1), (2, 3, 1)], layers: [0, 1, 0])
        #expect(g.weaklyConnectedComponents().count == 1)
        #expect(g.weaklyConnectedComponents(layers: [0]).count == 2)
        #expect(g.biconnectivity(layers: [0]).bridges == [0, 2])
        #expect(g.coreNumbers(layers: [1]) == [0, 1, 1, 0])
        #expect(g.stronglyConnectedComponents(layers: [2]).count == 4)
    }

    @Test func progressReachesTheTotal() throws {
        let g = try structureGraph([(0, 1, 1), (1, 2, 1)])
        var calls: [(Int, Int)] = []
        _ = g.stronglyConnectedComponents { calls.append(($0, $1)) }
        #expect(calls.last.map { $0.0 == $0.1 && $0.1 == 3 } == true)
    }
}
