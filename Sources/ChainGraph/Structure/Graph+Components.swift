extension Graph {
    /// Weakly connected components: components of the undirected view (for an undirected
    /// graph, its connected components).
    ///
    /// Union–find over the edges (link to the smaller root, path halving), so the root of
    /// each set is its smallest node; components are numbered by smallest node id.
    ///
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called now and then with (edges done, edge count).
    /// - Complexity: O((V + E) α(V)) time, O(V) extra memory.
    public func weaklyConnectedComponents(layers: Set<EdgeLayer>? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> ComponentPartition {
        let n = nodeCount
        let mask = EdgeLayerMask(layers)
        var ticker = ProgressTicker(progress, total: edgeCount, stride: 1 << 18)
        // Initializes all n elements before setting the count (the initializer's contract).
        var parent = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = Int32(i) }
            count = n
        }
        // In bounds: `parent` has n entries and holds node ids (its own index or a smaller
        // root); v < n, e < offsets[v + 1] <= m, and targets are node ids (Graph's CSR
        // invariants, checked when the graph is made).
        assert(parent.count == n && outOffsets.count == n + 1 && self.layers.count == outTargets.count)
        parent.withUnsafeMutableBufferPointer { parent in
            outOffsets.withUnsafeBufferPointer { offsets in
                outTargets.withUnsafeBufferPointer { targets in
                    self.layers.withUnsafeBufferPointer { edgeLayers in
                        @inline(__always) func find(_ x: Int32) -> Int32 {
                            var x = x
                            while parent[Int(x)] != x {
                                let grand = parent[Int(parent[Int(x)])]
                                parent[Int(x)] = grand
                                x = grand
                            }
                            return x
                        }
                        for v in 0..<n {
                            let lo = offsets[v], hi = offsets[v + 1]
                            if lo == hi { continue }
                            for e in lo..<hi where mask.allowsAll || mask.allows(edgeLayers[e]) {
                                let a = find(Int32(v))
                                let b = find(targets[e])
                                if a < b { parent[Int(b)] = a } else if b < a { parent[Int(a)] = b }
                            }
                            ticker.tick(hi)
                        }
                        for v in 0..<n { parent[v] = find(Int32(v)) }
                    }
                }
            }
        }
        ticker.finish()
        return ComponentPartition(labels: parent, labelCount: n)
    }

    /// Strongly connected components (for an undirected graph: its connected components).
    ///
    /// Tarjan's algorithm with explicit stacks (no recursion, safe on million-node paths);
    /// components are numbered by smallest node id.
    ///
    /// ```swift
    /// let scc = graph.stronglyConnectedComponents()
    /// let cyclic = scc.sizes.filter { $0 > 1 }.count
    /// ```
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called now and then with (nodes finished, node count).
    /// - Complexity: O(V + E) time, O(V) extra memory.
    public func stronglyConnectedComponents(layers: Set<EdgeLayer>? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> ComponentPartition {
        if !isDirected { return weaklyConnectedComponents(layers: layers, progress: progress) }
        let n = nodeCount
        let mask = EdgeLayerMask(layers)
        var ticker = ProgressTicker(progress, total: n)
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var comp = [Int32](repeating: -1, count: n)
        var tarjanStack = [Int32](repeating: 0, count: n)
        var callNode = [Int32](repeating: 0, count: n)
        var callCursor = [Int](repeating: 0, count: n)
        var componentCount: Int32 = 0
        // In bounds: each per-node array has n entries; the Tarjan stack and the call stack
        // hold each node at most once (a node is pushed when first indexed), so their tops
        // stay <= n; node and edge ids come from a graph whose CSR invariants were checked.
        assert([index.count, low.count, comp.count, tarjanStack.count, callNode.count, callCursor.count].allSatisfy { $0 == n })
        index.withUnsafeMutableBufferPointer { index in
        low.withUnsafeMutableBufferPointer { low in
        comp.withUnsafeMutableBufferPointer { comp in
        tarjanStack.withUnsafeMutableBufferPointer { tstack in
        callNode.withUnsafeMutableBufferPointer { callNode in
        callCursor.withUnsafeMutableBufferPointer { callCursor in
        outOffsets.withUnsafeBufferPointer { offsets in
        outTargets.withUnsafeBufferPointer { targets in
        self.layers.withUnsafeBufferPointer { edgeLayers in
            var counter: Int32 = 0
            var tTop = 0
            var finished = 0
            for root in 0..<n where index[root] < 0 {
                var depth = 0
                index[root] = counter; low[root] = counter; counter += 1
                tstack[tTop] = Int32(root); tTop += 1
                callNode[0] = Int32(root); callCursor[0] = offsets[root]
                depth = 1
                while depth > 0 {
                    let v = Int(callNode[depth - 1])
                    var cursor = callCursor[depth - 1]
                    let end = offsets[v + 1]
                    var descended = false
                    while cursor < end {
                        let e = cursor
                        cursor += 1
                        if !mask.allowsAll && !mask.allows(edgeLayers[e]) { continue }
                        let w = Int(targets[e])
                        if index[w] < 0 {
                            callCursor[depth - 1] = cursor
                            index[w] = counter; low[w] = counter; counter += 1
                            tstack[tTop] = Int32(w); tTop += 1
                            callNode[depth] = Int32(w); callCursor[depth] = offsets[w]
                            depth += 1
                            descended = true
                            break
                        } else if comp[w] < 0 {
                            // On the Tarjan stack (index set, no component yet).
                            if index[w] < low[v] { low[v] = index[w] }
                        }
                    }
                    if descended { continue }
                    depth -= 1
                    if low[v] == index[v] {
                        while true {
                            tTop -= 1
                            let x = Int(tstack[tTop])
                            comp[x] = componentCount
                            finished += 1
                            if x == v { break }
                        }
                        componentCount += 1
                        ticker.tick(finished)
                    }
                    if depth > 0 {
                        let parent = Int(callNode[depth - 1])
                        if low[v] < low[parent] { low[parent] = low[v] }
                    }
                }
            }
        }}}}}}}}}
        ticker.finish()
        return ComponentPartition(labels: comp, labelCount: Int(componentCount))
    }
}
