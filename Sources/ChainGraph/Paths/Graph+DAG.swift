import HeapModule

extension Graph {
    /// A topological order: every counted edge goes from an earlier to a later node. Among
    /// the nodes ready at each step the smallest id comes first (Kahn's algorithm with a
    /// min-heap), so the order is unique. Edges are taken as stored, also for an undirected
    /// graph.
    ///
    /// ```swift
    /// let order = try graph.topologicalOrder()
    /// ```
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    /// - Throws: ``CycleError`` with a ``CycleReport`` when there is a cycle.
    /// - Complexity: O(V log V + E).
    public func topologicalOrder(layers: Set<EdgeLayer>? = nil) throws(CycleError) -> [Int32] {
        let n = nodeCount
        let mask = EdgeLayerMask(layers)
        var indegree = [Int32](repeating: 0, count: n)
        for e in 0..<edgeCount where mask.allows(self.layers[e]) { indegree[Int(outTargets[e])] += 1 }
        var heap = Heap<Int32>((0..<Int32(n)).filter { indegree[Int($0)] == 0 })
        var order: [Int32] = []
        order.reserveCapacity(n)
        while let v = heap.popMin() {
            order.append(v)
            for e in outEdgeRange(of: v) where mask.allows(self.layers[e]) {
                let w = Int(outTargets[e])
                indegree[w] -= 1
                if indegree[w] == 0 { heap.insert(Int32(w)) }
            }
        }
        if order.count < n {
            if let report = cycleReport(layers: layers) { throw CycleError(report: report) }
        }
        return order
    }

    /// The cycles of the graph (edges as stored), or nil when it is acyclic.
    /// - Complexity: O(V + E).
    public func cycleReport(layers: Set<EdgeLayer>? = nil) -> CycleReport? {
        let mask = EdgeLayerMask(layers)
        // Tarjan on the stored direction (also for undirected graphs).
        let asDirected = isDirected ? self : directedCopy()
        let scc = asDirected.stronglyConnectedComponents(layers: layers)
        var hasSelfLoop = [Bool](repeating: false, count: scc.count)
        for v in 0..<Int32(nodeCount) {
            for e in outEdgeRange(of: v) where outTargets[e] == v && mask.allows(self.layers[e]) {
                hasSelfLoop[Int(scc.componentOf[Int(v)])] = true
            }
        }
        let members = scc.members()
        let cyclic = members.indices.filter { members[$0].count > 1 || hasSelfLoop[$0] }
        guard let first = cyclic.first else { return nil }
        let component = Int32(first)
        let start = members[first][0]
        var cycle: [Int32] = [start]
        if members[first].count > 1 {
            // Shortest cycle through `start` inside its component: BFS, then close the loop.
            var parent = [Int32](repeating: -2, count: nodeCount)
            parent[Int(start)] = -1
            var queue: [Int32] = [start]
            var head = 0
            var closing: Int32 = -1
            search: while head < queue.count {
                let v = queue[head]
                head += 1
                for e in outEdgeRange(of: v) where mask.allows(self.layers[e]) {
                    let w = outTargets[e]
                    if scc.componentOf[Int(w)] != component { continue }
                    if w == start && v != start { closing = v; break search }
                    if parent[Int(w)] == -2 {
                        parent[Int(w)] = v
                        queue.append(w)
                    }
                }
            }
            var path: [Int32] = []
            var v = closing
            while v >= 0 {
                path.append(v)
                v = parent[Int(v)]
            }
            cycle = path.reversed()
        }
        return CycleReport(cyclicComponents: cyclic.map { members[$0] }, cycle: cycle)
    }

    /// Longest paths (by hops and by weight) ending at each node of a DAG, plus one longest
    /// path of each kind. Ties go to the smallest node id (both for the predecessor and for
    /// the end node).
    ///
    /// ```swift
    /// let depth = try graph.longestPaths()
    /// depth.hopLength        // edges on the longest chain
    /// depth.hopDepth[v]      // tier of v
    /// ```
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    /// - Throws: ``CycleError`` when the graph has a cycle.
    /// - Complexity: O(V log V + E).
    public func longestPaths(layers: Set<EdgeLayer>? = nil) throws(CycleError) -> LongestPaths {
        let order = try topologicalOrder(layers: layers)
        let mask = EdgeLayerMask(layers)
        let weight = self.weights
        let n = nodeCount
        var hop = [Int32](repeating: 0, count: n)
        var hopParent = [Int32](repeating: -1, count: n)
        var heavy = [Double](repeating: 0, count: n)
        var heavyParent = [Int32](repeating: -1, count: n)
        for v in order {
            let vi = Int(v)
            for e in outEdgeRange(of: v) where mask.allows(self.layers[e]) {
                let w = Int(outTargets[e])
                let h = hop[vi] + 1
                if h > hop[w] || (h == hop[w] && hopParent[w] >= 0 && v < hopParent[w]) {
                    hop[w] = h
                    hopParent[w] = v
                }
                let x = heavy[vi] + weight[e]
                if x > heavy[w] || (x == heavy[w] && heavyParent[w] >= 0 && v < heavyParent[w]) {
                    heavy[w] = x
                    heavyParent[w] = v
                }
            }
        }
        func trace(_ end: Int, _ parent: [Int32]) -> [Int32] {
            var path: [Int32] = []
            var v = Int32(end)
            while v >= 0 && path.count <= n {
                path.append(v)
                v = parent[Int(v)]
            }
            return path.reversed()
        }
        var hopEnd = -1, heavyEnd = -1
        for v in 0..<n {
            if hopEnd < 0 || hop[v] > hop[hopEnd] { hopEnd = v }
            if heavyEnd < 0 || heavy[v] > heavy[heavyEnd] { heavyEnd = v }
        }
        return LongestPaths(
            hopDepth: hop, weightedDepth: heavy,
            longestHopPath: hopEnd < 0 ? [] : trace(hopEnd, hopParent),
            longestWeightedPath: heavyEnd < 0 ? [] : trace(heavyEnd, heavyParent))
    }

    /// The same edges in a directed graph (for algorithms that take edges as stored).
    func directedCopy() -> Graph {
        Graph(
            nodeCount: nodeCount, isDirected: true, outOffsets: outOffsets, outTargets: outTargets,
            weights: weights, layers: layers, inOffsets: inOffsets, inSources: inSources, inEdges: inEdges)
    }
}
