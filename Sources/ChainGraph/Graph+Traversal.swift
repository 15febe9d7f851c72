/// Which edges a traversal follows from a node.
public enum Direction: Sendable, Hashable {
    /// Edges leaving the node (downstream in a supply graph).
    case outgoing
    /// Edges entering the node (upstream in a supply graph).
    case incoming
    /// Both: the undirected view.
    case both
}

extension Graph {
    /// Calls `body` with each neighbour of `node` in `direction`, with the edge id.
    /// Out-edges come first (for `.both`), each group in edge-id order.
    @inlinable
    public func forEachNeighbor(
        of node: Int32, _ direction: Direction, _ body: (_ neighbor: Int32, _ edge: Int) -> Void
    ) {
        if direction != .incoming {
            for e in outEdgeRange(of: node) { body(outTargets[e], e) }
        }
        if direction != .outgoing {
            for i in inEdgeRange(of: node) { body(inSources[i], Int(inEdges[i])) }
        }
    }

    /// Breadth-first hop distances from `sources` (distance 0), following `direction`.
    ///
    /// Unreached nodes get `-1`. With `maxDepth`, the search stops at that many hops.
    /// Iterative, with one queue allocated up front.
    /// - Complexity: O(V + E).
    public func bfsDistances(from sources: some Sequence<Int32>, direction: Direction = .outgoing, maxDepth: Int = .max)
        -> [Int32]
    {
        var distance = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var head = 0
        var tail = 0
        for s in sources where s >= 0 && Int(s) < nodeCount && distance[Int(s)] < 0 {
            distance[Int(s)] = 0
            queue[tail] = s
            tail += 1
        }
        while head < tail {
            let v = queue[head]
            head += 1
            let d = distance[Int(v)]
            if Int(d) >= maxDepth { continue }
            forEachNeighbor(of: v, direction) { w, _ in
                if distance[Int(w)] < 0 {
                    distance[Int(w)] = d + 1
                    queue[tail] = w
                    tail += 1
                }
            }
        }
        return distance
    }

    /// Nodes in breadth-first order from `sources`, following `direction`.
    /// - Complexity: O(V + E).
    public func bfsOrder(from sources: some Sequence<Int32>, direction: Direction = .outgoing) -> [Int32] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        for s in sources where s >= 0 && Int(s) < nodeCount && !seen[Int(s)] {
            seen[Int(s)] = true
            order.append(s)
        }
        var head = 0
        while head < order.count {
            let v = order[head]
            head += 1
            forEachNeighbor(of: v, direction) { w, _ in
                if !seen[Int(w)] {
                    seen[Int(w)] = true
                    order.append(w)
                }
            }
        }
        return order
    }

    /// Whether each node is reachable from `sources` following `direction`.
    /// - Complexity: O(V + E).
    public func reachable(from sources: some Sequence<Int32>, direction: Direction = .outgoing) -> [Bool] {
        bfsDistances(from: sources, direction: direction).map { $0 >= 0 }
    }

    /// Depth-first preorder and postorder from `roots` (every unvisited node in id order when
    /// `roots` is nil), following `direction`. Iterative: an explicit stack of
    /// (node, next-edge cursor), so million-node paths do not overflow the call stack.
    /// - Complexity: O(V + E).
    public func depthFirst(from roots: [Int32]? = nil, direction: Direction = .outgoing) -> (
        preorder: [Int32], postorder: [Int32]
    ) {
        var visited = [Bool](repeating: false, count: nodeCount)
        var pre: [Int32] = []
        var post: [Int32] = []
        pre.reserveCapacity(nodeCount)
        post.reserveCapacity(nodeCount)
        var stack: [(node: Int32, cursor: Int)] = []
        let start: [Int32] = roots ?? (0..<Int32(nodeCount)).map { $0 }
        let outFirst = direction != .incoming
        let useIn = direction != .outgoing
        for root in start where root >= 0 && Int(root) < nodeCount && !visited[Int(root)] {
            visited[Int(root)] = true
            pre.append(root)
            stack.append((root, 0))
            while let top = stack.last {
                let v = top.node
                let outRange = outFirst ? outEdgeRange(of: v) : 0..<0
                let inRange = useIn ? inEdgeRange(of: v) : 0..<0
                var cursor = top.cursor
                var next: Int32 = -1
                while cursor < outRange.count + inRange.count {
                    let w =
                        cursor < outRange.count
                        ? outTargets[outRange.lowerBound + cursor]
                        : inSources[inRange.lowerBound + cursor - outRange.count]
                    cursor += 1
                    if !visited[Int(w)] { next = w; break }
                }
                stack[stack.count - 1].cursor = cursor
                if next >= 0 {
                    visited[Int(next)] = true
                    pre.append(next)
                    stack.append((next, 0))
                } else {
                    post.append(v)
                    stack.removeLast()
                }
            }
        }
        return (pre, post)
    }

    /// The subgraph keeping only edges whose layer is in `keep`; nodes are unchanged.
    /// - Complexity: O(V + E).
    public func filtered(layers keep: Set<EdgeLayer>) -> Graph {
        var builder = GraphBuilder(directed: isDirected, nodeCount: nodeCount)
        builder.reserveCapacity(edges: edgeCount)
        for v in 0..<Int32(nodeCount) {
            for e in outEdgeRange(of: v) where keep.contains(layers[e]) {
                builder.addEdge(v, outTargets[e], weight: weights[e], layer: layers[e])
            }
        }
        // Ids come from an existing graph, so they are valid.
        return (try? builder.build()) ?? .empty
    }
}
