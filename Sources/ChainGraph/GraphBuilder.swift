/// An error building a graph.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An edge named a negative node id.
    case negativeNode(Int32)
    /// More edges than a CSR graph with `Int32` edge ids can hold.
    case tooManyEdges(Int)

    public var description: String {
        switch self {
        case .negativeNode(let n): "node id \(n) is negative; node ids are 0 or more"
        case .tooManyEdges(let n): "\(n) edges exceed the limit of \(Int32.max)"
        }
    }
}

/// Collects edges, then builds an immutable ``Graph`` by counting and filling: O(V + E).
///
/// Nodes are created implicitly: the node count is the largest id seen plus one, or the
/// count given with ``ensureNodeCount(_:)`` if larger (for isolated nodes).
///
/// ```swift
/// var builder = GraphBuilder(directed: true)
/// builder.reserveCapacity(edges: 3)
/// builder.addEdge(0, 1)
/// builder.addEdge(0, 2, weight: 5, layer: .pairing)
/// builder.ensureNodeCount(4)   // node 3 is isolated
/// let graph = try builder.build()
/// ```
public struct GraphBuilder: Sendable {
    public let isDirected: Bool
    private(set) public var nodeCount: Int = 0
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    /// Per-edge weights, or empty when every edge weighs `uniformWeight` (bulk edges only).
    private var weights: [Double] = []
    /// Per-edge layers, or empty when every edge is on `uniformLayer` (bulk edges only).
    private var layers: [EdgeLayer] = []
    private var uniformWeight: Double = 1
    private var uniformLayer: EdgeLayer = 0
    private var firstBadNode: Int32?

    public init(directed: Bool = true, nodeCount: Int = 0) {
        self.isDirected = directed
        self.nodeCount = max(0, nodeCount)
    }

    /// A builder holding the edges `sources[i] → targets[i]` in this order, each weighing
    /// `weights[i]` (or `uniformWeight` when `weights` is nil) on `layers[i]` (or
    /// `uniformLayer`). For readers that fill arrays in bulk: no per-edge appends, and no
    /// per-edge weight or layer arrays when they are uniform. Nodes up to the largest id are
    /// created; a negative id makes ``build()`` throw, as with ``addEdge(_:_:weight:layer:)``.
    ///
    /// ```swift
    /// let builder = GraphBuilder(sources: [0, 1], targets: [1, 2])   // 0 → 1 → 2, weight 1
    /// ```
    /// - Precondition: `targets`, and `weights` and `layers` when given, have `sources.count`
    ///   elements (a programming error otherwise, not a data error).
    /// - Complexity: O(E) to find the largest and smallest id.
    public init(
        directed: Bool = true, nodeCount: Int = 0, sources: [Int32], targets: [Int32],
        weights: [Double]? = nil, uniformWeight: Double = 1, layers: [EdgeLayer]? = nil, uniformLayer: EdgeLayer = 0
    ) {
        precondition(
            targets.count == sources.count, "GraphBuilder: \(targets.count) targets for \(sources.count) sources")
        precondition(
            (weights?.count ?? sources.count) == sources.count, "GraphBuilder: weights and sources differ in length")
        precondition(
            (layers?.count ?? sources.count) == sources.count, "GraphBuilder: layers and sources differ in length")
        self.isDirected = directed
        self.sources = sources
        self.targets = targets
        self.weights = weights ?? []
        self.layers = layers ?? []
        self.uniformWeight = uniformWeight
        self.uniformLayer = uniformLayer
        var low: Int32 = 0, high: Int32 = -1
        for ids in [sources, targets] {
            ids.withUnsafeBufferPointer { ids in
                for v in ids {
                    low = min(low, v)
                    high = max(high, v)
                }
            }
        }
        if low < 0 { firstBadNode = low }
        self.nodeCount = max(0, nodeCount, Int(high) + 1)
    }

    /// Number of edges added so far.
    public var edgeCount: Int { sources.count }

    /// Reserves room for `edges` edges.
    public mutating func reserveCapacity(edges: Int) {
        sources.reserveCapacity(edges)
        targets.reserveCapacity(edges)
        weights.reserveCapacity(edges)
        layers.reserveCapacity(edges)
    }

    /// Makes sure nodes `0..<count` exist.
    public mutating func ensureNodeCount(_ count: Int) {
        if count > nodeCount { nodeCount = count }
    }

