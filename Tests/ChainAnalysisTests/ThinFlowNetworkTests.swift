import ChainGraph
import Testing

@testable import ChainAnalysis

/// The thin rule's own flow network must give what a general graph built from the same edges
/// gives with `Graph.maxFlow`: the same flow to the last bit (the same augmenting paths in the
/// same order) and the same cut, on layered networks like a chain's, with parallel edges,
/// backward links, self-loops and zero capacities.
@Suite struct ThinFlowNetworkTests {
    @Test(arguments: 1...40)
    func equalsGeneralMaxFlow(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let layers = Int.random(in: 2...6, using: &rng)
        let perLayer = Int.random(in: 1...12, using: &rng)
        let n = layers * perLayer
        var edges: [(u: Int32, v: Int32, capacity: Double, tag: Int32)] = []
        for _ in 0..<Int.random(in: 0...(n * 4), using: &rng) {
            let u = Int.random(in: 0..<n, using: &rng)
            // Mostly the next layer, sometimes anywhere (backward links, self-loops).
            let v =
                Int.random(in: 0..<10, using: &rng) < 8 && u / perLayer + 1 < layers
                ? (u / perLayer + 1) * perLayer + Int.random(in: 0..<perLayer, using: &rng)
                : Int.random(in: 0..<n, using: &rng)
            let capacity = Int.random(in: 0..<6, using: &rng) == 0 ? 0 : Double.random(in: 0..<1e6, using: &rng)
            edges.append((Int32(u), Int32(v), capacity, Int32(edges.count)))
        }
        let sources = (0..<perLayer).filter { _ in Bool.random(using: &rng) }.map(Int32.init)
        let sinks = ((n - perLayer)..<n).filter { $0 >= perLayer && Bool.random(using: &rng) }.map(Int32.init)
        var builder = GraphBuilder(directed: true, nodeCount: n)
        for ed in edges { builder.addEdge(ed.u, ed.v, weight: ed.capacity) }
        let graph = try builder.build()
        let network = ThinFlowNetwork(nodeCount: n, edges: edges)
        #expect(network.capacities == graph.weights)
        let expected = try? graph.maxFlow(from: sources, to: sinks)
        let result = network.maxFlow(sources: sources, sinks: sinks)
        #expect((expected == nil) == (result == nil))
        if let expected, let result {
            #expect(result.value.bitPattern == expected.value.bitPattern)
            #expect(result.cutEdges == expected.cutEdges)
        }
        // Tags follow the edges into the graph's edge numbering (by tail, in order of addition).
        var cursor = graph.outOffsets
        for ed in edges {
            #expect(network.tags[cursor[Int(ed.u)]] == ed.tag)
            cursor[Int(ed.u)] += 1
        }
    }
}
