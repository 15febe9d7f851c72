import Testing

@testable import ChainGraph

@Suite struct CentralitySpectralTests {
    // The fixtures are solved directly (ARPACK / dense solve); the iterations here run to a
    // tight tolerance, so values agree to about 1e-9 relative (floor 1e-3 for tiny values).

    @Test(arguments: CentralityFixture.names)
    func eigenvectorMatchesNetworkX(_ name: String) throws {
        let f = try CentralityFixture.load(name)
        var checked = 0
        for weighted in [false, true] {
            guard let expected = f.values("eigenvector" + (weighted ? "Weighted" : "")) else { continue }
            let r = try f.graph.eigenvectorCentrality(weighted: weighted, tolerance: 1e-14, maxIterations: 100_000)
            #expect(r.converged, "\(name)")
            expectClose(r.scores, expected, relative: 1e-9, floor: 1e-3, "\(name) eigenvector weighted=\(weighted)")
            checked += 1
        }
        let stronglyConnected = ["undirected_ties", "grid_5x6", "strong_directed_60"].contains(name)
        #expect(checked == (stronglyConnected ? 2 : 0), "\(name): fixture has \(checked) eigenvector cases")
    }

    @Test(arguments: CentralityFixture.names)
    func katzMatchesNetworkX(_ name: String) throws {
        let f = try CentralityFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "Weighted" : ""
            let alpha = try #require(f.number("katzAlpha" + suffix))
            let beta = try #require(f.number("katzBeta"))
            let r = try f.graph.katzCentrality(alpha: alpha, beta: beta, weighted: weighted, tolerance: 1e-14)
            #expect(r.converged)
            expectClose(
                r.scores, try #require(f.values("katz" + suffix)), relative: 1e-9, floor: 1e-3, "\(name) katz\(suffix)")
            let raw = try f.graph.katzCentrality(
                alpha: alpha, beta: beta, normalized: false, weighted: weighted, tolerance: 1e-14)
            expectClose(
                raw.scores, try #require(f.values("katzRaw" + suffix)), relative: 1e-9, floor: 1e-3,
                "\(name) katzRaw\(suffix)")
        }
    }

    @Test(arguments: CentralityFixture.names)
    func hitsMatchesNetworkX(_ name: String) throws {
        let f = try CentralityFixture.load(name)
        guard let hubs = f.values("hitsHubs"), let authorities = f.values("hitsAuthorities") else {
            #expect(["disconnected_undirected", "grid_5x6"].contains(name), "\(name) lacks HITS values")
            return
        }
        let r = try f.graph.hits(tolerance: 1e-15, maxIterations: 100_000)
        #expect(r.converged, "\(name)")
        expectClose(r.hubs, hubs, relative: 1e-9, floor: 1e-3, "\(name) hubs")
        expectClose(r.authorities, authorities, relative: 1e-9, floor: 1e-3, "\(name) authorities")
        #expect(abs(r.hubs.reduce(0, +) - 1) < 1e-12 && abs(r.authorities.reduce(0, +) - 1) < 1e-12)
    }

    @Test func katzReportsDivergence() throws {
        let f = try CentralityFixture.load("strong_directed_60")
        let r = try f.graph.katzCentrality(alpha: 1, maxIterations: 50)
        #expect(!r.converged && r.iterations == 50)
        #expect(throws: CentralityError.self) { try f.graph.katzCentrality(alpha: .nan) }
    }

    @Test func emptyAndEdgelessGraphs() throws {
        #expect(try Graph.empty.eigenvectorCentrality().scores.isEmpty)
        #expect(try Graph.empty.hits().hubs.isEmpty)
        let isolated = try GraphBuilder(directed: true, nodeCount: 3).build()
        let h = try isolated.hits()
        // No edges: every score is 0 (NetworkX would divide by zero).
        #expect(h.hubs == [0, 0, 0] && h.authorities == [0, 0, 0] && h.converged)
        #expect(try isolated.katzCentrality(normalized: false).scores == [1, 1, 1])
    }

    @Test func progressIsBounded() throws {
        let f = try CentralityFixture.load("grid_5x6")
        let counter = CallCounter()
        _ = try f.graph.eigenvectorCentrality(tolerance: 0, maxIterations: 500) { done, total in
            counter.add(done, total)
        }
        #expect(counter.count <= 102 && counter.last == 500)
    }
}
