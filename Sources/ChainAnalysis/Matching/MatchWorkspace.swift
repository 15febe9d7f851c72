/// Scratch memory for matchmaking queries on one ``MatchIndex``: dense arrays over the
/// graph's nodes that are never cleared, only re-stamped, so a query costs only what it
/// touches. One workspace per thread; reuse it across queries.
///
/// ```swift
/// var ws = MatchWorkspace(index)
/// for f in firms { let m = index.matches(forNode: f, options: options, workspace: &ws) }
/// ```
/// - Complexity: O(V) memory (about 29 bytes per node), allocated once.
public struct MatchWorkspace {
    var stamp: UInt32 = 0
    /// Epoch of the last push, and what it was computed for (firm, α, ε).
    var pprEpoch: UInt32 = 0
    var pprKey: (Int32, Double, Double) = (-1, 0, 0)
    var pprStamp: [UInt32]
    var ppr: [Double]
    var residual: [Double]
    var queued: [Bool]
    var queue: [Int32] = []
    /// Nodes the last push touched, in order.
    var touched: [Int32] = []
    var seen: [UInt32]
    var excluded: [UInt32]

    /// Scratch for `index`.
    public init(_ index: MatchIndex) {
        let n = index.nodeCount
        pprStamp = [UInt32](repeating: 0, count: n)
        ppr = [Double](repeating: 0, count: n)
        residual = [Double](repeating: 0, count: n)
        queued = [Bool](repeating: false, count: n)
        seen = [UInt32](repeating: 0, count: n)
        excluded = [UInt32](repeating: 0, count: n)
    }

    mutating func nextStamp() -> UInt32 {
        if stamp == UInt32.max {
            stamp = 0
            for i in seen.indices {
                seen[i] = 0
                excluded[i] = 0
            }
        }
        stamp += 1
        return stamp
    }

    mutating func nextPageRankEpoch() -> UInt32 {
        if pprEpoch == UInt32.max {
            pprEpoch = 0
            for i in pprStamp.indices { pprStamp[i] = 0 }
        }
        pprEpoch += 1
        return pprEpoch
    }

    /// The approximate personalized PageRank of `node` from the last push (0 when untouched).
    @inline(__always)
    func pageRank(_ node: Int32) -> Double {
        pprStamp[Int(node)] == pprEpoch ? ppr[Int(node)] : 0
    }
}

extension MatchIndex {
    /// Approximate personalized PageRank from `source` by the local push of Andersen, Chung
    /// and Lang (2006), on the undirected view of the supply + pairing + membership graph,
    /// unweighted. Residual mass is pushed from a node while it is at least `epsilon ×
    /// degree`; each push keeps `alpha` of it and spreads the rest evenly over the
    /// neighbours. Nodes are processed first-in first-out, so the result is deterministic.
    /// Read the scores with ``MatchWorkspace/pageRank(_:)``. A second call for the same source
    /// and parameters reuses the last push.
    ///
    /// - Complexity: O(1 / (epsilon · alpha)) edge visits at most, independent of the graph size.
    func localPageRank(from source: Int32, alpha: Double, epsilon: Double, workspace ws: inout MatchWorkspace) {
        if ws.pprKey == (source, alpha, epsilon) && ws.pprEpoch > 0 { return }  // already there
        let stamp = ws.nextPageRankEpoch()
        ws.pprKey = (source, alpha, epsilon)
        let g = graph.graph
        // Move the arrays out of the workspace while working (no copy: the workspace holds
        // no other reference meanwhile), so the closures below borrow locals only.
        var queue = ws.queue
        var touchedList = ws.touched
        var pArr = ws.ppr
        var rArr = ws.residual
        var stArr = ws.pprStamp
        var qArr = ws.queued
        ws.queue = []
        ws.touched = []
        ws.ppr = []
        ws.residual = []
        ws.pprStamp = []
        ws.queued = []
        defer {
            ws.queue = queue
            ws.touched = touchedList
            ws.ppr = pArr
            ws.residual = rArr
            ws.pprStamp = stArr
            ws.queued = qArr
        }
        queue.removeAll(keepingCapacity: true)
        touchedList.removeAll(keepingCapacity: true)
        // In bounds: the workspace's per-node arrays have one entry per node of this graph,
        // and only node ids from its CSR arrays (checked by `Graph.checkInvariants`) index them.
        assert(
            [pArr.count, rArr.count, stArr.count, qArr.count].allSatisfy { $0 == g.nodeCount }
                && Int(source) < g.nodeCount)
        g.outOffsets.withUnsafeBufferPointer { outOff in
            g.outTargets.withUnsafeBufferPointer { outT in
                g.inOffsets.withUnsafeBufferPointer { inOff in
                    g.inSources.withUnsafeBufferPointer { inS in
                        pArr.withUnsafeMutableBufferPointer { p in
                            rArr.withUnsafeMutableBufferPointer { r in
                                stArr.withUnsafeMutableBufferPointer { st in
                                    qArr.withUnsafeMutableBufferPointer { q in
                                        @inline(__always) func touch(_ v: Int) {
                                            if st[v] != stamp {
                                                st[v] = stamp
                                                touchedList.append(Int32(v))
                                                p[v] = 0
                                                r[v] = 0
                                                q[v] = false
                                            }
                                        }
                                        @inline(__always) func degree(_ v: Int) -> Int {
                                            outOff[v + 1] - outOff[v] + inOff[v + 1] - inOff[v]
                                        }
                                        let s = Int(source)
                                        touch(s)
                                        r[s] = 1
                                        q[s] = true
                                        queue.append(source)
                                        var head = 0
                                        while head < queue.count {
                                            let u = Int(queue[head])
                                            head += 1
                                            q[u] = false
                                            let ru = r[u]
                                            let du = degree(u)
                                            if du == 0 {
                                                p[u] += ru
                                                r[u] = 0
                                                continue
                                            }
                                            if ru < epsilon * Double(du) { continue }
                                            p[u] += alpha * ru
                                            r[u] = 0
                                            let share = (1 - alpha) * ru / Double(du)
                                            @inline(__always) func give(_ v: Int) {
                                                touch(v)
                                                r[v] += share
                                                if !q[v] && r[v] >= epsilon * Double(degree(v)) {
                                                    q[v] = true
                                                    queue.append(Int32(v))
                                                }
                                            }
                                            for e in outOff[u]..<outOff[u + 1] { give(Int(outT[e])) }
                                            for k in inOff[u]..<inOff[u + 1] { give(Int(inS[k])) }
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
