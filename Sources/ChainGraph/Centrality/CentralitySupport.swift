/// Internal helpers shared by the centrality algorithms: a progress throttle, weight checks
/// and the "pull" adjacency. (Worker counts and loops: ``Parallel``.)
enum CentralitySupport {
    /// Checks that every weight is finite and not negative.
    static func validateWeights(_ graph: Graph) throws(CentralityError) {
        // Reads w[0..<w.count] only.
        let bad: Int? = graph.weights.withUnsafeBufferPointer { w in
            for e in 0..<w.count where !(w[e] >= 0 && w[e].isFinite) { return e }
            return nil
        }
        if let e = bad { throw .invalidWeight(edge: e, weight: graph.weights[e]) }
    }

    /// Whether every edge weight is exactly 1 (then weighted and unweighted agree).
    static func allWeightsOne(_ graph: Graph) -> Bool {
        graph.weights.withUnsafeBufferPointer { w in
            for x in w where x != 1 { return false }
            return true
        }
    }

    /// Splits nodes `0..<offsets.count-1` into `parts` contiguous ranges of about equal work,
    /// where node `v` costs `offsets[v+1] - offsets[v] + 1`. Depends only on the offsets.
    static func balancedRanges(offsets: [Int], parts: Int) -> [Range<Int>] {
        let n = offsets.count - 1
        if n <= 0 { return [] }
        let parts = max(1, min(parts, n))
        let total = offsets[n] + n
        var bounds = [0]
        var v = 0
        for p in 1..<parts {
            let goal = total * p / parts
            // First v with offsets[v] + v >= goal (monotone).
            var low = v
            var high = n
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] + mid < goal { low = mid + 1 } else { high = mid }
            }
            v = max(low, bounds[bounds.count - 1])
            bounds.append(v)
        }
        bounds.append(n)
        var ranges: [Range<Int>] = []
        for i in 0..<(bounds.count - 1) where bounds[i] < bounds[i + 1] {
            ranges.append(bounds[i]..<bounds[i + 1])
        }
        return ranges
    }
}

/// Calls a progress callback at most about 100 times (each time a percent is crossed) plus
/// at the end.
struct ProgressThrottle {
    let callback: CentralityProgress?
    let total: Int
    private var lastPercent = -1

    init(_ callback: CentralityProgress?, total: Int) {
        self.callback = callback
        self.total = total
    }

    mutating func report(_ done: Int) {
        guard let callback else { return }
        let percent = total > 0 ? done * 100 / total : 100
        if percent > lastPercent || done >= total {
            lastPercent = percent
            callback(done, total)
        }
    }
}

/// A CSR "pull" adjacency: for each node `v`, the nodes `u` whose value flows into `v`, with
/// the weight of that link. For a directed graph and `.incoming` it is the in-adjacency
/// (u → v); for `.outgoing` the out-adjacency; for an undirected graph every incident edge,
/// with a self-loop listed once. Parallel edges stay separate entries (their weights add).
struct PullAdjacency {
    let offsets: [Int]
    let sources: [Int32]
    /// Weight per entry, or nil when every entry weighs 1.
    let weights: [Double]?

