import Foundation
import Testing

@testable import ChainGraph

/// A centrality fixture written by scripts/fixtures/make_centrality_fixtures.py: a graph
/// (edge list in insertion order) and NetworkX's values for it.
struct CentralityFixture {
    let name: String
    let graph: Graph
    let edges: [(source: Int32, target: Int32, weight: Double)]
    let json: [String: Any]

    static let names = [
        "directed_ties", "undirected_ties", "disconnected_directed", "disconnected_undirected",
        "supply_chain", "random_directed_200", "random_undirected_200", "grid_5x6",
        "strong_directed_60",
    ]

    static func directory() throws -> URL {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return root.appendingPathComponent("centrality")
    }

    static func load(_ name: String) throws -> CentralityFixture {
        let dir = try directory()
        let text = try String(contentsOf: dir.appendingPathComponent(name + ".edges"), encoding: .utf8)
        let data = try Data(contentsOf: dir.appendingPathComponent(name + ".json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var edges: [(source: Int32, target: Int32, weight: Double)] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            try #require(parts.count == 3)
            edges.append(
                (
                    try #require(Int32(parts[0])), try #require(Int32(parts[1])),
                    try #require(Double(String(parts[2])))
                ))
        }
        let directed = try #require(json["directed"] as? Bool)
        let n = try #require(json["nodeCount"] as? Int)
        let graph = try build(edges, directed: directed, nodeCount: n)
        return CentralityFixture(name: name, graph: graph, edges: edges, json: json)
    }

    static func build(_ edges: [(source: Int32, target: Int32, weight: Double)], directed: Bool, nodeCount: Int) throws
        -> Graph
    {
        var builder = GraphBuilder(directed: directed, nodeCount: nodeCount)
        for e in edges { builder.addEdge(e.source, e.target, weight: e.weight) }
        return try builder.build()
    }

    var directed: Bool { graph.isDirected }

    func values(_ key: String) -> [Double]? {
        guard let raw = json[key] as? [Any] else { return nil }
        return raw.compactMap { ($0 as? NSNumber)?.doubleValue }
    }

    func number(_ key: String) -> Double? { (json[key] as? NSNumber)?.doubleValue }

    /// Expected edge values keyed by graph edge id (matched on (source, target); undirected
    /// edges match either orientation).
    func edgeValues(_ key: String) throws -> [Double] {
        let raw = try #require(json[key] as? [[NSNumber]])
        var byPair: [Int64: Double] = [:]
        func pairKey(_ u: Int32, _ v: Int32) -> Int64 {
            let (a, b) = directed ? (u, v) : (min(u, v), max(u, v))
            return Int64(a) << 32 | Int64(b)
        }
        for row in raw { byPair[pairKey(row[0].int32Value, row[1].int32Value)] = row[2].doubleValue }
        let sources = graph.edgeSources()
        return try (0..<graph.edgeCount).map { e in
            try #require(byPair[pairKey(sources[e], graph.outTargets[e])])
        }
    }
}

/// Checks `actual` against `expected` elementwise: |a − e| ≤ relative · max(|e|, floor).
func expectClose(
    _ actual: [Double], _ expected: [Double], relative: Double = 1e-9, floor: Double = 1e-12,
    _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
    var worst = 0.0
    var worstIndex = -1
    for i in 0..<min(actual.count, expected.count) {
        let err = abs(actual[i] - expected[i]) / max(abs(expected[i]), floor)
        if !(err <= worst) { worst = err; worstIndex = i }
    }
    #expect(
        worst <= relative,
        "\(what): worst relative error \(worst) at \(worstIndex): \(worstIndex >= 0 ? "\(actual[worstIndex]) vs \(expected[worstIndex])" : "")",
        sourceLocation: sourceLocation)
}

@Suite struct CentralityFixtureTests {
    @Test func allFixturesLoad() throws {
        for name in CentralityFixture.names {
            let f = try CentralityFixture.load(name)
            #expect(f.graph.nodeCount == f.json["nodeCount"] as? Int, "\(name)")
            #expect(f.graph.edgeCount == f.json["edgeCount"] as? Int, "\(name)")
        }
    }

    @Test func degreesAndStrengthsMatchNetworkX() throws {
        for name in CentralityFixture.names {
            let f = try CentralityFixture.load(name)
            let g = f.graph
            if f.directed {
                #expect(g.degrees(.incoming).map(Double.init) == f.values("inDegree"), "\(name)")
                #expect(g.degrees(.outgoing).map(Double.init) == f.values("outDegree"), "\(name)")
                expectClose(g.strengths(.incoming), try #require(f.values("inStrength")), "\(name) in-strength")
                expectClose(g.strengths(.outgoing), try #require(f.values("outStrength")), "\(name) out-strength")
                let total = zip(try #require(f.values("inDegree")), try #require(f.values("outDegree"))).map { $0 + $1 }
                #expect(g.degrees().map(Double.init) == total, "\(name)")
            } else {
                for direction in [Direction.incoming, .outgoing, .both] {
                    #expect(g.degrees(direction).map(Double.init) == f.values("degree"), "\(name)")
                    expectClose(g.strengths(direction), try #require(f.values("strength")), "\(name) strength")
                }
            }
        }
    }

    @Test func degreesRestrictedToLayers() throws {
        var b = GraphBuilder(directed: true)
        b.addEdge(0, 1, weight: 2, layer: 0)
        b.addEdge(0, 2, weight: 3, layer: 1)
        b.addEdge(2, 1, weight: 5, layer: 0)
        let g = try b.build()
        #expect(g.degrees(.outgoing, layers: [0]) == [1, 0, 1])
        #expect(g.degrees(.incoming, layers: [0]) == [0, 2, 0])
        #expect(g.degrees(.both, layers: [1]) == [1, 0, 1])
        #expect(g.strengths(.incoming, layers: [0]) == [0, 7, 0])
        #expect(g.strengths(.outgoing, layers: [1, 0]) == [5, 0, 5])
        #expect(g.strengths(.outgoing, layers: []) == [0, 0, 0])
    }
}
