#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Node and edge betweenness, exact or estimated from sampled sources.
public struct BetweennessResult: Sendable, Equatable {
    /// Betweenness of each node (endpoints excluded), scaled as requested.
    public var nodeScores: [Double]
    /// Betweenness of each edge, by edge id; empty unless edges were requested.
    public var edgeScores: [Double]
    /// Whether the scores are normalized (NetworkX's `normalized=True`).
    public var normalized: Bool
    /// Whether the graph was directed.
    public var isDirected: Bool
    /// Number of nodes of the graph.
    public var nodeCount: Int
    /// Number of source nodes whose shortest paths were counted (`nodeCount` when exact).
    public var sampleCount: Int
    /// The seed of the source sample, nil when exact.
    public var seed: UInt64?

    /// Whether every node was a source (the scores are exact).
    public var isExact: Bool { sampleCount >= nodeCount }

    /// Half-width of a simultaneous confidence band for the sampled node scores.
    ///
    /// With probability at least `1 − failureProbability` (over the random choice of sources),
    /// every node's estimate is within the returned value of its exact betweenness, in the
    /// units of ``nodeScores``. It is Hoeffding's inequality with a union bound over the n
    /// nodes: on the normalized scale (sum of dependencies divided by `(n−1)(n−2)`) each
    /// sampled source contributes a term in `[0, n/(n−1)]`, so
    /// `eps = n/(n−1) · sqrt(ln(2n/δ) / (2k))`; Hoeffding's bound also holds for sampling
    /// without replacement, which is what is done. Raw scores scale it by `(n−1)(n−2)`
    /// (halved for an undirected graph). It is 0 for exact results and bounds node scores
    /// only, not ``edgeScores``. It is loose: a worst case, not a typical error.
    /// - Complexity: O(1).
    public func errorBound(failureProbability delta: Double = 0.05) -> Double {
        if isExact || nodeCount < 3 { return 0 }
        let n = Double(nodeCount)
        let k = Double(max(1, sampleCount))
        let eps = n / (n - 1) * (log(2 * n / delta) / (2 * k)).squareRoot()
        if normalized { return eps }
        return eps * (n - 1) * (n - 2) / (isDirected ? 1 : 2)
    }
}

extension Graph {
    /// Exact betweenness centrality by Brandes' algorithm, of nodes and optionally of edges.
    ///
    /// Conventions are NetworkX's (`betweenness_centrality`, `edge_betweenness_centrality`),
    /// endpoints excluded:
    /// - raw node and edge values of an undirected graph are divided by 2;
    /// - normalized node values are multiplied by `1/((n−1)(n−2))` for both directed and
    ///   undirected graphs (for an undirected graph that is `2/((n−1)(n−2))` of the halved raw
    ///   value), and left as they are for n ≤ 2;
    /// - normalized edge values are multiplied by `1/(n(n−1))`.
    ///
    /// Unweighted uses breadth-first search. Weighted (`weighted: true`) takes edge weights as
    /// lengths (finite, ≥ 0) and uses Dijkstra with a binary heap ordered by (distance, node
    /// id). **Ties:** a path length is the sum of its edge weights added in path order, and
    /// `v → w` is on a shortest path exactly when `dist[v] + weight == dist[w]` with
    /// IEEE equality. The back-propagation evaluates the very same sum the search compared,
    /// so the shortest-path counts and the DAG always agree; with zero-weight edges `v` must
    /// also have been settled before `w`. Equal lengths only tie when their floating sums
    /// are equal (dyadic weights such as 0.5 + 1.5 = 2 tie exactly; 0.1 + 0.2 ≠ 0.3).
    ///
    /// Parallel edges are distinct edges (each carries its own shortest paths); an undirected
    /// self-loop never lies on a shortest path. Results do not depend on edge insertion order
    /// beyond floating rounding, and are bit-identical for any `threads`: sources are split
    /// into fixed blocks, each block accumulates into its own array and blocks are merged in
    /// order.
    ///
    /// ```swift
    /// let bc = try graph.betweenness(normalized: true)
    /// let withEdges = try graph.betweenness(weighted: true, includeEdges: true)
    /// ```
    /// - Parameters:
    ///   - weighted: use edge weights as lengths (Dijkstra) instead of hop counts (BFS).
    ///   - normalized: apply NetworkX's normalization (see above).
    ///   - includeEdges: also compute ``BetweennessResult/edgeScores``.
    ///   - threads: worker threads (nil = all processors, 1 = caller's thread).
    ///   - progress: called with (sources done, sources total), throttled.
    /// - Throws: ``CentralityError/invalidWeight(edge:weight:)`` when weighted and a weight is
    ///   negative or not finite.
    /// - Complexity: O(V·E) time unweighted, O(V·(E + V) log V) weighted; memory O(V) per
    ///   thread (plus O(E) per thread with edges); no allocation per source.
    public func betweenness(
        weighted: Bool = false, normalized: Bool = true, includeEdges: Bool = false,
        threads: Int? = nil, progress: CentralityProgress? = nil
    ) throws(CentralityError) -> BetweennessResult {
        if weighted { try CentralitySupport.validateWeights(self) }
        let sources = (0..<Int32(nodeCount)).map { $0 }
        return brandes(
            sources: sources, seed: nil, weighted: weighted, normalized: normalized,
            includeEdges: includeEdges, threads: threads, progress: progress)
    }

