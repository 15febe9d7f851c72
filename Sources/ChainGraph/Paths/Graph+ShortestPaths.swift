extension Graph {
    /// Hop distances (unweighted shortest paths) by breadth-first search from `sources`.
    ///
    /// Each reached node's predecessor is the smallest-id node one hop closer (smallest
    /// edge id among parallel edges), so the tree is deterministic. For an undirected graph
    /// the direction is always `.both`.
    ///
    /// ```swift
    /// let hops = try graph.bfsShortestPaths(from: [0])
    /// hops.path(to: 9)
    /// ```
    /// - Parameters:
    ///   - sources: start nodes (distance 0).
    ///   - direction: which edges to follow (`.outgoing`: along edges).
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called now and then with (nodes reached, node count).
    /// - Throws: ``PathError/nodeOutOfRange(_:nodeCount:)`` for a bad source.
    /// - Complexity: O(V + E).
    public func bfsShortestPaths(
        from sources: [Int32], direction: Direction = .outgoing, layers: Set<EdgeLayer>? = nil,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(PathError) -> ShortestPathTree {
        try checkNodes(sources)
        let n = nodeCount
        let direction = isDirected ? direction : .both
        let mask = EdgeLayerMask(layers)
        var ticker = ProgressTicker(progress, total: n)
        var hops = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var head = 0, tail = 0
        for s in sources where hops[Int(s)] < 0 {
            hops[Int(s)] = 0
            queue[tail] = s
            tail += 1
        }
        while head < tail {
            let v = queue[head]
            head += 1
            ticker.tick(head)
            let d = hops[Int(v)] + 1
            forEachNeighbor(of: v, direction) { w, e in
                if hops[Int(w)] < 0 && mask.allows(self.layers[e]) {
                    hops[Int(w)] = d
                    queue[tail] = w
                    tail += 1
                }
            }
        }
        // Smallest predecessor: look back along the reverse direction.
        let back: Direction = direction == .outgoing ? .incoming : (direction == .incoming ? .outgoing : .both)
        var predecessor = [Int32](repeating: -1, count: n)
        var predecessorEdge = [Int32](repeating: -1, count: n)
        for w in 0..<n where hops[w] > 0 {
            var best: Int32 = -1
            var bestEdge = Int.max
            let want = hops[w] - 1
            forEachNeighbor(of: Int32(w), back) { v, e in
                guard hops[Int(v)] == want, mask.allows(self.layers[e]) else { return }
                if best < 0 || v < best || (v == best && e < bestEdge) {
                    best = v
                    bestEdge = e
                }
            }
            predecessor[w] = best
            predecessorEdge[w] = Int32(bestEdge)
        }
        ticker.finish()
        return ShortestPathTree(
            sources: sources, distance: hops.map { $0 < 0 ? .infinity : Double($0) },
            predecessor: predecessor, predecessorEdge: predecessorEdge)
    }

    /// Weighted shortest paths from `sources` by Dijkstra's algorithm with a binary heap.
    ///
    /// Nodes are settled in order of (distance, node id). A node's predecessor is the
    /// smallest-id node, among those settled before it, that gives its shortest distance
    /// (with positive weights: the smallest-id predecessor on any shortest path). For an
    /// undirected graph the direction is always `.both`.
    ///
    /// ```swift
    /// let tree = try graph.dijkstra(from: [0])
    /// tree.distance[3]
    /// ```
    /// - Parameters:
    ///   - sources: start nodes (distance 0).
    ///   - direction: which edges to follow.
    ///   - weights: per-edge lengths by edge id (nil: the graph's weights).
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called now and then with (nodes settled, node count).
    /// - Throws: ``PathError`` for a bad source, a negative or non-finite weight on a
    ///   counted edge, or a weight array of the wrong length.
    /// - Complexity: O((V + E) log V).
    public func dijkstra(
        from sources: [Int32], direction: Direction = .outgoing, weights: [Double]? = nil,
        layers: Set<EdgeLayer>? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(PathError) -> ShortestPathTree {
        try checkNodes(sources)
        let mask = EdgeLayerMask(layers)
        let length = weights ?? self.weights
        try checkNonnegative(length, mask: mask)
        let n = nodeCount
        let direction = isDirected ? direction : .both
        var ticker = ProgressTicker(progress, total: n)
        var predecessor = [Int32](repeating: -1, count: n)
        var predecessorEdge = [Int32](repeating: -1, count: n)
        var settled = [Bool](repeating: false, count: n)
        // Its keys are the distances (+infinity: unreached).
        var heap = IndexedMinHeap(capacity: n)
        defer { heap.deallocate() }
        for s in sources { heap.decrease(Int(s), to: 0) }
        var done = 0
        while !heap.isEmpty {
            let vi = heap.popMin()
            let v = Int32(vi), d = heap.keys[vi]
            settled[vi] = true
            done += 1
            ticker.tick(done)
            forEachNeighbor(of: v, direction) { w, e in
                let wi = Int(w)
                guard !settled[wi], mask.allows(self.layers[e]) else { return }
                let nd = d + length[e]
                if nd < heap.keys[wi] {
                    heap.decrease(wi, to: nd)
                    predecessor[wi] = v
                    predecessorEdge[wi] = Int32(e)
                } else if nd == heap.keys[wi] && v < predecessor[wi] {
                    predecessor[wi] = v
                    predecessorEdge[wi] = Int32(e)
                }
            }
        }
        ticker.finish()
        let distance = Array(UnsafeBufferPointer(start: heap.keys, count: n))
        return ShortestPathTree(
            sources: sources, distance: distance, predecessor: predecessor, predecessorEdge: predecessorEdge)
    }

    /// A shortest path from `source` to `target` (node list, source first) and its length;
    /// nil when unreachable. Weighted (Dijkstra) unless `hops` is true.
    /// - Throws: ``PathError`` as ``dijkstra(from:direction:weights:layers:progress:)``.
    /// - Complexity: O((V + E) log V).
    public func shortestPath(
        from source: Int32, to target: Int32, hops: Bool = false, direction: Direction = .outgoing,
        layers: Set<EdgeLayer>? = nil
    ) throws(PathError) -> (path: [Int32], length: Double)? {
        try checkNodes([target])
        let tree =
            hops
            ? try bfsShortestPaths(from: [source], direction: direction, layers: layers)
            : try dijkstra(from: [source], direction: direction, layers: layers)
        guard let path = tree.path(to: target) else { return nil }
        return (path, tree.distance[Int(target)])
    }

    func checkNodes(_ nodes: [Int32]) throws(PathError) {
        for v in nodes where v < 0 || Int(v) >= nodeCount { throw .nodeOutOfRange(v, nodeCount: nodeCount) }
    }

    /// Checks one nonnegative finite value per edge on the edges `mask` keeps.
    func checkNonnegative(_ values: [Double], mask: EdgeLayerMask) throws(PathError) {
        if values.count != edgeCount { throw .valueCountMismatch(expected: edgeCount, got: values.count) }
        for e in 0..<edgeCount where mask.allows(layers[e]) {
            let w = values[e]
            if !w.isFinite { throw .nonFiniteWeight(edge: e, weight: w) }
            if w < 0 { throw .negativeWeight(edge: e, weight: w) }
        }
    }
}