    /// Adds the edge `source → target`. Parallel edges and self-loops are kept.
    /// - Complexity: amortized O(1).
    @inlinable
    public mutating func addEdge(_ source: Int32, _ target: Int32, weight: Double = 1, layer: EdgeLayer = 0) {
        _addEdge(source, target, weight, layer)
    }

    @usableFromInline
    mutating func _addEdge(_ source: Int32, _ target: Int32, _ weight: Double, _ layer: EdgeLayer) {
        if source < 0 || target < 0 {
            if firstBadNode == nil { firstBadNode = min(source, target) }
            return
        }
        let top = Int(max(source, target)) + 1
        if top > nodeCount { nodeCount = top }
        // A builder made from bulk arrays may have no per-edge weights or layers yet.
        if weights.count != sources.count { weights = [Double](repeating: uniformWeight, count: sources.count) }
        if layers.count != sources.count { layers = [EdgeLayer](repeating: uniformLayer, count: sources.count) }
        sources.append(source)
        targets.append(target)
        weights.append(weight)
        layers.append(layer)
    }

    /// Builds the CSR graph.
    /// - Complexity: O(V + E) time, two counting passes; the edge order of each source is the
    ///   order of addition.
    /// - Throws: ``GraphError`` if a negative id was added or there are too many edges.
    public func build() throws(GraphError) -> Graph {
        try build(threads: sources.count >= 1 << 18 ? Parallel.processorCount : 1)
    }

    /// Builds the CSR graph and empties the builder, releasing its edge arrays as soon as the
    /// out-adjacency is filled (when the builder holds the only reference to them), before
    /// the in-adjacency is allocated: the peak is then the graph plus 8 bytes per edge at
    /// most, instead of the graph plus the builder's 8 to 21. For bulk readers.
    /// - Throws: ``GraphError`` as ``build()``.
    public mutating func buildReleasingEdges() throws(GraphError) -> Graph {
        if let bad = firstBadNode { throw .negativeNode(bad) }
        if sources.count > Int(Int32.max) { throw .tooManyEdges(sources.count) }
        let threads = sources.count >= 1 << 18 ? Parallel.processorCount : 1
        if threads > 1 && nodeCount > 0 { return buildInParallel(threads: threads, releasing: true) }
        let graph = try build(threads: 1)
        self = GraphBuilder(directed: isDirected)
        return graph
    }

