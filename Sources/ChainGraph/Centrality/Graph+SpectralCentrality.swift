/// Hub and authority scores from HITS.
public struct HITSResult: Sendable, Equatable {
    /// Hub score of each node (sum 1).
    public var hubs: [Double]
    /// Authority score of each node (sum 1).
    public var authorities: [Double]
    /// Iterations performed.
    public var iterations: Int
    /// L1 change of the hub vector in the last iteration.
    public var delta: Double
    /// Whether `delta` fell below the tolerance within the iteration limit.
    public var converged: Bool
}

extension Graph {
    /// Eigenvector centrality by power iteration, with NetworkX's semantics
    /// (`eigenvector_centrality`).
    ///
    /// Iterates `x ← (A + I)ᵀ x` normalized to unit L2 norm, from the uniform vector; for a
    /// directed graph this is the *left* eigenvector (a node is central when central nodes
    /// point to it: in-edges). Adding `I` (as NetworkX does) avoids oscillation on bipartite
    /// graphs without changing the eigenvector. Stops after the first iteration whose L1
    /// change between successive normalized vectors is `< tolerance` (NetworkX compares with
    /// `n · tol`). The result is unique for a connected undirected / strongly connected
    /// directed graph; otherwise it is whatever the iteration converges to.
    ///
    /// Undirected: each edge both ways, self-loop once. `weighted` multiplies by edge
    /// weights (must be finite and ≥ 0); NetworkX's default is unweighted.
    ///
    /// ```swift
    /// let ev = try graph.eigenvectorCentrality()
    /// ```
    /// - Complexity: O(V + E) per iteration; memory O(V) (plus the undirected adjacency).
    public func eigenvectorCentrality(
        weighted: Bool = false, tolerance: Double = 1e-10, maxIterations: Int = 1000,
        progress: CentralityProgress? = nil
    ) throws(CentralityError) -> IterativeCentrality {
        if weighted { try CentralitySupport.validateWeights(self) }
        guard maxIterations >= 0 else { throw .invalidParameter("maxIterations is negative") }
        let n = nodeCount
        if n == 0 { return IterativeCentrality(scores: [], iterations: 0, delta: 0, converged: true) }
        let pull = PullAdjacency(self, .incoming, weighted: weighted)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var y = [Double](repeating: 0, count: n)
        var throttle = ProgressThrottle(progress, total: maxIterations)
        var iterations = 0
        var delta = 0.0
        var converged = false
        while iterations < maxIterations {
            pull.multiply(x, into: &y)
            var norm = 0.0
            for v in 0..<n {
                y[v] += x[v]
                norm += y[v] * y[v]
            }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            delta = 0
            for v in 0..<n {
                y[v] /= norm
                delta += abs(y[v] - x[v])
            }
            swap(&x, &y)
            iterations += 1
            throttle.report(iterations)
            if delta < tolerance {
                converged = true
                break
            }
        }
        return IterativeCentrality(scores: x, iterations: iterations, delta: delta, converged: converged)
    }

