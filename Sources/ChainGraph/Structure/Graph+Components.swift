extension Graph {
    /// Weakly connected components: components of the undirected view (for an undirected
    /// graph, its connected components).
    ///
    /// Afforest (Sutton, Ben-Nun, Barak 2018), as in the GAP Benchmark Suite: a concurrent
    /// union–find whose links always hang the larger root under the smaller, first over the
    /// first two out-edges of every node; then the component most of a fixed sample of nodes
    /// already belongs to (on a power-law graph, the giant one) is found, and only nodes
    /// outside it go through their remaining out-edges and all their in-edges. An edge
    /// between the sampled component and another node is still seen from that node's side,
    /// so every edge is accounted for while most of them are never read.
    ///
    /// Each final root is the smallest node of its component (no root is ever hung under a
    /// larger one), so the partition, numbered by smallest node id, is the same for any
    /// thread count and any interleaving.
    ///
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    ///   - threads: worker threads (nil = all processors; 1 = the caller's thread only).
    ///   - progress: called after each phase with (edges done, edge count).
    /// - Complexity: O((V + E) α(V)) time at worst, O(V) extra memory.
    public func weaklyConnectedComponents(
        layers: Set<EdgeLayer>? = nil, threads: Int? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> ComponentPartition {
        let n = nodeCount
        if n == 0 { progress?(edgeCount, edgeCount); return ComponentPartition(labels: [], labelCount: 0) }
        let mask = EdgeLayerMask(layers)
        let ranges = CentralitySupport.balancedRanges(
            offsets: outOffsets, parts: max(1, min(256, (edgeCount + n) / 65_536)))
        let workers = Parallel.workers(requested: threads, units: ranges.count)
        // Every node's union–find parent, a node id (its own or a smaller one).
        let comp = AtomicLabels(identityOf: n)

        /// Joins the sets of `u` and `v`: hangs the larger root under the smaller with a
        /// compare-and-swap, retrying from the new parents when another thread won.
        @inline(__always) func link(_ u: Int32, _ v: Int32) {
            var p1 = comp.load(Int(u))
            var p2 = comp.load(Int(v))
            while p1 != p2 {
                let high = max(p1, p2), low = min(p1, p2)
                let pHigh = comp.load(Int(high))
                if pHigh == low { break }
                if pHigh == high && comp.replace(Int(high), expected: high, desired: low) { break }
                p1 = comp.load(Int(comp.load(Int(high))))
                p2 = comp.load(Int(low))
            }
        }
        /// Points every node straight at its root.
        func compress() {
            Parallel.forEachUnit(units: ranges.count, workers: workers) { unit in
                for v in ranges[unit] {
                    while true {
                        let p = comp.load(v)
                        let gp = comp.load(Int(p))
                        if p == gp { break }
                        comp.store(v, gp)
                    }
                }
            }
        }

        outOffsets.withUnsafeBufferPointer { outOff in
            outTargets.withUnsafeBufferPointer { targets in
                inOffsets.withUnsafeBufferPointer { inOff in
                    inSources.withUnsafeBufferPointer { inSrc in
                        inEdges.withUnsafeBufferPointer { inEdg in
                            self.layers.withUnsafeBufferPointer { edgeLayers in
                                // In bounds: v < n indexes the n + 1 offsets; e < outOff[v + 1] <= m and
                                // i < inOff[v + 1] <= m index the edge arrays; targets, in-sources and in-edge ids
                                // are node and edge ids (Graph's CSR invariants, checked when the graph is made).
                                assert(
                                    outOff.count == n + 1 && inOff.count == n + 1 && edgeLayers.count == targets.count)
                                assert(inSrc.count == targets.count && inEdg.count == targets.count)
                                let rounds = 2
                                for r in 0..<rounds {
                                    Parallel.forEachUnit(units: ranges.count, workers: workers) { unit in
                                        for v in ranges[unit] {
                                            let e = outOff[v] + r
                                            if e < outOff[v + 1] && (mask.allowsAll || mask.allows(edgeLayers[e])) {
                                                link(Int32(v), targets[e])
                                            }
                                        }
                                    }
                                    compress()
                                }
                                progress?(0, edgeCount)
                                // The component most sampled nodes are in (ties: the smaller label). The sample
                                // is a fixed stride, so it depends on the graph only.
                                let samples = min(n, 1024)
                                var counts: [Int32: Int] = [:]
                                for k in 0..<samples { counts[comp.load(k * n / samples), default: 0] += 1 }
                                let giant =
                                    counts.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?
                                    .key ?? 0
                                Parallel.forEachUnit(units: ranges.count, workers: workers) { unit in
                                    for v in ranges[unit] where comp.load(v) != giant {
                                        let u = Int32(v)
                                        var e = outOff[v] + rounds
                                        while e < outOff[v + 1] {
                                            if mask.allowsAll || mask.allows(edgeLayers[e]) { link(u, targets[e]) }
                                            e += 1
                                        }
                                        for i in inOff[v]..<inOff[v + 1]
                                        where mask.allowsAll || mask.allows(edgeLayers[Int(inEdg[i])]) {
                                            link(u, inSrc[i])
                                        }
                                    }
                                }
                                compress()
                            }
                        }
                    }
                }
            }
        }
        let labels = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            // Initializes all n elements before setting the count (the initializer's contract).
            for v in 0..<n { buffer[v] = comp.load(v) }
            count = n
        }
        progress?(edgeCount, edgeCount)
        return ComponentPartition(labels: labels, labelCount: n)
    }

    /// Strongly connected components (for an undirected graph: its connected components).
    ///
    /// Without a layer restriction, three steps (the usual shape of parallel SCC codes):
    /// nodes with no in-edge or no out-edge are their own component (trimmed); the component
    /// of the node with the largest in-degree × out-degree (ties: smallest id) is found as the
    /// intersection of what it reaches and what reaches it, the two searches running side by
    /// side on two threads; the remaining nodes go through Tarjan's algorithm with explicit
    /// stacks (no recursion, safe on million-node paths), ignoring the nodes already placed.
    /// With a layer restriction, Tarjan's algorithm does all of it. Components are numbered
    /// by smallest node id, so the result is the same for any thread count.
    ///
    /// ```swift
    /// let scc = graph.stronglyConnectedComponents()
    /// let cyclic = scc.sizes.filter { $0 > 1 }.count
    /// ```
    /// - Parameters:
    ///   - layers: only edges in these layers count (nil: all).
    ///   - progress: called now and then with (nodes finished, node count).
    /// - Complexity: O(V + E) time, O(V) extra memory.
    ///   - threads: worker threads for the pivot's two searches (nil = all processors).
    public func stronglyConnectedComponents(
        layers: Set<EdgeLayer>? = nil, threads: Int? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> ComponentPartition {
        if !isDirected { return weaklyConnectedComponents(layers: layers, threads: threads, progress: progress) }
        let n = nodeCount
        let mask = EdgeLayerMask(layers)
        var ticker = ProgressTicker(progress, total: n)
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var comp = [Int32](repeating: -1, count: n)
        var tarjanStack = [Int32](repeating: 0, count: n)
        var callNode = [Int32](repeating: 0, count: n)
        var callCursor = [Int](repeating: 0, count: n)
        var placed = 0
        if mask.allowsAll && n >= 2 {
            placed = placeTrivialAndPivotComponents(index: &index, comp: &comp, threads: threads)
        }
        var componentCount: Int32 = 0
        // In bounds: each per-node array has n entries; the Tarjan stack and the call stack
        // hold each node at most once (a node is pushed when first indexed), so their tops
        // stay <= n; node and edge ids come from a graph whose CSR invariants were checked.
        assert(
            [index.count, low.count, comp.count, tarjanStack.count, callNode.count, callCursor.count].allSatisfy {
                $0 == n
            })
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
                                            var finished = placed
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
                                                            comp[x] = Int32(v)  // labelled by its Tarjan root
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
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        ticker.finish()
        _ = componentCount
        return ComponentPartition(labels: comp, labelCount: n)
    }

    /// The first two steps of `stronglyConnectedComponents`: labels every node with no in- or
    /// no out-edge by itself and the pivot's component by the pivot, in `comp`, and marks
    /// them visited in `index` (0) so Tarjan's pass skips them. Returns how many were placed.
    private func placeTrivialAndPivotComponents(index: inout [Int32], comp: inout [Int32], threads: Int?) -> Int {
        let n = nodeCount
        var placed = 0
        var pivot = -1
        var best = 0
        outOffsets.withUnsafeBufferPointer { outOff in
            inOffsets.withUnsafeBufferPointer { inOff in
                index.withUnsafeMutableBufferPointer { index in
                    comp.withUnsafeMutableBufferPointer { comp in
                        for v in 0..<n {
                            let outDegree = outOff[v + 1] - outOff[v], inDegree = inOff[v + 1] - inOff[v]
                            if outDegree == 0 || inDegree == 0 {
                                comp[v] = Int32(v); index[v] = 0; placed += 1
                            } else if outDegree * inDegree > best {
                                best = outDegree * inDegree; pivot = v
                            }
                        }
                    }
                }
            }
        }
        if pivot < 0 { return placed }
        // Forward and backward searches from the pivot over the untrimmed nodes, one per
        // thread; their intersection is the pivot's component.
        var forward = [UInt8](repeating: 0, count: n)
        var backward = [UInt8](repeating: 0, count: n)
        let workers = Parallel.workers(requested: threads, units: 2)
        forward.withUnsafeMutableBufferPointer { fw in
            backward.withUnsafeMutableBufferPointer { bw in
                index.withUnsafeBufferPointer { index in
                    outOffsets.withUnsafeBufferPointer { outOff in
                        outTargets.withUnsafeBufferPointer { outTgt in
                            inOffsets.withUnsafeBufferPointer { inOff in
                                inSources.withUnsafeBufferPointer { inSrc in
                                    // In bounds: both searches start at the pivot (< n) and follow CSR lists of node
                                    // ids; `seen`, `index` and each queue have n entries, and a node is queued at most
                                    // once (marked seen first), so the queue's tail stays <= n. Each search writes only
                                    // its own array.
                                    assert(fw.count == n && bw.count == n && index.count == n)
                                    nonisolated(unsafe) let fw = fw, bw = bw
                                    Parallel.forEachUnit(units: 2, workers: workers) { unit in
                                        let seen = unit == 0 ? fw : bw
                                        let off = unit == 0 ? outOff : inOff
                                        let adj = unit == 0 ? outTgt : inSrc
                                        var queue = [Int32](repeating: 0, count: n)
                                        queue.withUnsafeMutableBufferPointer { queue in
                                            var head = 0, tail = 1
                                            queue[0] = Int32(pivot)
                                            seen[pivot] = 1
                                            while head < tail {
                                                let v = Int(queue[head]); head += 1
                                                for i in off[v]..<off[v + 1] {
                                                    let w = Int(adj[i])
                                                    if seen[w] == 0 && index[w] < 0 {
                                                        seen[w] = 1
                                                        queue[tail] = Int32(w); tail += 1
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        index.withUnsafeMutableBufferPointer { index in
            comp.withUnsafeMutableBufferPointer { comp in
                for v in 0..<n where forward[v] & backward[v] != 0 {
                    comp[v] = Int32(pivot); index[v] = 0; placed += 1
                }
            }
        }
        return placed
    }
}
