extension Graph {
    /// Maximum flow and minimum cut from the node set `sources` to the node set `sinks`
    /// (Dinic's algorithm, iterative).
    ///
    /// Capacities are the edge weights, or `capacities` by edge id. A virtual super source
    /// feeds every source and every sink drains into a virtual super sink, so several sources
    /// and sinks are allowed. An undirected edge carries flow either way up to its capacity.
    /// Self-loops carry no flow.
    ///
    /// ```swift
    /// // Two suppliers to one buyer, how much can flow?
    /// let result = try graph.maxFlow(from: [0, 1], to: [7])
    /// result.value
    /// result.cutEdges.map { graph.weights[$0] }
    /// ```
    /// - Parameters:
    ///   - sources: nodes where flow enters (at least one).
    ///   - sinks: nodes where flow leaves (at least one, disjoint from `sources`).
    ///   - capacities: per-edge capacities by edge id (nil: the weights).
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called after each phase with (phases done, node count + 2), an upper bound on
    ///     the phase count.
    /// - Throws: ``PathError`` for an empty, out-of-range or overlapping terminal set, or a
    ///   negative or non-finite capacity on a counted edge.
    /// - Complexity: O(V² E) worst case; far less on sparse graphs in practice.
    public func maxFlow(
        from sources: [Int32], to sinks: [Int32], capacities: [Double]? = nil, layers: Set<EdgeLayer>? = nil,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(PathError) -> MaxFlowResult {
        if sources.isEmpty || sinks.isEmpty { throw .emptyTerminals }
        try checkNodes(sources)
        try checkNodes(sinks)
        let n = nodeCount
        var isSource = [Bool](repeating: false, count: n)
        for s in sources { isSource[Int(s)] = true }
        var isSink = [Bool](repeating: false, count: n)
        for t in sinks {
            if isSource[Int(t)] { throw .sourceIsSink(t) }
            isSink[Int(t)] = true
        }
        let mask = EdgeLayerMask(layers)
        let capacity = capacities ?? weights
        try checkNonnegative(capacity, mask: mask)

        // Residual network: arcs in pairs (2k forward, 2k+1 reverse).
        let superSource = n, superSink = n + 1, nodes = n + 2
        var tails: [Int32] = [], heads: [Int32] = [], caps: [Double] = [], arcEdge: [Int32] = []
        let arcEstimate = 2 * (edgeCount + sources.count + sinks.count)
        tails.reserveCapacity(arcEstimate); heads.reserveCapacity(arcEstimate)
        caps.reserveCapacity(arcEstimate); arcEdge.reserveCapacity(arcEstimate)
        func addPair(_ u: Int32, _ v: Int32, _ forward: Double, _ backward: Double, _ edge: Int32) {
            tails.append(u); heads.append(v); caps.append(forward); arcEdge.append(edge)
            tails.append(v); heads.append(u); caps.append(backward); arcEdge.append(-1)
        }
        var total = 0.0
        let sourcesOfEdges = edgeSources()
        for e in 0..<edgeCount where mask.allows(self.layers[e]) {
            let u = sourcesOfEdges[e], v = outTargets[e]
            if u == v { continue }
            let c = capacity[e]
            total += c
            addPair(u, v, c, isDirected ? 0 : c, Int32(e))
        }
        let big = total + 1
        for v in 0..<n {
            if isSource[v] {
                addPair(Int32(superSource), Int32(v), big, 0, -1)
            } else if isSink[v] {
                addPair(Int32(v), Int32(superSink), big, 0, -1)
            }
        }
        // Group arcs by tail (counting sort); `position[a]` is the slot of arc a.
        let arcCount = tails.count
        var start = [Int](repeating: 0, count: nodes + 1)
        for t in tails { start[Int(t) + 1] += 1 }
        for v in 0..<nodes { start[v + 1] += start[v] }
        var position = [Int](repeating: 0, count: arcCount)
        var fill = start
        for a in 0..<arcCount {
            position[a] = fill[Int(tails[a])]
            fill[Int(tails[a])] += 1
        }
        var head = [Int32](repeating: 0, count: arcCount)
        var residual = [Double](repeating: 0, count: arcCount)
        var reverse = [Int](repeating: 0, count: arcCount)
        for a in 0..<arcCount {
            let slot = position[a]
            head[slot] = heads[a]
            residual[slot] = caps[a]
            reverse[slot] = position[a ^ 1]
        }
        let epsilon = big * 1e-13

        var level = [Int32](repeating: -1, count: nodes)
        var queue = [Int32](repeating: 0, count: nodes)
        var cursor = [Int](repeating: 0, count: nodes)
        var pathArcs = [Int](repeating: 0, count: nodes)
        var flowValue = 0.0
        var phase = 0
        while true {
            // Levels by BFS from the super source.
            for v in 0..<nodes { level[v] = -1 }
            level[superSource] = 0
            queue[0] = Int32(superSource)
            var qHead = 0, qTail = 1
            while qHead < qTail {
                let v = Int(queue[qHead])
                qHead += 1
                for a in start[v]..<start[v + 1] where residual[a] > epsilon {
                    let w = Int(head[a])
                    if level[w] < 0 {
                        level[w] = level[v] + 1
                        queue[qTail] = Int32(w)
                        qTail += 1
                    }
                }
            }
            if level[superSink] < 0 { break }
            for v in 0..<nodes { cursor[v] = start[v] }
            // Blocking flow by iterative DFS along level-increasing arcs.
            var depth = 0
            var v = superSource
            while true {
                if v == superSink {
                    var bottleneck = Double.infinity
                    for k in 0..<depth { bottleneck = min(bottleneck, residual[pathArcs[k]]) }
                    var firstSaturated = depth
                    for k in 0..<depth {
                        let a = pathArcs[k]
                        residual[a] -= bottleneck
                        residual[reverse[a]] += bottleneck
                        if residual[a] <= epsilon && firstSaturated == depth { firstSaturated = k }
                    }
                    flowValue += bottleneck
                    depth = firstSaturated
                    v = depth == 0 ? superSource : Int(head[pathArcs[depth - 1]])
                    continue
                }
                var found = -1
                while cursor[v] < start[v + 1] {
                    let a = cursor[v]
                    let w = Int(head[a])
                    if residual[a] > epsilon && level[w] == level[v] + 1 { found = a; break }
                    cursor[v] += 1
                }
                if found >= 0 {
                    pathArcs[depth] = found
                    depth += 1
                    v = Int(head[found])
                } else {
                    if v == superSource { break }
                    level[v] = -1  // dead end for this phase
                    depth -= 1
                    v = Int(head[reverse[pathArcs[depth]]])
                    cursor[v] += 1
                }
            }
            phase += 1
            progress?(phase, nodes)
        }

        // Source side: reachable from the super source in the residual network.
        var side = [Bool](repeating: false, count: nodes)
        side[superSource] = true
        queue[0] = Int32(superSource)
        var qHead = 0, qTail = 1
        while qHead < qTail {
            let v = Int(queue[qHead])
            qHead += 1
            for a in start[v]..<start[v + 1] where residual[a] > epsilon && !side[Int(head[a])] {
                side[Int(head[a])] = true
                queue[qTail] = head[a]
                qTail += 1
            }
        }
        var edgeFlow = [Double](repeating: 0, count: edgeCount)
        for a in 0..<arcCount where arcEdge[a] >= 0 {
            let e = Int(arcEdge[a])
            edgeFlow[e] = capacity[e] - residual[position[a]]
        }
        var cutEdges: [Int] = []
        var cutCapacity = 0.0
        for e in 0..<edgeCount where mask.allows(self.layers[e]) {
            let u = side[Int(sourcesOfEdges[e])], v = side[Int(outTargets[e])]
            if (u && !v) || (!isDirected && v && !u) {
                cutEdges.append(e)
                cutCapacity += capacity[e]
            }
        }
        return MaxFlowResult(
            value: flowValue, edgeFlow: edgeFlow, sourceSide: Array(side[0..<n]),
            cutEdges: cutEdges, cutCapacity: cutCapacity)
    }
}
