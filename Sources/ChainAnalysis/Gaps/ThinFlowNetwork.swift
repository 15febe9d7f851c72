/// The thin rule's flow network of one chain and its maximum flow: the same network, the same
/// augmenting paths in the same order and so the same figures, bit for bit, as building a
/// ``ChainGraph/Graph`` from the edges (``ChainGraph/GraphBuilder`` in order of addition) and
/// calling ``ChainGraph/Graph/maxFlow(from:to:capacities:layers:progress:)``, without the
/// general graph in between and with a residual network laid out for the search.
///
/// Edge ids are those the graph would give: edges grouped by tail, each tail's edges in the
/// order given. Each node's arcs keep the general solver's order (by edge id, the forward arc
/// of an edge it leaves or the reverse arc of an edge it enters, then its arc to or from the
/// virtual terminal), so Dinic's depth-first search takes the same arcs in the same order. The
/// layout differs: nodes are renumbered in breadth-first order (a stage's firms together), an
/// arc's residual capacity, head and reverse arc sit together (one cache line where the
/// general solver touched three arrays), and a node's cursor, arc end and level too; at a
/// million firms the search waits on memory, not on arithmetic.
struct ThinFlowNetwork {
    /// Node count (local firm numbers `0..<nodeCount`).
    let nodeCount: Int
    /// Head of each edge, by edge id.
    private(set) var edgeHead: [Int32] = []
    /// Tail offsets by edge id: `edgeOffsets[u]..<edgeOffsets[u + 1]` are the edges leaving u.
    private(set) var edgeOffsets: [Int32] = []
    /// Capacity of each edge, by edge id (the general graph's weights).
    private(set) var capacities: [Double] = []
    /// The caller's tag of each edge (its park edge), by edge id.
    private(set) var tags: [Int32] = []

    /// One residual arc: capacity left, head node and the arc going the other way.
    private struct Arc {
        var residual: Double
        var head: Int32
        var reverse: Int32
    }

    /// A node's search state: its next arc to try, the end of its arcs, its BFS level (-1:
    /// unreached, or a dead end in this phase).
    private struct Node {
        var cursor: Int32
        var end: Int32
        var level: Int32
    }

    /// Numbers the edges `(u, v, capacity, tag)` given in order of addition.
    ///
    /// - Complexity: O(V + E).
    init(nodeCount: Int, edges: [(u: Int32, v: Int32, capacity: Double, tag: Int32)]) {
        self.nodeCount = nodeCount
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for ed in edges { offsets[Int(ed.u) + 1] += 1 }
        for u in 0..<nodeCount { offsets[u + 1] += offsets[u] }
        var fill = offsets
        var head = [Int32](repeating: 0, count: edges.count)
        var caps = [Double](repeating: 0, count: edges.count)
        var tags = [Int32](repeating: -1, count: edges.count)
        for ed in edges {
            let e = Int(fill[Int(ed.u)])
            fill[Int(ed.u)] += 1
            head[e] = ed.v
            caps[e] = ed.capacity
            tags[e] = ed.tag
        }
        edgeHead = head
        edgeOffsets = offsets
        capacities = caps
        self.tags = tags
    }