    /// Betweenness estimated from `sampleCount` source nodes chosen at random (Brandes &
    /// Pich), scaled by `n / sampleCount`, which makes the estimate unbiased.
    ///
    /// Sources are drawn without replacement by a partial Fisher–Yates shuffle driven by
    /// ``SplitMix64`` seeded with `seed`, then processed in increasing id order, so a seed
    /// reproduces the result exactly, for any thread count. With `sampleCount == nodeCount`
    /// the result equals ``betweenness(weighted:normalized:includeEdges:threads:progress:)``.
    /// Conventions are as there. ``BetweennessResult/errorBound(failureProbability:)`` gives
    /// a Hoeffding confidence band for the node scores.
    ///
    /// Note: NetworkX 3.6 rescales sampled node betweenness slightly differently (by
    /// `(n−1)/k`, or `(n−1)/(k−1)` for sampled nodes); this uses the classic `n/k`.
    ///
    /// ```swift
    /// let estimate = try graph.approximateBetweenness(sampleCount: 100, seed: 42)
    /// let band = estimate.errorBound(failureProbability: 0.05)
    /// ```
    /// - Throws: ``CentralityError/invalidParameter(_:)`` unless
    ///   `1 ≤ sampleCount ≤ nodeCount` (0 is allowed for an empty graph), or an invalid weight.
    /// - Complexity: O(k·E) unweighted, O(k·(E + V) log V) weighted, plus O(V) to sample.
    public func approximateBetweenness(
        sampleCount: Int, seed: UInt64 = 0, weighted: Bool = false, normalized: Bool = true,
        includeEdges: Bool = false, threads: Int? = nil, progress: CentralityProgress? = nil
    ) throws(CentralityError) -> BetweennessResult {
        guard sampleCount >= (nodeCount > 0 ? 1 : 0) && sampleCount <= nodeCount else {
            throw .invalidParameter("sampleCount \(sampleCount) is not in 1...\(nodeCount)")
        }
        if weighted { try CentralitySupport.validateWeights(self) }
        var rng = SplitMix64(seed: seed)
        var pool = (0..<Int32(nodeCount)).map { $0 }
        for i in 0..<sampleCount {
            let j = i + Int(rng.below(UInt64(nodeCount - i)))
            pool.swapAt(i, j)
        }
        let sources = pool[0..<sampleCount].sorted()
        return brandes(
            sources: sources, seed: seed, weighted: weighted, normalized: normalized,
            includeEdges: includeEdges, threads: threads, progress: progress)
    }

