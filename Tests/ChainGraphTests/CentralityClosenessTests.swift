import Testing

@testable import ChainGraph

@Suite struct CentralityClosenessTests {
    @Test(arguments: CentralityFixture.names)
    func matchesNetworkX(_ name: String) throws {
        let f = try CentralityFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "Weighted" : ""
            expectClose(
                try f.graph.closeness(weighted: weighted), try #require(f.values("closeness" + suffix)),
                "\(name) closeness\(suffix)")
            expectClose(
                try f.graph.closeness(weighted: weighted, wfImproved: false),
                try #require(f.values("closenessNoWF" + suffix)), "\(name) closenessNoWF\(suffix)")
            expectClose(
                try f.graph.harmonicCentrality(weighted: weighted),
                try #require(f.values("harmonic" + suffix)), "\(name) harmonic\(suffix)")
        }
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func identicalForOneAndTwoThreads() throws {
        let g = try largeRandomGraph(nodes: 600, edges: 2_400, directed: true, seed: 3, weighted: true)
        for weighted in [false, true] {
            #expect(try g.closeness(weighted: weighted, threads: 1) == g.closeness(weighted: weighted, threads: 2))
            #expect(
                try g.harmonicCentrality(weighted: weighted, threads: 1)
                    == g.harmonicCentrality(weighted: weighted, threads: 2))
        }
    }

    @Test func edgeCases() throws {
        #expect(try Graph.empty.closeness().isEmpty)
        var b = GraphBuilder(directed: true, nodeCount: 1)
        let single = try b.build()
        #expect(try single.closeness() == [0])
        #expect(try single.harmonicCentrality() == [0])
        b = GraphBuilder(directed: true)
        b.addEdge(0, 1, weight: -2)
        let bad = try b.build()
        #expect(throws: CentralityError.invalidWeight(edge: 0, weight: -2)) { try bad.closeness(weighted: true) }
        // Incoming distances: only node 1 is reached (from 0).
        #expect(try bad.closeness() == [0, 1])
    }

    @Test func progressReachesTotal() throws {
        let f = try CentralityFixture.load("random_undirected_200")
        let counter = CallCounter()
        _ = try f.graph.closeness(weighted: true) { done, total in counter.add(done, total) }
        #expect(counter.last == 200 && counter.count <= 102)
    }
}
