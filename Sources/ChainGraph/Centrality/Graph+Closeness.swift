extension Graph {
    /// Closeness centrality, with NetworkX's conventions (`closeness_centrality`).
    ///
    /// For node `u`, let `r` be the number of nodes that can reach `u` (including `u`) and
    /// `T` the sum of their distances to `u`. Then `C(u) = (r − 1) / T`, multiplied by
    /// `(r − 1)/(n − 1)` when `wfImproved` (Wasserman–Faust, the NetworkX default, which makes
    /// values comparable across components of a disconnected graph). `C(u) = 0` when `T = 0`
    /// or `n = 1`. For a directed graph the distances are *incoming* (from other nodes to
    /// `u`), as in NetworkX; use the reverse graph for outgoing closeness.
    ///
    /// Unweighted counts hops (BFS); weighted takes edge weights as lengths (finite, ≥ 0;
    /// Dijkstra with a binary heap) and sums distances in settle order.
    ///
    /// ```swift
    /// let c = try graph.closeness()
    /// ```
    /// - Throws: ``CentralityError/invalidWeight(edge:weight:)`` when weighted and a weight is
    ///   negative or not finite.
    /// - Complexity: O(V·(V + E)) unweighted, O(V·(V + E) log V) weighted, split across
    ///   `threads` (each node's value is computed by one thread, so results do not depend on
    ///   the thread count); memory O(V) per thread.
    public func closeness(
        weighted: Bool = false, wfImproved: Bool = true, threads: Int? = nil,
        progress: CentralityProgress? = nil
    ) throws(CentralityError) -> [Double] {
        let sums = try incomingDistanceSums(weighted: weighted, threads: threads, progress: progress)
        let n = nodeCount
        return (0..<n).map { u in
            let total = sums.total[u]
            let others = Double(sums.reached[u] - 1)
            guard total > 0 && n > 1 else { return 0 }
            var c = others / total
            if wfImproved { c *= others / Double(n - 1) }
            return c
        }
    }

    /// Harmonic centrality, with NetworkX's conventions (`harmonic_centrality`):
    /// `H(u) = Σ 1/d(v, u)` over nodes `v` that reach `u` at a distance `d > 0` (distances
    /// are incoming for a directed graph; unreachable nodes add 0; zero-length distances
    /// are skipped).
    ///
    /// ```swift
    /// let h = try graph.harmonicCentrality(weighted: true)
    /// ```
    /// - Throws: ``CentralityError/invalidWeight(edge:weight:)`` when weighted and a weight is
    ///   negative or not finite.
    /// - Complexity: as ``closeness(weighted:wfImproved:threads:progress:)``.
    public func harmonicCentrality(
        weighted: Bool = false, threads: Int? = nil, progress: CentralityProgress? = nil
    ) throws(CentralityError) -> [Double] {
        try incomingDistanceSums(weighted: weighted, threads: threads, progress: progress).harmonic
    }

    /// For every node `u`: how many nodes reach it, the sum of their distances to it and the
    /// sum of their inverse distances. One search per node over the reversed graph.
    private func incomingDistanceSums(
        weighted: Bool, threads: Int?, progress: CentralityProgress?
    ) throws(CentralityError) -> (reached: [Int], total: [Double], harmonic: [Double]) {
        if weighted { try CentralitySupport.validateWeights(self) }
        let n = nodeCount
        var reached = [Int](repeating: 0, count: n)
        var total = [Double](repeating: 0, count: n)
        var harmonic = [Double](repeating: 0, count: n)
        if n == 0 { return (reached, total, harmonic) }
        let useWeights = weighted && !CentralitySupport.allWeightsOne(self)
        let blockSize = max(1, min(1024, n / 64))
        let blockCount = (n + blockSize - 1) / blockSize
        let workers = Parallel.workers(requested: threads, units: blockCount)
        let spaces = (0..<workers).map { _ in DistanceWorkspace(nodes: n, weighted: useWeights) }
        var throttle = ProgressThrottle(progress, total: n)
        withCSRView { csr in
            // In bounds: every block's nodes are < n == reached.count == total.count ==
            // harmonic.count, and each node belongs to one block, written by one unit.
            reached.withUnsafeMutableBufferPointer { rp in
                total.withUnsafeMutableBufferPointer { tp in
                    harmonic.withUnsafeMutableBufferPointer { hp in
                        var wave = 0
                        while wave * workers < blockCount {
                            let first = wave * workers
                            let units = min(workers, blockCount - first)
                            Parallel.forEachUnit(units: units, workers: workers) { unit in
                                let space = spaces[unit]
                                let block = first + unit
                                for u in (block * blockSize)..<min(n, (block + 1) * blockSize) {
                                    let r = useWeights ? space.dijkstraInto(u, csr) : space.bfsInto(u, csr)
                                    rp[u] = r.reached
                                    tp[u] = r.total
                                    hp[u] = r.harmonic
                                }
                            }
                            wave += 1
                            throttle.report(min(n, (first + units) * blockSize))
                        }
                    }
                }
            }
        }
        return (reached, total, harmonic)
    }
}

