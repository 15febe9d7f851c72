extension Graph {
    /// Core number of each node (the largest k such that the node is in the k-core), on the
    /// undirected view.
    ///
    /// The degree of a node is its in-degree plus out-degree, counting parallel edges each
    /// time (for a directed graph without parallel edges this is what NetworkX's
    /// `core_number` uses; `u → v` plus `v → u` counts twice). Self-loops are ignored
    /// (NetworkX refuses graphs with self-loops).
    ///
    /// Batagelj–Zaversnik bucket algorithm.
    ///
    /// ```swift
    /// let cores = graph.coreNumbers()
    /// let maxCore = cores.max() ?? 0
    /// ```
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called now and then with (nodes removed, node count).
    /// - Complexity: O(V + E) time and extra memory (an undirected adjacency copy).
    public func coreNumbers(layers: Set<EdgeLayer>? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil)
        -> [Int32]
    {
        let n = nodeCount
        let mask = EdgeLayerMask(layers)
        var ticker = ProgressTicker(progress, total: n)
        // Undirected adjacency without self-loops, as (neighbor) lists in CSR form.
        let sources = edgeSources()
        var degree = [Int](repeating: 0, count: n)
        for e in 0..<edgeCount where mask.allows(self.layers[e]) {
            let u = Int(sources[e]), w = Int(outTargets[e])
            if u != w { degree[u] += 1; degree[w] += 1 }
        }
        var start = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { start[v + 1] = start[v] + degree[v] }
        var neighbors = [Int32](repeating: 0, count: start[n])
        var slot = start
        for e in 0..<edgeCount where mask.allows(self.layers[e]) {
            let u = Int(sources[e]), w = Int(outTargets[e])
            if u != w {
                neighbors[slot[u]] = Int32(w); slot[u] += 1
                neighbors[slot[w]] = Int32(u); slot[w] += 1
            }
        }
        let maxDegree = degree.max() ?? 0
        // bin[d]: start of the nodes of degree d in `order`; pos[v]: index of v in `order`.
        var bin = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { bin[d + 1] += 1 }
        for d in 0...maxDegree { bin[d + 1] += bin[d] }
        var order = [Int32](repeating: 0, count: n)
        var pos = [Int](repeating: 0, count: n)
        var fill = bin
        for v in 0..<n {
            pos[v] = fill[degree[v]]
            order[pos[v]] = Int32(v)
            fill[degree[v]] += 1
        }
        for i in 0..<n {
            let v = Int(order[i])
            ticker.tick(i)
            for k in start[v]..<start[v + 1] {
                let w = Int(neighbors[k])
                guard degree[w] > degree[v] else { continue }
                // Move w to the front of its bin, then shrink its degree by one.
                let dw = degree[w]
                let pw = pos[w]
                let front = bin[dw]
                let u = Int(order[front])
                if u != w {
                    order[pw] = Int32(u); pos[u] = pw
                    order[front] = Int32(w); pos[w] = front
                }
                bin[dw] += 1
                degree[w] = dw - 1
            }
        }
        ticker.finish()
        return degree.map { Int32($0) }
    }
}