    /// Katz centrality by fixed-point iteration, with NetworkX's semantics
    /// (`katz_centrality`): `x ← α Aᵀ x + β`, from `x = 0`.
    ///
    /// A node's score is β plus α times the scores of the nodes pointing to it (in-edges for
    /// a directed graph; every edge both ways, self-loop once, for an undirected one). It
    /// converges when `α < 1/λ_max` (λ_max the largest eigenvalue modulus of A); otherwise
    /// `converged` is false. Stops after the first iteration whose L1 change is
    /// `< tolerance` (NetworkX compares with `n · tol`). With `normalized` the result is
    /// divided by its L2 norm (signed so the sum is positive), as NetworkX does.
    ///
    /// ```swift
    /// let k = try graph.katzCentrality(alpha: 0.05)
    /// ```
    /// - Throws: ``CentralityError/invalidParameter(_:)`` for non-finite α or β, or an
    ///   invalid weight when weighted.
    /// - Complexity: O(V + E) per iteration; memory O(V).
    public func katzCentrality(
        alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, weighted: Bool = false,
        tolerance: Double = 1e-10, maxIterations: Int = 1000, progress: CentralityProgress? = nil
    ) throws(CentralityError) -> IterativeCentrality {
        guard alpha.isFinite && beta.isFinite else {
            throw .invalidParameter("alpha \(alpha) and beta \(beta) must be finite")
        }
        guard maxIterations >= 0 else { throw .invalidParameter("maxIterations is negative") }
        if weighted { try CentralitySupport.validateWeights(self) }
        let n = nodeCount
        if n == 0 { return IterativeCentrality(scores: [], iterations: 0, delta: 0, converged: true) }
        let pull = PullAdjacency(self, .incoming, weighted: weighted)
        var x = [Double](repeating: 0, count: n)
        var y = [Double](repeating: 0, count: n)
        var throttle = ProgressThrottle(progress, total: maxIterations)
        var iterations = 0
        var delta = 0.0
        var converged = false
        while iterations < maxIterations {
            pull.multiply(x, into: &y)
            delta = 0
            for v in 0..<n {
                y[v] = alpha * y[v] + beta
                delta += abs(y[v] - x[v])
            }
            swap(&x, &y)
            iterations += 1
            throttle.report(iterations)
            if delta < tolerance {
                converged = true
                break
            }
            if !delta.isFinite { break }
        }
        if normalized {
            var norm = 0.0
            var sum = 0.0
            for v in x {
                norm += v * v
                sum += v
            }
            norm = norm.squareRoot()
            if sum < 0 { norm = -norm }
            if norm != 0 && norm.isFinite { for v in 0..<n { x[v] /= norm } }
        }
        return IterativeCentrality(scores: x, iterations: iterations, delta: delta, converged: converged)
    }

    /// HITS hubs and authorities by power iteration, normalized to sum 1 like NetworkX's
    /// `hits`.
    ///
    /// Each iteration computes authorities `a = Aᵀ h` (a node is a good authority when good
    /// hubs point to it), normalized to sum 1, then hubs `h = A a`, normalized to sum 1, from
    /// the uniform `h`. Stops after the first iteration whose L1 change of `h` is
    /// `< tolerance`. At convergence `a` and `h` are the principal right and left singular
    /// vectors of A (NetworkX computes them with an SVD). The answer is only unique when the
    /// largest singular value is simple (e.g. not for a disconnected graph with two equal
    /// components). NetworkX uses edge weights by default, and so does this (`weighted`,
    /// weights finite and ≥ 0). In an undirected graph hubs equal authorities. A graph without
    /// edges gets all-zero scores.
    ///
    /// ```swift
    /// let h = try graph.hits()
    /// print(h.hubs, h.authorities)
    /// ```
    /// - Complexity: O(V + E) per iteration; memory O(V).
    public func hits(
        weighted: Bool = true, tolerance: Double = 1e-10, maxIterations: Int = 1000,
        progress: CentralityProgress? = nil
    ) throws(CentralityError) -> HITSResult {
        if weighted { try CentralitySupport.validateWeights(self) }
        guard maxIterations >= 0 else { throw .invalidParameter("maxIterations is negative") }
        let n = nodeCount
        if n == 0 { return HITSResult(hubs: [], authorities: [], iterations: 0, delta: 0, converged: true) }
        let into = PullAdjacency(self, .incoming, weighted: weighted)
        let from = isDirected ? PullAdjacency(self, .outgoing, weighted: weighted) : into
        var h = [Double](repeating: 1 / Double(n), count: n)
        var a = [Double](repeating: 0, count: n)
        var hNew = [Double](repeating: 0, count: n)
        var throttle = ProgressThrottle(progress, total: maxIterations)
        var iterations = 0
        var delta = 0.0
        var converged = false
        func normalize(_ v: inout [Double]) {
            let s = v.reduce(0, +)
            if s > 0 { for i in 0..<v.count { v[i] /= s } }
        }
        while iterations < maxIterations {
            into.multiply(h, into: &a)
            normalize(&a)
            from.multiply(a, into: &hNew)
            normalize(&hNew)
            delta = 0
            for v in 0..<n { delta += abs(hNew[v] - h[v]) }
            swap(&h, &hNew)
            iterations += 1
            throttle.report(iterations)
            if delta < tolerance {
                converged = true
                break
            }
        }
        return HITSResult(hubs: h, authorities: a, iterations: iterations, delta: delta, converged: converged)
    }
}
