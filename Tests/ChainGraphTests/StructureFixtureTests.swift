import Foundation
import Testing

@testable import ChainGraph

/// Expected results written by scripts/fixtures/make_structure_fixtures.py (NetworkX 3.x).
struct StructureFixture: Decodable {
    struct Distances: Decodable { let source: String; let distance: [String: Double] }
    struct Flow: Decodable { let sources: [String]; let sinks: [String]; let value: Double }
    struct DAG: Decodable { let hopLength: Int; let weightedLength: Double }
    let file: String
    let directed: Bool
    let nodes: Int
    let edges: Int
    let weak: [[String]]
    let strong: [[String]]
    let articulation: [String]
    let bridges: [[String]]
    let biconnected: [[String]]
    let core: [String: Int]?
    let dijkstra: Distances
    let bfs: Distances
    let maxflow: Flow?
    let dag: DAG?
    let cyclic: [[String]]?

    static let names = ["directed", "undirected", "parallel", "reciprocal", "dag", "cyclic"]

    static func load(_ name: String) throws -> (StructureFixture, LabeledGraph) {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("structure")
        let json = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        let fixture = try JSONDecoder().decode(StructureFixture.self, from: json)
        let graph = try EdgeListReader.read(
            path: folder.appendingPathComponent(fixture.file).path,
            options: .init(directed: fixture.directed))
        return (fixture, graph)
    }
}

/// A partition given as node lists, in the fixtures' canonical form (labels sorted as
/// strings inside each part; parts sorted by (size, labels)).
func canonicalPartition(_ parts: [[Int32]], _ labels: [String]) -> [[String]] {
    parts.map { $0.map { labels[Int($0)] }.sorted() }
        .sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
}

@Suite struct StructureFixtureTests {
    @Test(arguments: StructureFixture.names)
    func componentsMatchNetworkX(_ name: String) throws {
        let (fx, lg) = try StructureFixture.load(name)
        #expect(lg.graph.nodeCount == fx.nodes)
        #expect(lg.graph.edgeCount == fx.edges)
        #expect(canonicalPartition(lg.graph.weaklyConnectedComponents().members(), lg.labels) == fx.weak)
        #expect(canonicalPartition(lg.graph.stronglyConnectedComponents().members(), lg.labels) == fx.strong)
    }

    @Test(arguments: StructureFixture.names)
    func cutStructureMatchesNetworkX(_ name: String) throws {
        let (fx, lg) = try StructureFixture.load(name)
        let g = lg.graph
        let cuts = g.biconnectivity()
        #expect(cuts.articulationPoints.map { lg.labels[Int($0)] }.sorted() == fx.articulation)
        let sources = g.edgeSources()
        let bridges = cuts.bridges.map { e in
            [lg.labels[Int(sources[e])], lg.labels[Int(g.outTargets[e])]].sorted()
        }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(bridges == fx.bridges)
        #expect(canonicalPartition(cuts.componentNodes, lg.labels) == fx.biconnected)
        // Every counted non-loop edge is in exactly one biconnected component.
        let covered = cuts.componentEdges.flatMap { $0 }.sorted()
        let nonLoops = (0..<g.edgeCount).filter { sources[$0] != g.outTargets[$0] }
        #expect(covered == nonLoops)
        // Cuts only (what `chainmap structure` asks for): the same points and bridges, no components.
        let cutsOnly = g.biconnectivity(components: false)
        #expect(cutsOnly.articulationPoints == cuts.articulationPoints)
        #expect(cutsOnly.bridges == cuts.bridges)
        #expect(cutsOnly.componentEdges.isEmpty && cutsOnly.componentNodes.isEmpty)
    }

    @Test(arguments: StructureFixture.names)
    func coreNumbersMatchNetworkX(_ name: String) throws {
        let (fx, lg) = try StructureFixture.load(name)
        guard let expected = fx.core else { return }
        let cores = lg.graph.coreNumbers()
        for (v, label) in lg.labels.enumerated() {
            #expect(Int(cores[v]) == expected[label], "node \(label)")
        }
    }

