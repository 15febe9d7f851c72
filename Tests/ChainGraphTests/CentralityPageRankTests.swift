import Testing

@testable import ChainGraph

@Suite struct CentralityPageRankTests {
    // Tolerance 1e-13 on the L1 change bounds the L1 error by 0.85/0.15 · 1e-13 < 1e-12;
    // the fixtures (NetworkX, tol 1e-15·n) are at least as tight. Per node the absolute
    // error is then below 1e-12, i.e. relative 1e-9 for any score above 1e-3; we check
    // absolute 1e-11.
    @Test func matchesNetworkX() throws {
        for name in CentralityFixture.names {
            let f = try CentralityFixture.load(name)
            let g = f.graph
            let weighted = try g.pageRank(tolerance: 1e-13)
            #expect(weighted.converged, "\(name)")
            expectClose(
                weighted.scores, try #require(f.values("pagerank")), relative: 1e-11, floor: 1, "\(name) pagerank")
            let unweighted = try g.pageRank(weighted: false, tolerance: 1e-13)
            expectClose(
                unweighted.scores, try #require(f.values("pagerankUnweighted")), relative: 1e-11, floor: 1,
                "\(name) unweighted")
            let pers: [Double] = try #require(f.values("personalization"))
            let personalized = try g.pageRank(damping: 0.7, personalization: pers, tolerance: 1e-13)
            expectClose(
                personalized.scores, try #require(f.values("pagerankPersonalized")), relative: 1e-11, floor: 1,
                "\(name) personalized")
            #expect(abs(weighted.scores.reduce(0, +) - 1) < 1e-12)
        }
    }

    // `.float` contributions round each gathered x[u] / S(u) to 24 bits (relative 6e-8); the
    // fixed point then moves by at most about 6e-8 / (1 − d) relative, so 1e-6 relative per
    // score (the 1e-11 of the Double path is out of its reach; that test is unchanged).
    @Test func floatContributionsStayNearNetworkX() throws {
        for name in CentralityFixture.names {
            let f = try CentralityFixture.load(name)
            let g = f.graph
            let weighted = try g.pageRank(tolerance: 0, maxIterations: 300, contributions: .float)
            expectClose(weighted.scores, try #require(f.values("pagerank")), relative: 1e-6, "\(name) float pagerank")
            let unweighted = try g.pageRank(weighted: false, tolerance: 0, maxIterations: 300, contributions: .float)
            expectClose(
                unweighted.scores, try #require(f.values("pagerankUnweighted")), relative: 1e-6,
                "\(name) float unweighted")
            let pers: [Double] = try #require(f.values("personalization"))
            let personalized = try g.pageRank(
                damping: 0.7, personalization: pers, tolerance: 0, maxIterations: 300, contributions: .float)
            expectClose(
                personalized.scores, try #require(f.values("pagerankPersonalized")), relative: 1e-6,
                "\(name) float personalized")
        }
    }

    @Test func floatContributionsIdenticalForOneAndTwoThreads() throws {
        let g = try largeRandomGraph(nodes: 3_000, edges: 120_000, directed: true, seed: 5)
        let one = try g.pageRank(tolerance: 0, maxIterations: 30, threads: 1, contributions: .float)
        let two = try g.pageRank(tolerance: 0, maxIterations: 30, threads: 2, contributions: .float)
        #expect(one == two)
        let double = try g.pageRank(tolerance: 0, maxIterations: 30, threads: 1)
        #expect(zip(one.scores, double.scores).allSatisfy { abs($0 - $1) <= 1e-6 * $1 })
    }

    @Test func defaultToleranceIsWithinStatedBound() throws {
        let f = try CentralityFixture.load("random_directed_200")
        let r = try f.graph.pageRank()
        #expect(r.converged && r.delta < 1e-10)
        let expected = try #require(f.values("pagerank"))
        let l1 = zip(r.scores, expected).map { abs($0 - $1) }.reduce(0, +)
        #expect(l1 <= 0.85 / 0.15 * r.delta + 1e-13)
    }

    @Test func reportsIterationsWhenStoppedEarly() throws {
        let f = try CentralityFixture.load("random_directed_200")
        let r = try f.graph.pageRank(tolerance: 0, maxIterations: 5)
        #expect(r.iterations == 5 && !r.converged && r.delta > 0)
    }

    @Test func identicalForOneAndTwoThreads() throws {
        let g = try largeRandomGraph(nodes: 3_000, edges: 120_000, directed: true, seed: 5)
        let one = try g.pageRank(tolerance: 0, maxIterations: 30, threads: 1)
        let two = try g.pageRank(tolerance: 0, maxIterations: 30, threads: 2)
        #expect(one == two)
        let u = try largeRandomGraph(nodes: 3_000, edges: 60_000, directed: false, seed: 6)
        #expect(try u.pageRank(threads: 1) == u.pageRank(threads: 2))
    }

    @Test func rejectsBadArguments() throws {
        let f = try CentralityFixture.load("supply_chain")
        #expect(throws: CentralityError.self) { try f.graph.pageRank(damping: 1.5) }
        #expect(throws: CentralityError.self) { try f.graph.pageRank(personalization: [1]) }
        #expect(throws: CentralityError.self) {
            try f.graph.pageRank(personalization: [Double](repeating: 0, count: f.graph.nodeCount))
        }
        var b = GraphBuilder(directed: true)
        b.addEdge(0, 1, weight: -1)
        let bad = try b.build()
        #expect(throws: CentralityError.invalidWeight(edge: 0, weight: -1)) { try bad.pageRank() }
        #expect(try bad.pageRank(weighted: false).converged)
    }

    @Test func progressIsBounded() throws {
        let f = try CentralityFixture.load("random_directed_200")
        let counter = CallCounter()
        _ = try f.graph.pageRank(tolerance: 0, maxIterations: 1000) { done, total in
            counter.add(done, total)
        }
        #expect(counter.count >= 1 && counter.count <= 102)
        #expect(counter.last == 1000)
    }
}

/// Counts progress calls (they come on the calling thread, but the closure must be Sendable).
final class CallCounter: @unchecked Sendable {
    private(set) var count = 0
    private(set) var last = -1
    func add(_ done: Int, _ total: Int) {
        count += 1
        last = done
    }
}

/// A random multigraph-free-ish G(n, m) built with SplitMix64 (parallel edges possible).
func largeRandomGraph(nodes: Int, edges: Int, directed: Bool, seed: UInt64, weighted: Bool = false) throws -> Graph {
    var rng = SplitMix64(seed: seed)
    var b = GraphBuilder(directed: directed, nodeCount: nodes)
    b.reserveCapacity(edges: edges)
    var added = 0
    while added < edges {
        let u = Int32(rng.below(UInt64(nodes)))
        let v = Int32(rng.below(UInt64(nodes)))
        if u == v { continue }
        let w = weighted ? Double(1 + rng.below(4)) : 1
        b.addEdge(u, v, weight: w)
        added += 1
    }
    return try b.build()
}