    /// Betweenness accumulated from the given source nodes only: the sum over `s` in
    /// `sources` of Brandes' dependencies, scaled by `n / sources.count` (so a random source
    /// set gives an unbiased estimate, as in ``approximateBetweenness(sampleCount:seed:weighted:normalized:includeEdges:threads:progress:)``).
    /// With `scaled: false` the raw sum is returned (NetworkX's `betweenness_centrality_subset`
    /// over all targets, unnormalized, for directed graphs).
    ///
    /// Duplicate and out-of-range sources are dropped.
    /// - Complexity: O(k·E) unweighted, O(k·(E + V) log V) weighted.
    public func betweenness(
        sources: [Int32], weighted: Bool = false, normalized: Bool = true, scaled: Bool = true,
        includeEdges: Bool = false, threads: Int? = nil, progress: CentralityProgress? = nil
    ) throws(CentralityError) -> BetweennessResult {
        if weighted { try CentralitySupport.validateWeights(self) }
        let chosen = Array(Set(sources.filter { $0 >= 0 && Int($0) < nodeCount })).sorted()
        return brandes(
            sources: chosen, seed: nil, weighted: weighted, normalized: normalized,
            includeEdges: includeEdges, threads: threads, progress: progress, sampleScaled: scaled)
    }

    /// Shared driver: accumulates dependencies from `sources` (sorted), then rescales.
    private func brandes(
        sources: [Int32], seed: UInt64?, weighted: Bool, normalized: Bool, includeEdges: Bool,
        threads: Int?, progress: CentralityProgress?, sampleScaled: Bool = true
    ) -> BetweennessResult {
        let n = nodeCount
        let m = edgeCount
        let k = sources.count
        var nodeTotal = [Double](repeating: 0, count: n)
        var edgeTotal = [Double](repeating: 0, count: includeEdges ? m : 0)
        var throttle = ProgressThrottle(progress, total: k)

        if k > 0 {
            // Fixed blocks of sources (depend only on k), processed in waves of `workers`
            // blocks; each block sums into its own buffers, merged in block order.
            let blockSize = max(1, min(64, k / 32))
            let blockCount = (k + blockSize - 1) / blockSize
            let workers = Parallel.workers(requested: threads, units: blockCount)
            // All-1 weights give the same paths as hops: use the faster BFS.
            let useWeights = weighted && !CentralitySupport.allWeightsOne(self)
            let spaces = (0..<workers).map { _ in
                BrandesWorkspace(nodes: n, edges: includeEdges ? m : 0, weighted: useWeights)
            }
            withCSRView { csr in
                var wave = 0
                while wave * workers < blockCount {
                    let first = wave * workers
                    let units = min(workers, blockCount - first)
                    Parallel.forEachUnit(units: units, workers: workers) { unit in
                        let space = spaces[unit]
                        space.clearAccumulators()
                        let block = first + unit
                        for i in (block * blockSize)..<min(k, (block + 1) * blockSize) {
                            if useWeights {
                                space.dijkstraSource(sources[i], csr)
                            } else {
                                space.bfsSource(sources[i], csr)
                            }
                        }
                    }
                    for unit in 0..<units {
                        spaces[unit].addAccumulators(into: &nodeTotal, &edgeTotal)
                    }
                    wave += 1
                    throttle.report(min(k, (first + units) * blockSize))
                }
            }
        }

        // Rescale as NetworkX does, then by n/k for a sample.
        let sampleScale = k > 0 && sampleScaled ? Double(n) / Double(k) : 1
        var nodeScale = 1.0
        var edgeScale = 1.0
        if normalized {
            if n > 2 { nodeScale = 1 / (Double(n - 1) * Double(n - 2)) }
            if n > 1 { edgeScale = 1 / (Double(n) * Double(n - 1)) }
        } else if !isDirected {
            if n > 2 { nodeScale = 0.5 }
            if n > 1 { edgeScale = 0.5 }
        }
        nodeScale *= sampleScale
        edgeScale *= sampleScale
        if nodeScale != 1 { for v in 0..<n { nodeTotal[v] *= nodeScale } }
        if edgeScale != 1 { for e in 0..<edgeTotal.count { edgeTotal[e] *= edgeScale } }
        return BetweennessResult(
            nodeScores: nodeTotal, edgeScores: edgeTotal, normalized: normalized,
            isDirected: isDirected, nodeCount: n, sampleCount: k, seed: seed)
    }
}

