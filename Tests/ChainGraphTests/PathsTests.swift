import Testing

@testable import ChainGraph

@Suite struct PathsTests {
    /// Edges added 0→2, 0→1, 2→3, 1→3 (all weight 1). Node 3 has two shortest predecessors,
    /// 1 and 2; BFS discovers 3 through 2 first, but the tie goes to the smaller id, 1.
    @Test func tiesGoToTheSmallestPredecessor() throws {
        let g = try structureGraph([(0, 2, 1), (0, 1, 1), (2, 3, 1), (1, 3, 1)])
        let hops = try g.bfsShortestPaths(from: [0])
        #expect(hops.distance == [0, 1, 1, 2])
        #expect(hops.path(to: 3) == [0, 1, 3])
        let tree = try g.dijkstra(from: [0])
        #expect(tree.distance == [0, 1, 1, 2])
        #expect(tree.path(to: 3) == [0, 1, 3])
        #expect(tree.edgePath(to: 3)?.count == 2)
    }

    @Test func dijkstraUsesWeightsAndReportsUnreachable() throws {
        // 0→1 (4), 0→2 (1), 2→1 (2): 0→2→1 costs 3 < 4. Node 3 only has an edge out.
        let g = try structureGraph([(0, 1, 4), (0, 2, 1), (2, 1, 2), (3, 0, 1)])
        let tree = try g.dijkstra(from: [0])
        #expect(tree.distance[1] == 3)
        #expect(tree.path(to: 1) == [0, 2, 1])
        #expect(tree.distance[3] == .infinity)
        #expect(tree.path(to: 3) == nil)
        // Following edges backwards, 3 is reached.
        #expect(try g.dijkstra(from: [0], direction: .incoming).distance[3] == 1)
        #expect(try g.shortestPath(from: 0, to: 1)?.length == 3)
        #expect(try g.shortestPath(from: 0, to: 1, hops: true)?.path == [0, 1])
    }

    /// Zero-weight edges 1⇄2, both at distance 1 like 3. A plain "smallest tight
    /// predecessor" rule would make 2 the predecessor of 1 and 1 that of 2: a loop. Only
    /// nodes settled earlier may be predecessors. Settling order is 0, 3, 1, 2 (distance,
    /// then id), so 1 gets 3 (2 is not settled yet) and 2 gets min(3, 1) = 1.
    @Test func zeroWeightCyclesKeepATree() throws {
        let g = try structureGraph([(0, 3, 1), (3, 1, 0), (3, 2, 0), (1, 2, 0), (2, 1, 0)])
        let tree = try g.dijkstra(from: [0])
        #expect(tree.distance == [0, 1, 1, 1])
        #expect(tree.path(to: 1) == [0, 3, 1])
        #expect(tree.path(to: 2) == [0, 3, 1, 2])
    }

    @Test func badInputThrows() throws {
        let g = try structureGraph([(0, 1, -1), (1, 2, .nan)], layers: [0, 1])
        #expect(throws: PathError.negativeWeight(edge: 0, weight: -1)) { try g.dijkstra(from: [0]) }
        #expect(throws: PathError.self) { try g.dijkstra(from: [0], layers: [1]) }
        #expect(throws: PathError.nodeOutOfRange(9, nodeCount: 3)) { try g.bfsShortestPaths(from: [9]) }
        #expect(throws: PathError.valueCountMismatch(expected: 2, got: 1)) { try g.dijkstra(from: [0], weights: [1]) }
        // Only counted edges are checked: with the pairing layer out, the NaN does not matter.
        #expect(throws: Never.self) { try g.dijkstra(from: [1], weights: [1, 1]) }
    }

    /// The CLRS network (s = 0, t = 5). Maximum flow 23; the minimum cut separates
    /// {0, 1, 2, 4} from {3, 5} through 1→3 (12), 4→3 (7) and 4→5 (4): 12 + 7 + 4 = 23.
    /// 3→2 points back into the source side and is not in the cut.
    @Test func classicMaxFlowByHand() throws {
        let g = try structureGraph([
            (0, 1, 16), (0, 2, 13), (1, 2, 10), (2, 1, 4), (1, 3, 12),
            (3, 2, 9), (2, 4, 14), (4, 3, 7), (3, 5, 20), (4, 5, 4),
        ])
        let flow = try g.maxFlow(from: [0], to: [5])
        #expect(flow.value == 23)
        #expect(flow.cutCapacity == 23)
        #expect(flow.sourceSideNodes == [0, 1, 2, 4])
        let sources = g.edgeSources()
        #expect(Set(flow.cutEdges.map { [sources[$0], g.outTargets[$0]] }) == [[1, 3], [4, 3], [4, 5]])
        #expect(flow.edgeFlow.enumerated().allSatisfy { $0.element >= 0 && $0.element <= g.weights[$0.offset] })
    }