    init(_ graph: Graph, _ direction: Direction, weighted: Bool) {
        let useWeights = weighted && !CentralitySupport.allWeightsOne(graph)
        if graph.isDirected && direction == .incoming {
            offsets = graph.inOffsets
            sources = graph.inSources
            weights = useWeights ? graph.inEdges.map { graph.weights[Int($0)] } : nil
            return
        }
        if graph.isDirected && direction == .outgoing {
            offsets = graph.outOffsets
            sources = graph.outTargets
            weights = useWeights ? graph.weights : nil
            return
        }
        // Undirected view: out-edges then in-edges of each node, self-loops once.
        let n = graph.nodeCount
        var off = [Int](repeating: 0, count: n + 1)
        for v in 0..<n {
            var count = graph.outOffsets[v + 1] - graph.outOffsets[v]
            for i in graph.inOffsets[v]..<graph.inOffsets[v + 1] where graph.inSources[i] != Int32(v) {
                count += 1
            }
            off[v + 1] = off[v] + count
        }
        var src = [Int32](repeating: 0, count: off[n])
        var wts = useWeights ? [Double](repeating: 0, count: off[n]) : []
        var k = 0
        for v in 0..<n {
            for e in graph.outOffsets[v]..<graph.outOffsets[v + 1] {
                src[k] = graph.outTargets[e]
                if useWeights { wts[k] = graph.weights[e] }
                k += 1
            }
            for i in graph.inOffsets[v]..<graph.inOffsets[v + 1] where graph.inSources[i] != Int32(v) {
                src[k] = graph.inSources[i]
                if useWeights { wts[k] = graph.weights[Int(graph.inEdges[i])] }
                k += 1
            }
        }
        offsets = off
        sources = src
        weights = useWeights ? wts : nil
    }

    /// `y = M x` where `y[v] = Σ weight · x[source]` over `v`'s entries, in entry order.
    /// - Complexity: O(V + E).
    func multiply(_ x: [Double], into y: inout [Double]) {
        // In bounds: offsets has y.count + 1 monotone entries ending at sources.count (built
        // above from the graph's CSR arrays), sources are node ids < x.count, and weights, when
        // present, have one entry per source.
        assert(offsets.count == y.count + 1 && x.count == y.count && offsets.last == sources.count)
        assert(weights.map { $0.count == sources.count } ?? true)
        offsets.withUnsafeBufferPointer { off in
            sources.withUnsafeBufferPointer { src in
                x.withUnsafeBufferPointer { xp in
                    y.withUnsafeMutableBufferPointer { yp in
                        if let weights {
                            weights.withUnsafeBufferPointer { w in
                                for v in 0..<yp.count {
                                    var s = 0.0
                                    for i in off[v]..<off[v + 1] { s += w[i] * xp[Int(src[i])] }
                                    yp[v] = s
                                }
                            }
                        } else {
                            for v in 0..<yp.count {
                                var s = 0.0
                                for i in off[v]..<off[v + 1] { s += xp[Int(src[i])] }
                                yp[v] = s
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Graph {
    /// Calls `body` with raw pointers to the adjacency arrays.
    ///
    /// In bounds for users of the view: the buffers keep Graph's CSR invariants (offsets of
    /// nodeCount + 1 monotone entries ending at the edge count; targets and in-sources are node
    /// ids, in-edges edge ids), checked in debug builds when the graph is made; buffer
    /// subscripts check each index in debug builds.
    func withCSRView<R>(_ body: (CSRView) -> R) -> R {
        assert(
            outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1 && weights.count == outTargets.count)
        return outOffsets.withUnsafeBufferPointer { outOff in
            outTargets.withUnsafeBufferPointer { outTgt in
                weights.withUnsafeBufferPointer { wts in
                    inOffsets.withUnsafeBufferPointer { inOff in
                        inSources.withUnsafeBufferPointer { inSrc in
                            inEdges.withUnsafeBufferPointer { inEdg in
                                body(
                                    CSRView(
                                        nodeCount: nodeCount, undirected: !isDirected, outOffsets: outOff,
                                        outTargets: outTgt, weights: wts, inOffsets: inOff, inSources: inSrc,
                                        inEdges: inEdg))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Raw read-only pointers to a graph's adjacency, valid inside ``Graph/withCSRView(_:)``.
struct CSRView {
    let nodeCount: Int
    let undirected: Bool
    let outOffsets: UnsafeBufferPointer<Int>
    let outTargets: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
    let inOffsets: UnsafeBufferPointer<Int>
    let inSources: UnsafeBufferPointer<Int32>
    let inEdges: UnsafeBufferPointer<Int32>
}