    @Test(arguments: StructureFixture.names)
    func shortestPathsMatchNetworkX(_ name: String) throws {
        let (fx, lg) = try StructureFixture.load(name)
        let g = lg.graph
        let source = try #require(lg.labels.firstIndex(of: fx.dijkstra.source))
        let tree = try g.dijkstra(from: [Int32(source)])
        let hops = try g.bfsShortestPaths(from: [Int32(source)])
        for (v, label) in lg.labels.enumerated() {
            #expect(tree.distance[v] == fx.dijkstra.distance[label] ?? .infinity, "dijkstra \(label)")
            #expect(hops.distance[v] == fx.bfs.distance[label] ?? .infinity, "bfs \(label)")
            // The reconstructed path has the reported length and follows real edges.
            if let edges = tree.edgePath(to: Int32(v)) {
                #expect(abs(edges.reduce(0.0) { $0 + g.weights[$1] } - tree.distance[v]) < 1e-9)
                let path = try #require(tree.path(to: Int32(v)))
                #expect(path.count == edges.count + 1)
                #expect(path.first == Int32(source) && path.last == Int32(v))
            }
        }
    }

    @Test(arguments: StructureFixture.names)
    func maxFlowMatchesNetworkX(_ name: String) throws {
        let (fx, lg) = try StructureFixture.load(name)
        guard let flow = fx.maxflow else { return }
        let g = lg.graph
        let ids = { (names: [String]) in names.compactMap { lg.labels.firstIndex(of: $0) }.map { Int32($0) } }
        let result = try g.maxFlow(from: ids(flow.sources), to: ids(flow.sinks))
        #expect(abs(result.value - flow.value) < 1e-9)
        #expect(abs(result.cutCapacity - flow.value) < 1e-9)
        // Conservation at every node that is neither source nor sink, capacity bounds.
        let sources = g.edgeSources()
        var net = [Double](repeating: 0, count: g.nodeCount)
        for e in 0..<g.edgeCount {
            #expect(abs(result.edgeFlow[e]) <= g.weights[e] + 1e-9)
            if g.isDirected { #expect(result.edgeFlow[e] >= -1e-9) }
            net[Int(sources[e])] -= result.edgeFlow[e]
            net[Int(g.outTargets[e])] += result.edgeFlow[e]
        }
        let terminals = Set(ids(flow.sources) + ids(flow.sinks))
        for v in 0..<g.nodeCount where !terminals.contains(Int32(v)) {
            #expect(abs(net[v]) < 1e-9, "conservation at \(lg.labels[v])")
        }
        for s in ids(flow.sources) { #expect(result.sourceSide[Int(s)]) }
        for t in ids(flow.sinks) { #expect(!result.sourceSide[Int(t)]) }
    }

    @Test func dagMatchesNetworkX() throws {
        let (fx, lg) = try StructureFixture.load("dag")
        let dag = try #require(fx.dag)
        let g = lg.graph
        let order = try g.topologicalOrder()
        #expect(order.count == g.nodeCount)
        var position = [Int](repeating: 0, count: g.nodeCount)
        for (i, v) in order.enumerated() { position[Int(v)] = i }
        let sources = g.edgeSources()
        for e in 0..<g.edgeCount { #expect(position[Int(sources[e])] < position[Int(g.outTargets[e])]) }
        let longest = try g.longestPaths()
        #expect(longest.hopLength == dag.hopLength)
        #expect(longest.weightedLength == dag.weightedLength)
        #expect(g.cycleReport() == nil)
    }

    @Test func cyclesMatchNetworkX() throws {
        let (fx, lg) = try StructureFixture.load("cyclic")
        let g = lg.graph
        let report = try #require(g.cycleReport())
        #expect(canonicalPartition(report.cyclicComponents, lg.labels) == fx.cyclic)
        // The concrete cycle closes through real edges.
        let cycle = report.cycle
        #expect(!cycle.isEmpty)
        for i in cycle.indices {
            let next = cycle[(i + 1) % cycle.count]
            #expect(g.successors(of: cycle[i]).contains(next))
        }
        #expect(throws: CycleError.self) { try g.topologicalOrder() }
    }
}
