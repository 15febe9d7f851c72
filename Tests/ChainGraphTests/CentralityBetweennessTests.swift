import Testing

@testable import ChainGraph

@Suite struct CentralityBetweennessTests {
    @Test(arguments: CentralityFixture.names)
    func matchesNetworkX(_ name: String) throws {
        let f = try CentralityFixture.load(name)
        for weighted in [false, true] {
            let suffix = weighted ? "Weighted" : ""
            for normalized in [true, false] {
                let key = (normalized ? "Normalized" : "Raw") + suffix
                let r = try f.graph.betweenness(weighted: weighted, normalized: normalized, includeEdges: true)
                #expect(r.isExact && r.errorBound() == 0)
                expectClose(r.nodeScores, try #require(f.values("betweenness" + key)), "\(name) betweenness\(key)")
                expectClose(r.edgeScores, try f.edgeValues("edgeBetweenness" + key), "\(name) edge \(key)")
                let nodesOnly = try f.graph.betweenness(weighted: weighted, normalized: normalized)
                #expect(nodesOnly.edgeScores.isEmpty)
                expectClose(nodesOnly.nodeScores, r.nodeScores, relative: 1e-12, "\(name) nodes only")
            }
        }
    }

    @Test func allSourcesSampledEqualsExact() throws {
        for name in ["random_directed_200", "random_undirected_200", "directed_ties"] {
            let f = try CentralityFixture.load(name)
            for weighted in [false, true] {
                let exact = try f.graph.betweenness(weighted: weighted, includeEdges: true)
                let sampled = try f.graph.approximateBetweenness(
                    sampleCount: f.graph.nodeCount, seed: 99, weighted: weighted, includeEdges: true)
                #expect(sampled.nodeScores == exact.nodeScores, "\(name)")
                #expect(sampled.edgeScores == exact.edgeScores, "\(name)")
                #expect(sampled.errorBound() == 0)
            }
        }
    }

    @Test func sampledEstimateStaysWithinItsBound() throws {
        for name in ["random_directed_200", "random_undirected_200"] {
            let f = try CentralityFixture.load(name)
            for normalized in [true, false] {
                let exact = try #require(f.values("betweenness" + (normalized ? "Normalized" : "Raw")))
                for seed: UInt64 in [1, 2, 3] {
                    let r = try f.graph.approximateBetweenness(sampleCount: 40, seed: seed, normalized: normalized)
                    #expect(r.sampleCount == 40 && r.seed == seed && !r.isExact)
                    let bound = r.errorBound(failureProbability: 0.05)
                    #expect(bound > 0)
                    let worst = zip(r.nodeScores, exact).map { abs($0 - $1) }.max() ?? 0
                    #expect(worst <= bound, "\(name) seed \(seed): \(worst) > \(bound)")
                    // A different sample gives a different estimate; the same seed the same one.
                    let again = try f.graph.approximateBetweenness(sampleCount: 40, seed: seed, normalized: normalized)
                    #expect(again == r)
                }
            }
        }
    }

    @Test func sampledIsUnbiasedOnAverage() throws {
        // Averaging estimates over many seeds approaches the exact values.
        let f = try CentralityFixture.load("supply_chain")
        let exact = try f.graph.betweenness().nodeScores
        var mean = [Double](repeating: 0, count: exact.count)
        let runs = 400
        for seed in 0..<runs {
            let r = try f.graph.approximateBetweenness(sampleCount: 4, seed: UInt64(seed))
            for v in 0..<mean.count { mean[v] += r.nodeScores[v] / Double(runs) }
        }
        let worst = zip(mean, exact).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 0.05)
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func identicalForOneAndTwoThreads() throws {
        for directed in [true, false] {
            let g = try largeRandomGraph(nodes: 2_000, edges: 8_000, directed: directed, seed: 11, weighted: true)
            for weighted in [false, true] {
                let one = try g.approximateBetweenness(
                    sampleCount: 150, seed: 7, weighted: weighted, includeEdges: true, threads: 1)
                let two = try g.approximateBetweenness(
                    sampleCount: 150, seed: 7, weighted: weighted, includeEdges: true, threads: 2)
                #expect(one == two)
                let three = try g.approximateBetweenness(
                    sampleCount: 150, seed: 7, weighted: weighted, includeEdges: true, threads: 3)
                #expect(one == three)
            }
        }
    }

    @Test func shufflingEdgeOrderDoesNotChangeResults() throws {
        for name in ["random_directed_200", "random_undirected_200", "grid_5x6", "directed_ties"] {
            let f = try CentralityFixture.load(name)
            var rng = SplitMix64(seed: 1234)
            var shuffled = f.edges
            shuffled.shuffle(using: &rng)
            let g2 = try CentralityFixture.build(shuffled, directed: f.directed, nodeCount: f.graph.nodeCount)
            for weighted in [false, true] {
                let a = try f.graph.betweenness(weighted: weighted, includeEdges: true)
                let b = try g2.betweenness(weighted: weighted, includeEdges: true)
                expectClose(b.nodeScores, a.nodeScores, relative: 1e-12, floor: 1e-3, "\(name) nodes")
                // Edge ids differ between the two graphs: compare by endpoints.
                var byPair: [Int64: Double] = [:]
                let s1 = f.graph.edgeSources()
                for e in 0..<f.graph.edgeCount {
                    byPair[Int64(s1[e]) << 32 | Int64(f.graph.outTargets[e])] = a.edgeScores[e]
                }
                let s2 = g2.edgeSources()
                var mapped: [Double] = []
                var reference: [Double] = []
                for e in 0..<g2.edgeCount {
                    mapped.append(b.edgeScores[e])
                    reference.append(try #require(byPair[Int64(s2[e]) << 32 | Int64(g2.outTargets[e])]))
                }
                expectClose(mapped, reference, relative: 1e-12, floor: 1e-3, "\(name) edges")
            }
        }
    }

    @Test func zeroWeightEdgesAreConsistent() throws {
        // 0 -(0)- 1 -(1)- 2 and 0 -(1)- 2: two shortest paths 0→2 of length 1.
        var b = GraphBuilder(directed: true)
        b.addEdge(0, 1, weight: 0)
        b.addEdge(1, 2, weight: 1)
        b.addEdge(0, 2, weight: 1)
        let g = try b.build()
        let r = try g.betweenness(weighted: true, normalized: false)
        #expect(r.nodeScores == [0, 0.5, 0])
    }

    @Test func rejectsBadArguments() throws {
        let f = try CentralityFixture.load("supply_chain")
        #expect(throws: CentralityError.self) { try f.graph.approximateBetweenness(sampleCount: 0) }
        #expect(throws: CentralityError.self) { try f.graph.approximateBetweenness(sampleCount: 14) }
        var b = GraphBuilder(directed: false)
        b.addEdge(0, 1, weight: .nan)
        let g = try b.build()
        #expect(throws: CentralityError.self) { try g.betweenness(weighted: true) }
        #expect(try g.betweenness().nodeScores == [0, 0])
        #expect(try Graph.empty.betweenness().nodeScores.isEmpty)
        #expect(try Graph.empty.approximateBetweenness(sampleCount: 0).nodeScores.isEmpty)
    }

    @Test func progressReachesTotal() throws {
        let f = try CentralityFixture.load("random_directed_200")
        let counter = CallCounter()
        _ = try f.graph.betweenness { done, total in counter.add(done, total) }
        #expect(counter.last == 200 && counter.count <= 102)
    }
}