    /// Maximum flow from `sources` to `sinks` (disjoint, non-empty node sets) and the edge ids
    /// of the minimum cut (edges leaving the part reachable from the sources in the residual
    /// network), increasing; nil when a capacity is negative or not finite (the general solver
    /// throws then), or when the network is too large for 32-bit arc numbers.
    ///
    /// - Complexity: O(V² E) worst case (Dinic's algorithm); a few phases on a network layered
    ///   by stage.
    func maxFlow(sources: [Int32], sinks: [Int32]) -> (value: Double, cutEdges: [Int])? {
        let n = nodeCount, edgeCount = edgeHead.count
        if sources.isEmpty || sinks.isEmpty { return nil }
        var terminal = [UInt8](repeating: 0, count: n)  // 1: source, 2: sink
        for s in sources {
            guard s >= 0, Int(s) < n else { return nil }
            terminal[Int(s)] = 1
        }
        for t in sinks {
            guard t >= 0, Int(t) < n, terminal[Int(t)] != 1 else { return nil }
            terminal[Int(t)] = 2
        }
        // Self-loops carry no flow and get no arcs (their edge ids stay).
        var total = 0.0, loops = 0
        for u in 0..<n {
            for e in Int(edgeOffsets[u])..<Int(edgeOffsets[u + 1]) {
                let c = capacities[e]
                guard c.isFinite, c >= 0 else { return nil }
                if Int(edgeHead[e]) == u { loops += 1 } else { total += c }
            }
        }
        let big = total + 1
        let epsilon = big * 1e-13
        let superSource = n, superSink = n + 1, nodes = n + 2
        let terminals = terminal.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        let arcCount = 2 * (edgeCount - loops) + 2 * terminals
        guard arcCount < Int(Int32.max) else { return nil }

        // In-edges (self-loops left out) of each node, by increasing edge id; arcs per node.
        var inOffsets = [Int32](repeating: 0, count: n + 1)
        var arcsOf = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            for e in Int(edgeOffsets[u])..<Int(edgeOffsets[u + 1]) where Int(edgeHead[e]) != u {
                inOffsets[Int(edgeHead[e]) + 1] += 1
                arcsOf[u] += 1
                arcsOf[Int(edgeHead[e])] += 1
            }
        }
        for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
        var inFill = inOffsets
        var inEdges = [Int32](repeating: 0, count: edgeCount - loops)
        for u in 0..<n {
            for e in Int(edgeOffsets[u])..<Int(edgeOffsets[u + 1]) where Int(edgeHead[e]) != u {
                let v = Int(edgeHead[e])
                inEdges[Int(inFill[v])] = Int32(e)
                inFill[v] += 1
            }
        }
        // Nodes renumbered in breadth-first order from the sources along edges with capacity
        // (the first phase's search order; unreached nodes after, in order): the nodes of one
        // stage, which the search visits together, then sit together in memory, and so do
        // their arcs. `rank[v]` is node v's slot, `order[p]` the node in slot p; the virtual
        // terminals keep n and n + 1. Only the layout changes, never the order of a node's
        // arcs, so the search takes the same paths.
        var rank = [Int32](repeating: -1, count: n)
        var order = [Int32]()
        order.reserveCapacity(n)
        for v in 0..<n where terminal[v] == 1 {
            rank[v] = Int32(order.count)
            order.append(Int32(v))
        }
        var scan = 0
        while scan < order.count {
            let u = Int(order[scan])
            scan += 1
            for e in Int(edgeOffsets[u])..<Int(edgeOffsets[u + 1]) where capacities[e] > epsilon {
                let w = Int(edgeHead[e])
                if rank[w] < 0 {
                    rank[w] = Int32(order.count)
                    order.append(Int32(w))
                }
            }
        }
        for v in 0..<n where rank[v] < 0 {
            rank[v] = Int32(order.count)
            order.append(Int32(v))
        }
        // Arc slots: each node's arcs in slot order, then the virtual source's, then the
        // virtual sink's (their arcs in node order, as the general solver adds them).
        var start = [Int32](repeating: 0, count: nodes + 1)
        for p in 0..<n {
            let v = Int(order[p])
            start[p + 1] = start[p] + arcsOf[v] + (terminal[v] != 0 ? 1 : 0)
        }
        let sourceCount = terminal.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        start[superSource + 1] = start[superSource] + Int32(sourceCount)
        start[superSink + 1] = start[superSink] + Int32(terminals - sourceCount)
        var terminalSlot = [Int32](repeating: -1, count: n)
        var sourceSlot = start[superSource], sinkSlot = start[superSink]
        for v in 0..<n {
            if terminal[v] == 1 {
                terminalSlot[v] = sourceSlot
                sourceSlot += 1
            } else if terminal[v] == 2 {
                terminalSlot[v] = sinkSlot
                sinkSlot += 1
            }
        }

        var arcs = [Arc](repeating: Arc(residual: 0, head: 0, reverse: 0), count: arcCount)
        var forwardSlot = [Int32](repeating: 0, count: edgeCount)
        var reverseSlot = [Int32](repeating: 0, count: edgeCount)
        // Per node, the forward arcs of its edges and the reverse arcs of its in-edges merged by
        // edge id (the general solver's order), then its terminal arc.
        for p in 0..<n {
            let v = Int(order[p])
            var slot = start[p]
            var o = Int(edgeOffsets[v]), i = Int(inOffsets[v])
            let oEnd = Int(edgeOffsets[v + 1]), iEnd = Int(inOffsets[v + 1])
            while o < oEnd || i < iEnd {
                if o < oEnd && Int(edgeHead[o]) == v {
                    o += 1  // self-loop
                    continue
                }
                if i >= iEnd || (o < oEnd && o < Int(inEdges[i])) {
                    arcs[Int(slot)].head = rank[Int(edgeHead[o])]
                    arcs[Int(slot)].residual = capacities[o]
                    forwardSlot[o] = slot
                    o += 1
                } else {
                    let e = Int(inEdges[i])
                    reverseSlot[e] = slot
                    i += 1
                }
                slot += 1
            }
            let t = terminalSlot[v]
            if terminal[v] == 1 {
                // Reverse arc of virtual source → v.
                arcs[Int(slot)] = Arc(residual: 0, head: Int32(superSource), reverse: t)
                arcs[Int(t)] = Arc(residual: big, head: Int32(p), reverse: slot)
            } else if terminal[v] == 2 {
                arcs[Int(slot)] = Arc(residual: big, head: Int32(superSink), reverse: t)
                arcs[Int(t)] = Arc(residual: 0, head: Int32(p), reverse: slot)
            }
        }
        for u in 0..<n {
            for e in Int(edgeOffsets[u])..<Int(edgeOffsets[u + 1]) where Int(edgeHead[e]) != u {
                let f = Int(forwardSlot[e]), r = Int(reverseSlot[e])
                arcs[f].reverse = Int32(r)
                arcs[r] = Arc(residual: 0, head: rank[u], reverse: Int32(f))
            }
        }
        forwardSlot = []
        reverseSlot = []
        inEdges = []

