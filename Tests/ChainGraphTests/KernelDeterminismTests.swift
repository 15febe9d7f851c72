import Testing

@testable import ChainGraph

/// The parallel kernels (PageRank with claimed work units, Afforest weak components, trimmed
/// pivot strong components) against plain references, and the same for any thread count.
@Suite struct KernelDeterminismTests {
    /// A skewed graph (a few hubs get most edges), like the R-MAT graphs the kernels are tuned for.
    func skewedGraph(nodes: Int, edges: Int, directed: Bool, seed: UInt64) throws -> Graph {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var builder = GraphBuilder(directed: directed, nodeCount: nodes)
        for _ in 0..<edges {
            // Squaring a uniform draw skews ids towards 0; hubs are then scattered by a multiplier.
            let a = Double(next() >> 11) / Double(1 << 53), b = Double(next() >> 11) / Double(1 << 53)
            let u = (Int(a * a * Double(nodes)) &* 7_919) % nodes
            let v = (Int(b * b * b * Double(nodes)) &* 104_729) % nodes
            builder.addEdge(Int32(u), Int32(v))
        }
        return try builder.build()
    }

    /// Components by breadth-first search over the undirected view, numbered by smallest node.
    func referenceWeak(_ g: Graph) -> [Int32] {
        var label = [Int32](repeating: -1, count: g.nodeCount)
        var next: Int32 = 0
        for s in 0..<g.nodeCount where label[s] < 0 {
            label[s] = next
            var queue = [Int32(s)]
            var head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for w in g.successors(of: v) + g.predecessors(of: v) where label[Int(w)] < 0 {
                    label[Int(w)] = next
                    queue.append(w)
                }
            }
            next += 1
        }
        return label
    }

    @Test func pageRankIdenticalForAnyThreadCountOnSkewedGraphs() throws {
        for directed in [true, false] {
            let g = try skewedGraph(nodes: 150_000, edges: 600_000, directed: directed, seed: 3)
            for weighted in [false, true] {
                let one = try g.pageRank(weighted: weighted, tolerance: 0, maxIterations: 10, threads: 1)
                for threads in [2, 3] {
                    let more = try g.pageRank(weighted: weighted, tolerance: 0, maxIterations: 10, threads: threads)
                    #expect(more == one, "directed \(directed) weighted \(weighted) threads \(threads)")
                }
            }
        }
    }

    @Test func weakComponentsMatchSearchForAnyThreadCount() throws {
        for (directed, nodes, edges) in [(true, 20_000, 15_000), (true, 20_000, 200_000), (false, 30_000, 20_000)] {
            let g = try skewedGraph(nodes: nodes, edges: edges, directed: directed, seed: UInt64(nodes + edges))
            let reference = referenceWeak(g)
            for threads in [1, 2, 4] {
                let parts = g.weaklyConnectedComponents(threads: threads)
                #expect(parts.componentOf == reference, "directed \(directed) edges \(edges) threads \(threads)")
            }
        }
    }

    @Test func weakComponentsRespectLayers() throws {
        var b = GraphBuilder(directed: true)
        for v in Int32(0)..<1_000 { b.addEdge(v, (v + 1) % 1_000, layer: v % 10 == 0 ? 1 : 0) }
        let g = try b.build()
        #expect(g.weaklyConnectedComponents().count == 1)
        for threads in [1, 2] {
            #expect(g.weaklyConnectedComponents(layers: [0], threads: threads).count == 100)
            #expect(g.weaklyConnectedComponents(layers: [1], threads: threads).count == 900)
        }
    }

    @Test func strongComponentsMatchTarjanForAnyThreadCount() throws {
        for (nodes, edges) in [(20_000, 30_000), (20_000, 120_000), (5_000, 200_000)] {
            let g = try skewedGraph(nodes: nodes, edges: edges, directed: true, seed: UInt64(edges))
            // A layer restriction that admits every edge takes the plain Tarjan path.
            let tarjan = g.stronglyConnectedComponents(layers: [0])
            #expect(tarjan.sizes.contains { $0 > 1 })
            for threads in [1, 2, 3] {
                #expect(
                    g.stronglyConnectedComponents(threads: threads) == tarjan, "\(nodes) \(edges) threads \(threads)")
            }
        }
    }

    @Test func buildReleasingEdgesEqualsBuild() throws {
        var state: UInt64 = 9
        var s: [Int32] = [], t: [Int32] = []
        for _ in 0..<300_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            s.append(Int32(truncatingIfNeeded: (state >> 33) % 40_000))
            t.append(Int32(truncatingIfNeeded: (state >> 13) % 40_000))
        }
        let reference = try GraphBuilder(directed: true, sources: s, targets: t).build(threads: 1)
        var builder = GraphBuilder(directed: true, sources: s, targets: t)
        let g = try builder.buildReleasingEdges()
        #expect(builder.edgeCount == 0)
        #expect(g.nodeCount == reference.nodeCount && g.outOffsets == reference.outOffsets)
        #expect(g.outTargets == reference.outTargets && g.weights == reference.weights && g.layers == reference.layers)
        #expect(
            g.inOffsets == reference.inOffsets && g.inSources == reference.inSources && g.inEdges == reference.inEdges)
    }
}
