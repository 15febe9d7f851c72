import Testing

@testable import ChainGraph

@Suite struct TraversalTests {
    /// 0→1→2→3, 0→4, 5 isolated, 6→0.
    func sample() throws -> Graph {
        var b = GraphBuilder(nodeCount: 7)
        b.addEdge(0, 1)
        b.addEdge(1, 2)
        b.addEdge(2, 3)
        b.addEdge(0, 4)
        b.addEdge(6, 0)
        return try b.build()
    }

    @Test func bfsDistancesByDirection() throws {
        let g = try sample()
        #expect(g.bfsDistances(from: [0]) == [0, 1, 2, 3, 1, -1, -1])
        #expect(g.bfsDistances(from: [2], direction: .incoming) == [2, 1, 0, -1, -1, -1, 3])
        #expect(g.bfsDistances(from: [4], direction: .both) == [1, 2, 3, 4, 0, -1, 2])
        #expect(g.bfsDistances(from: [0], maxDepth: 1) == [0, 1, -1, -1, 1, -1, -1])
        #expect(g.bfsDistances(from: [99, -1]) == [Int32](repeating: -1, count: 7))
    }

    @Test func bfsOrderIsLevelByLevel() throws {
        let g = try sample()
        #expect(g.bfsOrder(from: [0]) == [0, 1, 4, 2, 3])
        #expect(g.reachable(from: [6]) == [true, true, true, true, true, false, true])
    }

    @Test func depthFirstOrders() throws {
        let g = try sample()
        let (pre, post) = g.depthFirst()
        #expect(pre == [0, 1, 2, 3, 4, 5, 6])
        #expect(post == [3, 2, 1, 4, 0, 5, 6])
    }

    @Test func depthFirstOnALongPathDoesNotOverflowTheStack() throws {
        let n = 300_000
        var b = GraphBuilder(nodeCount: n)
        b.reserveCapacity(edges: n)
        for i in 0..<(n - 1) { b.addEdge(Int32(i), Int32(i + 1)) }
        let g = try b.build()
        let (pre, post) = g.depthFirst(from: [0])
        #expect(pre.count == n && post.first == Int32(n - 1) && post.last == 0)
        #expect(g.bfsDistances(from: [0])[n - 1] == Int32(n - 1))
    }
}