        var flowValue = 0.0
        var side = [Bool](repeating: false, count: nodes)
        // In bounds: `start` has nodes + 1 prefix sums ending at arcCount; every arc's head is
        // a node (< nodes) and its reverse an arc (< arcCount); a DFS path has at most `nodes`
        // arcs (levels increase along it).
        assert(start[nodes] == Int32(arcCount) && arcs.allSatisfy { $0.head >= 0 && Int($0.head) < nodes })
        arcs.withUnsafeMutableBufferPointer { arc in
            start.withUnsafeBufferPointer { start in
                var node = [Node](repeating: Node(cursor: 0, end: 0, level: -1), count: nodes)
                for v in 0..<nodes { node[v].end = start[v + 1] }
                var queue = [Int32](repeating: 0, count: nodes)
                var pathArcs = [Int32](repeating: 0, count: nodes)
                node.withUnsafeMutableBufferPointer { node in
                    queue.withUnsafeMutableBufferPointer { queue in
                        pathArcs.withUnsafeMutableBufferPointer { pathArcs in
                            while true {
                                // Levels by BFS from the virtual source.
                                for v in 0..<nodes { node[v].level = -1 }
                                node[superSource].level = 0
                                queue[0] = Int32(superSource)
                                var qHead = 0, qTail = 1
                                while qHead < qTail {
                                    let v = Int(queue[qHead])
                                    qHead += 1
                                    let next = node[v].level + 1
                                    for a in Int(start[v])..<Int(start[v + 1]) where arc[a].residual > epsilon {
                                        let w = Int(arc[a].head)
                                        if node[w].level < 0 {
                                            node[w].level = next
                                            queue[qTail] = Int32(w)
                                            qTail += 1
                                        }
                                    }
                                }
                                if node[superSink].level < 0 { break }
                                for v in 0..<nodes { node[v].cursor = start[v] }
                                // Blocking flow by iterative DFS along level-increasing arcs.
                                var depth = 0
                                var v = superSource
                                while true {
                                    if v == superSink {
                                        var bottleneck = Double.infinity
                                        for k in 0..<depth {
                                            bottleneck = min(bottleneck, arc[Int(pathArcs[k])].residual)
                                        }
                                        var firstSaturated = depth
                                        for k in 0..<depth {
                                            let a = Int(pathArcs[k])
                                            arc[a].residual -= bottleneck
                                            arc[Int(arc[a].reverse)].residual += bottleneck
                                            if arc[a].residual <= epsilon && firstSaturated == depth {
                                                firstSaturated = k
                                            }
                                        }
                                        flowValue += bottleneck
                                        depth = firstSaturated
                                        v = depth == 0 ? superSource : Int(arc[Int(pathArcs[depth - 1])].head)
                                        continue
                                    }
                                    var found = -1
                                    let end = Int(node[v].end), want = node[v].level + 1
                                    var a = Int(node[v].cursor)
                                    while a < end {
                                        if arc[a].residual > epsilon && node[Int(arc[a].head)].level == want {
                                            found = a
                                            break
                                        }
                                        a += 1
                                    }
                                    node[v].cursor = Int32(a)
                                    if found >= 0 {
                                        pathArcs[depth] = Int32(found)
                                        depth += 1
                                        v = Int(arc[found].head)
                                    } else {
                                        if v == superSource { break }
                                        node[v].level = -1  // dead end for this phase
                                        depth -= 1
                                        v = Int(arc[Int(arc[Int(pathArcs[depth])].reverse)].head)
                                        node[v].cursor += 1
                                    }
                                }
                            }
                            // Source side: reachable from the virtual source in the residual network.
                            side[superSource] = true
                            queue[0] = Int32(superSource)
                            var qHead = 0, qTail = 1
                            while qHead < qTail {
                                let v = Int(queue[qHead])
                                qHead += 1
                                for a in Int(start[v])..<Int(start[v + 1]) where arc[a].residual > epsilon {
                                    let w = Int(arc[a].head)
                                    if !side[w] {
                                        side[w] = true
                                        queue[qTail] = Int32(w)
                                        qTail += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var cut: [Int] = []
        for u in 0..<n where side[Int(rank[u])] {
            for e in Int(edgeOffsets[u])..<Int(edgeOffsets[u + 1]) where !side[Int(rank[Int(edgeHead[e])])] {
                cut.append(e)
            }
        }
        return (flowValue, cut)
    }
}