/// Per-thread arrays for Brandes' algorithm, allocated once and reused for every source.
///
/// In bounds: the per-node arrays hold `n` entries (at least one) and are indexed only by node
/// ids of the graph the workspace was made for, which `Graph`'s CSR invariants keep in
/// `0..<n`; `edgeAcc` holds `m` entries indexed by edge ids in `0..<m`; `order` receives each
/// reached node once per source, so at most `n` entries. `Graph.checkInvariants` asserts the
/// id ranges in debug builds.
///
/// Between sources every per-node array is back in its initial state (only the nodes a
/// search reached are reset), so one source costs O(reached nodes + their edges).
final class BrandesWorkspace {
    let n: Int
    let m: Int
    let hops: UnsafeMutablePointer<Int32>  // BFS distance, -1 = unreached
    let queue: IndexedMinHeap  // Dijkstra queue; its keys are the distances
    let dist: UnsafeMutablePointer<Double>  // queue.keys: distance, +inf = unreached
    let settled: UnsafeMutablePointer<Int32>  // Dijkstra settle index, -1 = not settled
    let sigma: UnsafeMutablePointer<Double>  // number of shortest paths
    let coef: UnsafeMutablePointer<Double>  // (1 + delta[w]) / sigma[w]
    let order: UnsafeMutablePointer<Int32>  // nodes in non-decreasing distance
    let nodeAcc: UnsafeMutablePointer<Double>
    let edgeAcc: UnsafeMutablePointer<Double>

    init(nodes: Int, edges: Int, weighted: Bool) {
        n = nodes
        m = edges
        let nw = weighted ? nodes : 0
        let nb = weighted ? 0 : nodes
        hops = .allocate(capacity: max(1, nb))
        hops.initialize(repeating: -1, count: nb)
        queue = IndexedMinHeap(capacity: nw)
        dist = queue.keys
        settled = .allocate(capacity: max(1, nw))
        settled.initialize(repeating: -1, count: nw)
        sigma = .allocate(capacity: max(1, nodes))
        sigma.initialize(repeating: 0, count: nodes)
        coef = .allocate(capacity: max(1, nodes))
        coef.initialize(repeating: 0, count: nodes)
        order = .allocate(capacity: max(1, nodes))
        nodeAcc = .allocate(capacity: max(1, nodes))
        nodeAcc.initialize(repeating: 0, count: nodes)
        edgeAcc = .allocate(capacity: max(1, edges))
        edgeAcc.initialize(repeating: 0, count: edges)
    }

    deinit {
        for p in [hops, settled, order] { p.deallocate() }
        for p in [sigma, coef, nodeAcc, edgeAcc] { p.deallocate() }
        queue.deallocate()
    }

    func clearAccumulators() {
        nodeAcc.update(repeating: 0, count: n)
        if m > 0 { edgeAcc.update(repeating: 0, count: m) }
    }

    func addAccumulators(into nodes: inout [Double], _ edges: inout [Double]) {
        nodes.withUnsafeMutableBufferPointer { t in
            for v in 0..<n { t[v] += nodeAcc[v] }
        }
        if m > 0 {
            edges.withUnsafeMutableBufferPointer { t in
                for e in 0..<m { t[e] += edgeAcc[e] }
            }
        }
    }