    /// Sources 0 (0→2 cap 5) and 1 (1→2 cap 3) feed 2, which sends 2→3 (cap 10) and
    /// 2→4 (cap 1) to the sinks 3 and 4: in-capacity 5 + 3 = 8 < out-capacity 11, so 8.
    /// Parallel edges add: a second 1→2 (cap 2) lifts it to 10, then out 10 + 1 = 11 ≥ 10.
    @Test func multiSourceMultiSinkAndParallelEdges() throws {
        let g = try structureGraph([(0, 2, 5), (1, 2, 3), (2, 3, 10), (2, 4, 1)])
        #expect(try g.maxFlow(from: [0, 1], to: [3, 4]).value == 8)
        let doubled = try structureGraph([(0, 2, 5), (1, 2, 3), (1, 2, 2), (2, 3, 10), (2, 4, 1)])
        let flow = try doubled.maxFlow(from: [0, 1], to: [3, 4])
        #expect(flow.value == 10)
        #expect(flow.cutEdges.count == 3)  // all three edges into 2
        // Capacities by edge id instead of weights.
        #expect(try g.maxFlow(from: [0, 1], to: [3, 4], capacities: [1, 1, 1, 1]).value == 2)
    }

    /// Undirected 1-0 (cap 3) and 2-1 (cap 2), stored in that direction. Flow 0 ⇝ 2 is 2,
    /// running against the stored direction of both edges, so both flows are −2; the cut is
    /// the edge 2-1 with the source side {0, 1}.
    @Test func undirectedFlowIsSigned() throws {
        let g = try structureGraph(directed: false, [(1, 0, 3), (2, 1, 2)])
        let flow = try g.maxFlow(from: [0], to: [2])
        #expect(flow.value == 2)
        #expect(flow.edgeFlow == [-2, -2])
        #expect(flow.sourceSideNodes == [0, 1])
        #expect(flow.cutEdges == [1])
    }

    @Test func maxFlowRejectsBadTerminalsAndCapacities() throws {
        let g = try structureGraph([(0, 1, 1), (1, 2, -3)])
        #expect(throws: PathError.emptyTerminals) { try g.maxFlow(from: [], to: [1]) }
        #expect(throws: PathError.sourceIsSink(1)) { try g.maxFlow(from: [0, 1], to: [1]) }
        #expect(throws: PathError.negativeWeight(edge: 1, weight: -3)) { try g.maxFlow(from: [0], to: [2]) }
        #expect(throws: PathError.nodeOutOfRange(7, nodeCount: 3)) { try g.maxFlow(from: [0], to: [7]) }
    }

    /// Edges 3→1, 2→1 among nodes 0..3: ready at first are 0, 2, 3 (smallest first), then 1.
    @Test func topologicalOrderBreaksTiesBySmallestId() throws {
        let g = try structureGraph([(3, 1, 1), (2, 1, 1)], nodes: 4)
        #expect(try g.topologicalOrder() == [0, 2, 3, 1])
    }

    /// 0→1 (5), 1→3 (1), 0→2 (1), 2→4 (1), 4→3 (1): by hops 0→2→4→3 (3 edges) is longest;
    /// by weight 0→1→3 (6) beats 0→2→4→3 (3).
    @Test func longestPathsByHopsAndWeight() throws {
        let g = try structureGraph([(0, 1, 5), (1, 3, 1), (0, 2, 1), (2, 4, 1), (4, 3, 1)])
        let longest = try g.longestPaths()
        #expect(longest.hopDepth == [0, 1, 1, 3, 2])
        #expect(longest.longestHopPath == [0, 2, 4, 3])
        #expect(longest.weightedLength == 6)
        #expect(longest.longestWeightedPath == [0, 1, 3])
    }

    @Test func cycleReportNamesAConcreteCycle() throws {
        // 0→1→2→0 plus a self-loop on 4 and a tail 2→3.
        let g = try structureGraph([(0, 1, 1), (1, 2, 1), (2, 0, 1), (2, 3, 1), (4, 4, 1)])
        var caught: CycleError?
        do { _ = try g.topologicalOrder() } catch { caught = error }
        let report = try #require(caught?.report)
        #expect(report.cyclicComponents == [[0, 1, 2], [4]])
        #expect(report.cycle == [0, 1, 2])
        #expect(try structureGraph([(4, 4, 1)]).cycleReport()?.cycle == [4])
        #expect(caught?.description.contains("0 → 1 → 2 → 0") == true)
    }
}
