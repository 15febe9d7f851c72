/// The outcome of an iterative centrality computation (PageRank, eigenvector, Katz).
public struct IterativeCentrality: Sendable, Equatable {
    /// One score per node.
    public var scores: [Double]
    /// Iterations performed.
    public var iterations: Int
    /// L1 norm of the change made by the last iteration (`Σ |x_new − x_old|`).
    public var delta: Double
    /// Whether `delta` fell below the tolerance within the iteration limit.
    public var converged: Bool

    public init(scores: [Double], iterations: Int, delta: Double, converged: Bool) {
        self.scores = scores
        self.iterations = iterations
        self.delta = delta
        self.converged = converged
    }
}

extension Graph {
    /// PageRank by power iteration, weighted by edge weight, with optional personalization.
    ///
    /// Each iteration computes, for every node `v`,
    /// `x'[v] = d · (Σ_{u→v} x[u] · w(u,v) / S(u)) + (d · D + 1 − d) · p[v]`, where `S(u)`
    /// is the out-strength of `u` (sum of out-edge weights; 1/S(u) is computed once), `D` the
    /// total score of dangling nodes (S = 0), `d` the damping factor and `p` the
    /// personalization vector normalized to sum 1 (uniform `1/n` when nil). Dangling mass goes
    /// to `p` (uniformly when there is no personalization), as NetworkX does by default.
    /// Iteration starts from the uniform vector `1/n`.
    ///
    /// **Convergence.** It stops after the first iteration whose L1 change
    /// `Σ_v |x'[v] − x[v]|` is `< tolerance`, or after `maxIterations`. Because the iteration
    /// is a contraction with factor `d` in L1, the returned scores are then within
    /// `d / (1 − d) · delta` (≈ 5.7 · delta for d = 0.85) of the exact PageRank in L1.
    /// Note NetworkX's `tol` is multiplied by n; here it is not.
    ///
    /// An undirected graph counts every edge both ways (a self-loop once). Parallel edges add
    /// their weights. Unweighted (`weighted: false`) counts every edge as 1.
    ///
    /// **Threads.** Pull-based: each node sums over its in-edges in edge order (unweighted:
    /// into four interleaved running sums, added pairwise at the end), so each score
    /// is computed identically whatever the thread count; sums over all nodes (the change and
    /// the dangling mass) are added per fixed node range, then over ranges in order. Results
    /// are therefore bit-identical for any `threads` (nil = all processors; 1 = the caller's
    /// thread only).
    ///
    /// ```swift
    /// let pr = try graph.pageRank()
    /// if pr.converged { print(pr.scores[0], pr.iterations) }
    /// ```
    /// - Parameters:
    ///   - damping: the probability `d` of following a link, in `[0, 1]`; default 0.85.
    ///   - personalization: nil, or one non-negative finite value per node, not all zero.
    ///   - weighted: whether edge weights (must be finite and ≥ 0) scale the links.
    ///   - tolerance: stop when the L1 change is below this; default 1e-10.
    ///   - maxIterations: iteration limit; default 1000.
    ///   - threads: worker threads (nil = all processors).
    ///   - contributions: how the gathered values `x[u] / S(u)` are stored: `.double`
    ///     (default, accurate to rounding) or `.float` (half the bytes per random access,
    ///     about 1e-7 relative error per score; see ``PageRankContributions``).
    ///   - progress: called with (iterations done, maxIterations), throttled.
    /// - Returns: the scores (sum 1 up to rounding), iterations done, final L1 change and
    ///   whether it converged.
    /// - Throws: ``CentralityError`` for a bad damping, personalization or weight.
    /// - Complexity: O(V + E) setup and O(V + E) per iteration, split across threads;
    ///   memory 4 · V doubles, or 2 · V doubles and 2 · V floats with `.float` contributions
    ///   (plus E doubles for the in-edge weights of a weighted graph, and the undirected
    ///   adjacency for an undirected graph).
    public func pageRank(
        damping: Double = 0.85, personalization: [Double]? = nil, weighted: Bool = true,
        tolerance: Double = 1e-10, maxIterations: Int = 1000, threads: Int? = nil,
        contributions: PageRankContributions = .double, progress: CentralityProgress? = nil
    ) throws(CentralityError) -> IterativeCentrality {
        guard damping >= 0 && damping <= 1 else {
            throw .invalidParameter("damping \(damping) is not in [0, 1]")
        }
        guard maxIterations >= 0 else { throw .invalidParameter("maxIterations is negative") }
        let n = nodeCount
        var p: [Double]? = nil
        if let personalization {
            guard personalization.count == n else {
                throw .invalidPersonalization("\(personalization.count) values for \(n) nodes")
            }
            var sum = 0.0
            for x in personalization {
                guard x >= 0 && x.isFinite else { throw .invalidPersonalization("value \(x)") }
                sum += x
            }
            guard sum > 0 else { throw .invalidPersonalization("values sum to 0") }
            p = personalization.map { $0 / sum }
        }
        if weighted { try CentralitySupport.validateWeights(self) }
        if n == 0 { return IterativeCentrality(scores: [], iterations: 0, delta: 0, converged: true) }

        let pull = PullAdjacency(self, .incoming, weighted: weighted)
        // Out-strength of each node, then its inverse (0 marks a dangling node).
        var invOut = [Double](repeating: 0, count: n)
        if isDirected {
            if pull.weights == nil {
                for v in 0..<n { invOut[v] = Double(outOffsets[v + 1] - outOffsets[v]) }
            } else {
                for v in 0..<n {
                    var s = 0.0
                    for e in outOffsets[v]..<outOffsets[v + 1] { s += weights[e] }
                    invOut[v] = s
                }
            }
        } else {
            // Undirected: the pull lists are symmetric, so the strength is the own list.
            for v in 0..<n {
                var s = 0.0
                if let w = pull.weights {
                    for i in pull.offsets[v]..<pull.offsets[v + 1] { s += w[i] }
                } else {
                    s = Double(pull.offsets[v + 1] - pull.offsets[v])
                }
                invOut[v] = s
            }
        }
        // 1 / S(u), or 0 for a dangling node (S = 0): that 0 is also the dangling test.
        for v in 0..<n { invOut[v] = invOut[v] > 0 ? 1 / invOut[v] : 0 }

        let ranges = CentralitySupport.balancedRanges(
            offsets: pull.offsets, parts: max(1, min(256, (pull.sources.count + n) / 50_000)))
        let setup = PageRankSetup(
            pull: pull, invOut: invOut, personalization: p, ranges: ranges, damping: damping,
            workers: Parallel.workers(requested: threads, units: ranges.count))
        var throttle = ProgressThrottle(progress, total: maxIterations)
        switch contributions {
        case .double:
            return setup.iterate(Double.self, tolerance: tolerance, maxIterations: maxIterations, throttle: &throttle)
        case .float:
            return setup.iterate(Float.self, tolerance: tolerance, maxIterations: maxIterations, throttle: &throttle)
        }
    }
}