/// Per-thread arrays for single-target distance searches over the reversed graph (in-edges
/// of a directed graph, all edges of an undirected one), reused for every node.
///
/// In bounds: every array holds `nodes` entries (at least one) and is indexed only by node ids,
/// which `Graph`'s CSR invariants keep in `0..<nodes` (asserted by `Graph.checkInvariants` in
/// debug builds); `order` receives each reached node once per search.
final class DistanceWorkspace {
    let hops: UnsafeMutablePointer<Int32>
    let queue: IndexedMinHeap
    let dist: UnsafeMutablePointer<Double>  // queue.keys
    let done: UnsafeMutablePointer<Bool>
    let order: UnsafeMutablePointer<Int32>

    init(nodes: Int, weighted: Bool) {
        let nb = weighted ? 0 : nodes
        let nw = weighted ? nodes : 0
        hops = .allocate(capacity: max(1, nb))
        hops.initialize(repeating: -1, count: nb)
        queue = IndexedMinHeap(capacity: nw)
        dist = queue.keys
        done = .allocate(capacity: max(1, nw))
        done.initialize(repeating: false, count: nw)
        order = .allocate(capacity: max(1, nodes))
    }

    deinit {
        hops.deallocate()
        queue.deallocate()
        done.deallocate()
        order.deallocate()
    }

    /// BFS from `target` against the edge direction.
    func bfsInto(_ target: Int, _ g: CSRView) -> (reached: Int, total: Double, harmonic: Double) {
        let inOff = g.inOffsets, inSrc = g.inSources
        let outOff = g.outOffsets, outTgt = g.outTargets
        hops[target] = 0
        order[0] = Int32(target)
        var count = 1
        var head = 0
        var total = 0
        var harmonic = 0.0
        while head < count {
            let v = Int(order[head])
            head += 1
            let d = hops[v]
            if d > 0 {
                total += Int(d)
                harmonic += 1 / Double(d)
            }
            let next = d + 1
            for i in inOff[v]..<inOff[v + 1] {
                let w = Int(inSrc[i])
                if hops[w] < 0 {
                    hops[w] = next
                    order[count] = Int32(w)
                    count += 1
                }
            }
            if g.undirected {
                for e in outOff[v]..<outOff[v + 1] {
                    let w = Int(outTgt[e])
                    if hops[w] < 0 {
                        hops[w] = next
                        order[count] = Int32(w)
                        count += 1
                    }
                }
            }
        }
        for j in 0..<count { hops[Int(order[j])] = -1 }
        return (count, Double(total), harmonic)
    }

    @inline(__always) private func relax(_ w: Int, _ alt: Double, _ queue: inout IndexedMinHeap) {
        if done[w] || !(alt < dist[w]) { return }
        queue.decrease(w, to: alt)
    }

    /// Dijkstra from `target` against the edge direction, weights as lengths.
    func dijkstraInto(_ target: Int, _ g: CSRView) -> (reached: Int, total: Double, harmonic: Double) {
        let inOff = g.inOffsets, inSrc = g.inSources, inEdg = g.inEdges, wts = g.weights
        let outOff = g.outOffsets, outTgt = g.outTargets
        var queue = self.queue  // the handle; its count lives in this search
        queue.decrease(target, to: 0)
        var count = 0
        var total = 0.0
        var harmonic = 0.0
        while !queue.isEmpty {
            let v = queue.popMin()
            done[v] = true
            order[count] = Int32(v)
            count += 1
            let dv = dist[v]
            if dv > 0 {
                total += dv
                harmonic += 1 / dv
            }
            for i in inOff[v]..<inOff[v + 1] {
                relax(Int(inSrc[i]), dv + wts[Int(inEdg[i])], &queue)
            }
            if g.undirected {
                for e in outOff[v]..<outOff[v + 1] {
                    relax(Int(outTgt[e]), dv + wts[e], &queue)
                }
            }
        }
        for j in 0..<count {
            let v = Int(order[j])
            queue.reset(v)
            done[v] = false
        }
        return (count, total, harmonic)
    }
}