    /// One source of unweighted Brandes: BFS counting shortest paths, then dependencies
    /// pulled from successors in reverse BFS order.
    func bfsSource(_ s: Int32, _ g: CSRView) {
        let outOff = g.outOffsets, outTgt = g.outTargets
        let inOff = g.inOffsets, inSrc = g.inSources, inEdg = g.inEdges
        let undirected = g.undirected
        let edges = m > 0
        hops[Int(s)] = 0
        sigma[Int(s)] = 1
        order[0] = s
        var count = 1
        var head = 0
        while head < count {
            let v = Int(order[head])
            head += 1
            let next = hops[v] + 1
            let sv = sigma[v]
            for e in outOff[v]..<outOff[v + 1] {
                let w = Int(outTgt[e])
                let hw = hops[w]
                if hw < 0 {
                    hops[w] = next
                    sigma[w] = sv
                    order[count] = Int32(w)
                    count += 1
                } else if hw == next {
                    sigma[w] += sv
                }
            }
            if undirected {
                for i in inOff[v]..<inOff[v + 1] {
                    let w = Int(inSrc[i])
                    let hw = hops[w]
                    if hw < 0 {
                        hops[w] = next
                        sigma[w] = sv
                        order[count] = Int32(w)
                        count += 1
                    } else if hw == next {
                        sigma[w] += sv
                    }
                }
            }
        }
        var i = count - 1
        while i >= 0 {
            let v = Int(order[i])
            let next = hops[v] + 1
            let sv = sigma[v]
            var delta = 0.0
            for e in outOff[v]..<outOff[v + 1] {
                let w = Int(outTgt[e])
                if hops[w] == next {
                    let c = sv * coef[w]
                    if edges { edgeAcc[e] += c }
                    delta += c
                }
            }
            if undirected {
                for j in inOff[v]..<inOff[v + 1] {
                    let w = Int(inSrc[j])
                    if hops[w] == next {
                        let c = sv * coef[w]
                        if edges { edgeAcc[Int(inEdg[j])] += c }
                        delta += c
                    }
                }
            }
            if v != Int(s) { nodeAcc[v] += delta }
            coef[v] = (1 + delta) / sv
            i -= 1
        }
        for j in 0..<count { hops[Int(order[j])] = -1 }
    }

    // MARK: Dijkstra

    /// Relaxes `v → w` with length `length` while settling `v`.
    @inline(__always) private func relax(
        _ w: Int, _ dv: Double, _ sv: Double, _ length: Double, _ queue: inout IndexedMinHeap
    ) {
        if settled[w] >= 0 { return }
        let alt = dv + length
        let dw = dist[w]
        if alt < dw {
            sigma[w] = sv
            queue.decrease(w, to: alt)
        } else if alt == dw {
            sigma[w] += sv
        }
    }

    /// One source of weighted Brandes: Dijkstra counting shortest paths, then dependencies
    /// pulled from successors in reverse settle order.
    func dijkstraSource(_ s: Int32, _ g: CSRView) {
        let outOff = g.outOffsets, outTgt = g.outTargets, wts = g.weights
        let inOff = g.inOffsets, inSrc = g.inSources, inEdg = g.inEdges
        let undirected = g.undirected
        let edges = m > 0
        var queue = self.queue  // the handle; its count lives in this search
        sigma[Int(s)] = 1
        queue.decrease(Int(s), to: 0)
        var count = 0
        while !queue.isEmpty {
            let v = queue.popMin()
            settled[v] = Int32(count)
            order[count] = Int32(v)
            count += 1
            let dv = dist[v]
            let sv = sigma[v]
            for e in outOff[v]..<outOff[v + 1] {
                relax(Int(outTgt[e]), dv, sv, wts[e], &queue)
            }
            if undirected {
                for i in inOff[v]..<inOff[v + 1] {
                    relax(Int(inSrc[i]), dv, sv, wts[Int(inEdg[i])], &queue)
                }
            }
        }
        var i = count - 1
        while i >= 0 {
            let v = Int(order[i])
            let dv = dist[v]
            let sv = sigma[v]
            let rank = settled[v]
            var delta = 0.0
            for e in outOff[v]..<outOff[v + 1] {
                let w = Int(outTgt[e])
                if settled[w] > rank && dv + wts[e] == dist[w] {
                    let c = sv * coef[w]
                    if edges { edgeAcc[e] += c }
                    delta += c
                }
            }
            if undirected {
                for j in inOff[v]..<inOff[v + 1] {
                    let w = Int(inSrc[j])
                    let e = Int(inEdg[j])
                    if settled[w] > rank && dv + wts[e] == dist[w] {
                        let c = sv * coef[w]
                        if edges { edgeAcc[e] += c }
                        delta += c
                    }
                }
            }
            if v != Int(s) { nodeAcc[v] += delta }
            coef[v] = (1 + delta) / sv
            i -= 1
        }
        for j in 0..<count {
            let v = Int(order[j])
            queue.reset(v)
            settled[v] = -1
        }
    }
}