/// How PageRank stores the contribution `x[u] / S(u)` of each node, the value its power
/// iteration gathers once per in-edge (a random access into an array of one value per node).
public enum PageRankContributions: Sendable, Hashable, CaseIterable {
    /// 8-byte `Double`: scores accurate to rounding (about 1e-16 relative per step), so the
    /// iteration converges to any tolerance. The default.
    case double
    /// 4-byte `Float`, still summed and stored as `Double` scores: half the bytes per gathered
    /// value, as GAPBS's `pr_spmv` does, for graphs whose per-node array outgrows the caches.
    /// Each contribution is rounded to 24 bits (relative 6e-8), so the iteration approaches
    /// the fixed point of the rounded map, within about 6e-8 / (1 − d) relative of the exact
    /// scores per node (the tests check 1e-6 against NetworkX; the `.double` path meets 1e-11,
    /// which this cannot). The L1 change need not fall below the rounding's level, so a
    /// `tolerance` near 1e-10 or tighter may run to `maxIterations`. Bit-identical for any
    /// thread count, as `.double`.
    case float
}

/// A contribution's storage type: `Double` or `Float` (``PageRankContributions``).
protocol PageRankContribution: Sendable {
    init(contribution: Double)
    var contributionValue: Double { get }
}

extension Double: PageRankContribution {
    @inline(__always) init(contribution: Double) { self = contribution }
    @inline(__always) var contributionValue: Double { self }
}

extension Float: PageRankContribution {
    @inline(__always) init(contribution: Double) { self = Float(contribution) }
    @inline(__always) var contributionValue: Double { Double(self) }
}

/// What the power iteration needs once the arguments are checked: the pull lists, the
/// inverse out-strengths, the personalization and the node ranges the workers claim.
private struct PageRankSetup {
    let pull: PullAdjacency
    /// 1 / S(u), or 0 for a dangling node.
    let invOut: [Double]
    let personalization: [Double]?
    let ranges: [Range<Int>]
    let damping: Double
    let workers: Int