    /// Builds with `threads` workers (1: the sequential passes). The result is the same for
    /// any count: edge order per source is insertion order, in-edges are in edge-id order.
    func build(threads: Int) throws(GraphError) -> Graph {
        if let bad = firstBadNode { throw .negativeNode(bad) }
        let n = nodeCount
        let m = sources.count
        if m > Int(Int32.max) { throw .tooManyEdges(m) }
        if threads > 1 && m > 0 && n > 0 {
            var copy = self
            return copy.buildInParallel(threads: threads, releasing: false)
        }

        var outOffsets = [Int](repeating: 0, count: n + 1)
        var inOffsets = [Int](repeating: 0, count: n + 1)
        var outTargets = [Int32](repeating: 0, count: m)
        var outWeights = [Double](repeating: uniformWeight, count: m)
        var outLayers = [EdgeLayer](repeating: uniformLayer, count: m)
        var inSources = [Int32](repeating: 0, count: m)
        var inEdges = [Int32](repeating: 0, count: m)
        var cursor = [Int](repeating: 0, count: n + 1)
        let perEdgeWeights = weights.count == m, perEdgeLayers = layers.count == m
        // Raw buffers in the three passes (no bounds checks or uniqueness checks per edge):
        // this is a third of the time of reading a million-edge list.
        // In bounds: every id is in 0..<n (n is past the largest id, a negative id threw
        // above), so `id + 1 <= n` indexes the n + 1 offsets and cursors; the prefix sums count
        // exactly m edges, so each cursor stays below m; weights and layers are read only when
        // they have m entries.
        assert(Self.idsInRange(sources, n) && Self.idsInRange(targets, n), "GraphBuilder: an id outside 0..<\(n)")
        assert(targets.count == m && (!perEdgeWeights || weights.count == m) && (!perEdgeLayers || layers.count == m))
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { tgt in
                weights.withUnsafeBufferPointer { wts in
                    layers.withUnsafeBufferPointer { lys in
                        outOffsets.withUnsafeMutableBufferPointer { outOff in
                            inOffsets.withUnsafeMutableBufferPointer { inOff in
                                outTargets.withUnsafeMutableBufferPointer { oTgt in
                                    outWeights.withUnsafeMutableBufferPointer { oWts in
                                        outLayers.withUnsafeMutableBufferPointer { oLys in
                                            inSources.withUnsafeMutableBufferPointer { iSrc in
                                                inEdges.withUnsafeMutableBufferPointer { iEdg in
                                                    cursor.withUnsafeMutableBufferPointer { cur in
                                                        for i in 0..<m {
                                                            outOff[Int(src[i]) + 1] += 1
                                                            inOff[Int(tgt[i]) + 1] += 1
                                                        }
                                                        for v in 0..<n {
                                                            outOff[v + 1] += outOff[v]
                                                            inOff[v + 1] += inOff[v]
                                                        }
                                                        for v in 0...n { cur[v] = outOff[v] }
                                                        for i in 0..<m {
                                                            let s = Int(src[i])
                                                            let e = cur[s]
                                                            cur[s] = e + 1
                                                            oTgt[e] = tgt[i]
                                                            if perEdgeWeights { oWts[e] = wts[i] }
                                                            if perEdgeLayers { oLys[e] = lys[i] }
                                                        }
                                                        for v in 0...n { cur[v] = inOff[v] }
                                                        for v in 0..<n {
                                                            let lo = outOff[v], hi = outOff[v + 1]
                                                            if lo == hi { continue }
                                                            for e in lo..<hi {
                                                                let t = Int(oTgt[e])
                                                                let slot = cur[t]
                                                                cur[t] = slot + 1
                                                                iSrc[slot] = Int32(v)
                                                                iEdg[slot] = Int32(e)
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
            }
        }
        return Graph(
            nodeCount: n, isDirected: isDirected, outOffsets: outOffsets, outTargets: outTargets,
            weights: outWeights, layers: outLayers, inOffsets: inOffsets, inSources: inSources,
            inEdges: inEdges)
    }

    /// The counting build split over `threads` workers. Out pass: each worker counts and
    /// scatters a contiguous slice of the added edges; its cursor for a source starts after
    /// the earlier slices' edges of that source, so each source keeps insertion order. In
    /// pass: each worker takes a range of sources holding about m/threads edges and scatters
    /// their edges by target the same way, so each target's in-edges stay in edge-id order.
    /// - Complexity: O(V·threads + E) work, O(V·threads) extra memory.
    private mutating func buildInParallel(threads: Int, releasing: Bool) -> Graph {
        let n = nodeCount
        let m = sources.count
        let t = threads
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var inOffsets = [Int](repeating: 0, count: n + 1)
        var outTargets = [Int32](repeating: 0, count: m)
        var outWeights = [Double](repeating: uniformWeight, count: m)
        var outLayers = [EdgeLayer](repeating: uniformLayer, count: m)
        let perEdgeWeights = weights.count == m, perEdgeLayers = layers.count == m
        // Per worker: counts per node, then turned into that worker's cursors.
        var counts = [Int](repeating: 0, count: t * (n + 1))
        let edgeSlice: @Sendable (Int) -> Range<Int> = { w in (m * w / t)..<(m * (w + 1) / t) }
        // In bounds: as in `build`, every id is in 0..<n, so `w * (n + 1) + id` stays inside
        // worker w's stride of `counts`; edge slices and source ranges partition 0..<m and
        // 0..<n, and each worker's cursors start after the earlier workers' edges of the same
        // node, so workers write disjoint slots below m.
        assert(Self.idsInRange(sources, n) && Self.idsInRange(targets, n), "GraphBuilder: an id outside 0..<\(n)")
        assert(edgeSlice(0).lowerBound == 0 && edgeSlice(t - 1).upperBound == m)
        let stride = n + 1
        /// Sums the workers' counts per node into `offsets` (prefix sums), then turns each
        /// worker's count into its cursor: the first slot after earlier workers' edges.
        func offsetsAndCursors(_ offsets: UnsafeMutableBufferPointer<Int>, _ cnt: UnsafeMutableBufferPointer<Int>) {
            for v in 0..<n {
                var total = 0
                for w in 0..<t { total += cnt[w * stride + v] }
                offsets[v + 1] = offsets[v] + total
            }
            for v in 0..<n {
                var at = offsets[v]
                for w in 0..<t {
                    let c = cnt[w * stride + v]
                    cnt[w * stride + v] = at
                    at += c
                }
            }
        }
        // Out pass: counts and scatter of the added edges.
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { tgt in
                weights.withUnsafeBufferPointer { wts in
                    layers.withUnsafeBufferPointer { lys in
                        outOffsets.withUnsafeMutableBufferPointer { outOff in
                            outTargets.withUnsafeMutableBufferPointer { oTgt in
                                outWeights.withUnsafeMutableBufferPointer { oWts in
                                    outLayers.withUnsafeMutableBufferPointer { oLys in
                                        counts.withUnsafeMutableBufferPointer { cnt in
                                            // Workers write disjoint slots; the buffers live until the passes return.
                                            nonisolated(unsafe) let (src, tgt, wts, lys) = (src, tgt, wts, lys)
                                            nonisolated(unsafe) let (oTgt, oWts, oLys, cnt) = (oTgt, oWts, oLys, cnt)
                                            Parallel.forEach(iterations: t) { w in
                                                let base = w * stride
                                                for i in edgeSlice(w) { cnt[base + Int(src[i])] += 1 }
                                            }
                                            offsetsAndCursors(outOff, cnt)
                                            Parallel.forEach(iterations: t) { w in
                                                let base = w * stride
                                                for i in edgeSlice(w) {
                                                    let s = base + Int(src[i])
                                                    let e = cnt[s]
                                                    cnt[s] = e + 1
                                                    oTgt[e] = tgt[i]
                                                    if perEdgeWeights { oWts[e] = wts[i] }
                                                    if perEdgeLayers { oLys[e] = lys[i] }
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
        if releasing {
            // The in pass reads only the out-adjacency: the added edges can go now.
            self = GraphBuilder(directed: isDirected)
        }
        var inSources = [Int32](repeating: 0, count: m)
        var inEdges = [Int32](repeating: 0, count: m)
        // In pass: worker w takes sources [first[w], first[w+1]) holding about m/t edges.
        outOffsets.withUnsafeBufferPointer { outOff in
            inOffsets.withUnsafeMutableBufferPointer { inOff in
                outTargets.withUnsafeBufferPointer { oTgt in
                    inSources.withUnsafeMutableBufferPointer { iSrc in
                        inEdges.withUnsafeMutableBufferPointer { iEdg in
                            counts.withUnsafeMutableBufferPointer { cnt in
                                nonisolated(unsafe) let (outOff, oTgt, iSrc, iEdg, cnt) = (
                                    outOff, oTgt, iSrc, iEdg, cnt
                                )
                                var first = [Int](repeating: n, count: t + 1)
                                first[0] = 0
                                var v = 0
                                for w in 1..<t {
                                    let goal = m * w / t
                                    while v < n && outOff[v] < goal { v += 1 }
                                    first[w] = max(v, first[w - 1])
                                }
                                let bounds = first
                                Parallel.forEach(iterations: t) { w in
                                    let base = w * stride
                                    for i in 0..<stride { cnt[base + i] = 0 }
                                    for e in outOff[bounds[w]]..<outOff[bounds[w + 1]] { cnt[base + Int(oTgt[e])] += 1 }
                                }
                                offsetsAndCursors(inOff, cnt)
                                Parallel.forEach(iterations: t) { w in
                                    let base = w * stride
                                    for v in bounds[w]..<bounds[w + 1] {
                                        for e in outOff[v]..<outOff[v + 1] {
                                            let slot = base + Int(oTgt[e])
                                            let at = cnt[slot]
                                            cnt[slot] = at + 1
                                            iSrc[at] = Int32(v)
                                            iEdg[at] = Int32(e)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Graph(
            nodeCount: n, isDirected: isDirected, outOffsets: outOffsets, outTargets: outTargets,
            weights: outWeights, layers: outLayers, inOffsets: inOffsets, inSources: inSources,
            inEdges: inEdges)
    }

    /// Debug checks: whether every id is a node of a graph of `n` nodes.
    private static func idsInRange(_ ids: [Int32], _ n: Int) -> Bool {
        ids.allSatisfy { $0 >= 0 && Int($0) < n }
    }
}