    /// Runs the power iteration with contributions stored as `C`.
    ///
    /// One pass per iteration over the node ranges: each node gathers `y[u] = x[u] / S(u)`
    /// over its pull list, overwrites its own `x[v]` in place (only `v`'s unit reads or
    /// writes `x[v]`; the gathers read `y` alone) and writes its next contribution to
    /// `yNext`, summing the L1 change and the new dangling mass per range. So there is one
    /// score array and two contribution arrays (a second one is needed because the gathers of
    /// this iteration still read the old `y[v]`), and one barrier per iteration.
    func iterate<C: PageRankContribution>(
        _: C.Type, tolerance: Double, maxIterations: Int, throttle: inout ProgressThrottle
    ) -> IterativeCentrality {
        let n = invOut.count
        let p = personalization
        let uniform = 1 / Double(n)
        let d = damping
        let ranges = ranges
        let pull = pull
        let workers = workers
        let invOut = invOut
        var x = [Double](repeating: uniform, count: n)
        var y = [C](repeating: C(contribution: 0), count: n)  // x[u] / S(u)
        var yNext = [C](repeating: C(contribution: 0), count: n)
        var partialDelta = [Double](repeating: 0, count: ranges.count)
        var partialDangling = [Double](repeating: 0, count: ranges.count)
        var dangling = 0.0
        for v in 0..<n {
            y[v] = C(contribution: x[v] * invOut[v])
            if invOut[v] == 0 { dangling += x[v] }
        }
        var iterations = 0
        var delta = Double.infinity
        var converged = false
        let empty: [Double] = []
        // In bounds: every per-node array has n entries; `ranges` partition 0..<n and there is
        // one partial sum per range; the pull offsets have n + 1 entries ending at the count of
        // its sources (node ids < n) and weights (when present); `p` has n entries when given.
        assert(x.count == n && y.count == n && yNext.count == n && pull.offsets.count == n + 1)
        assert(pull.offsets.last == pull.sources.count && (p?.count ?? n) == n)
        assert(pull.weights.map { $0.count == pull.sources.count } ?? true)
        assert(ranges.count == partialDelta.count && ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= n })
        while iterations < maxIterations {
            let teleport = d * dangling + (1 - d)
            pull.offsets.withUnsafeBufferPointer { off in
                pull.sources.withUnsafeBufferPointer { src in
                    (pull.weights ?? empty).withUnsafeBufferPointer { w in
                        (p ?? empty).withUnsafeBufferPointer { pp in
                            invOut.withUnsafeBufferPointer { inv in
                                y.withUnsafeBufferPointer { yp in
                                    yNext.withUnsafeMutableBufferPointer { yn in
                                        x.withUnsafeMutableBufferPointer { xp in
                                            partialDelta.withUnsafeMutableBufferPointer { pd in
                                                partialDangling.withUnsafeMutableBufferPointer { pg in
                                                    let weightedPull = !w.isEmpty
                                                    let personalized = !pp.isEmpty
                                                    let uniformTeleport = teleport * uniform
                                                    Parallel.forEachUnit(units: ranges.count, workers: workers) {
                                                        unit in
                                                        var localDelta = 0.0
                                                        var localDangling = 0.0
                                                        for v in ranges[unit] {
                                                            var s = 0.0
                                                            let lo = off[v]
                                                            let hi = off[v + 1]
                                                            if weightedPull {
                                                                for i in lo..<hi {
                                                                    s += w[i] * yp[Int(src[i])].contributionValue
                                                                }
                                                            } else {
                                                                // Four running sums, added pairwise at the end: the gathers of
                                                                // a long list overlap instead of waiting on one chain of adds.
                                                                // The order depends on the list alone, so it is the same for
                                                                // any thread count.
                                                                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                                                                var i = lo
                                                                while i &+ 4 <= hi {
                                                                    s0 += yp[Int(src[i])].contributionValue
                                                                    s1 += yp[Int(src[i &+ 1])].contributionValue
                                                                    s2 += yp[Int(src[i &+ 2])].contributionValue
                                                                    s3 += yp[Int(src[i &+ 3])].contributionValue
                                                                    i &+= 4
                                                                }
                                                                while i < hi {
                                                                    s0 += yp[Int(src[i])].contributionValue
                                                                    i &+= 1
                                                                }
                                                                s = (s0 + s1) + (s2 + s3)
                                                            }
                                                            let value =
                                                                d * s
                                                                + (personalized ? teleport * pp[v] : uniformTeleport)
                                                            let scale = inv[v]
                                                            localDelta += abs(value - xp[v])
                                                            if scale == 0 { localDangling += value }
                                                            xp[v] = value
                                                            yn[v] = C(contribution: value * scale)
                                                        }
                                                        pd[unit] = localDelta
                                                        pg[unit] = localDangling
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
            delta = 0
            dangling = 0
            for r in 0..<ranges.count {
                delta += partialDelta[r]
                dangling += partialDangling[r]
            }
            swap(&y, &yNext)
            iterations += 1
            throttle.report(iterations)
            if delta < tolerance {
                converged = true
                break
            }
        }
        if iterations == 0 { delta = 0 }
        return IterativeCentrality(scores: x, iterations: iterations, delta: delta, converged: converged)
    }
}
