import ChainGraph
import ChainModel

/// A centrality measure `chainmap rank` can order nodes by.
public enum CentralityMeasure: String, Sendable, CaseIterable, Encodable {
    /// Number of links, in + out.
    case degree
    /// Number of suppliers (incoming links).
    case inDegree = "in-degree"
    /// Number of buyers (outgoing links).
    case outDegree = "out-degree"
    /// Sum of link values, in + out.
    case strength
    /// PageRank along supply (value flows to buyers): the firms the chain's value converges on.
    case pagerank
    /// Shortest-path betweenness: brokers between stages. Exact, or sampled with `sample`.
    case betweenness
    /// Closeness (NetworkX convention: incoming distances, Wasserman–Faust for disconnected graphs).
    case closeness
    /// Harmonic centrality (incoming distances).
    case harmonic
    /// Eigenvector centrality (in-edges).
    case eigenvector
    /// Katz centrality.
    case katz
    /// HITS hub score: firms that supply many important buyers.
    case hubs
    /// HITS authority score: firms that buy from many important suppliers.
    case authorities
}

/// Options of a ranking; each maps to a documented parameter of the algorithm.
public struct RankingOptions: Sendable {
    public var measure: CentralityMeasure
    /// Use link values as weights (PageRank, strength, HITS) or lengths (betweenness, closeness).
    public var weighted: Bool
    /// Betweenness from this many sampled sources instead of all nodes.
    public var sample: Int?
    /// Seed of the source sample.
    public var seed: UInt64
    /// Betweenness from exactly these source nodes (overrides `sample`).
    public var sources: [Int32]?
    /// Scale sampled betweenness by n/k (unbiased estimate); false gives the raw sum.
    public var scaleSample: Bool
    public var normalized: Bool
    /// PageRank damping factor.
    public var damping: Double
    /// Stop iterative measures when the L1 change falls below this.
    public var tolerance: Double
    public var maxIterations: Int
    /// A sampled betweenness whose error bound is not below the top score (so it orders
    /// nothing) is computed exactly instead on graphs of at most this many nodes (default
    /// 20,000: seconds), and the notes say so; above it, the notes say the ranking is
    /// unreliable and which option to change.
    public var exactBetweennessFallback: Int = 20_000
    /// Worker threads (nil: all cores). Results are identical for any count.
    public var threads: Int?
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(
        measure: CentralityMeasure, weighted: Bool = false, sample: Int? = nil, seed: UInt64 = 0,
        sources: [Int32]? = nil,
        scaleSample: Bool = true, normalized: Bool = true, damping: Double = 0.85, tolerance: Double = 1e-10,
        maxIterations: Int = 1000, threads: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.measure = measure
        self.weighted = weighted
        self.sample = sample
        self.seed = seed
        self.sources = sources
        self.scaleSample = scaleSample
        self.normalized = normalized
        self.damping = damping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.threads = threads
        self.progress = progress
    }
}

/// Nodes ordered by a centrality measure, highest first, ties broken by id; with notes on
/// how the numbers were obtained (iterations and convergence, sample size and error bound).
public struct NodeRanking: Sendable {
    public struct Entry: Sendable, Equatable {
        public var node: Int32
        public var score: Double
        /// 1-based rank; tied scores share the rank of the first of them.
        public var rank: Int
    }

    public var measure: CentralityMeasure
    public var entries: [Entry]
    /// All scores by node (including nodes left out of `entries`).
    public var scores: [Double]
    /// How the numbers were obtained (one message each).
    public var notes: [Message]
    /// For sampled betweenness: the Hoeffding bound on every node's score at 95% confidence.
    public var errorBound: Double?
    /// Whether an iterative measure converged (nil for direct measures).
    public var converged: Bool?
    /// When an iterative measure did not converge: how far it got.
    public var nonConvergence: NonConvergence?

    /// How far an iterative measure got without converging.
    public struct NonConvergence: Sendable, Equatable {
        public var measure: CentralityMeasure
        public var iterations: Int
        /// The last L1 change between iterations.
        public var delta: Double
        public var tolerance: Double
        /// For eigenvector centrality: nodes of the graph and of its largest strongly connected
        /// part. Far below the nodes, the graph has no dominant eigenvector to converge to
        /// (a supply chain is nearly acyclic), so more iterations do not help.
        public var nodes: Int? = nil
        public var largestStrongComponent: Int? = nil
    }

    /// Ranks the nodes of `graph` accepted by `include` by `options.measure`.
    /// - Parameters:
    ///   - graph: the graph to rank (from `ParkGraph` or an edge list).
    ///   - ids: node ids, for breaking ties (lexicographic).
    ///   - options: the measure and its settings.
    ///   - include: which nodes to list (all when nil): e.g. firms but not organizations.
    /// - Throws: `CentralityError` for invalid parameters or weights.
    /// - Complexity: that of the measure (PageRank O(iterations·E), exact betweenness
    ///   O(V·E), sampled O(k·E)), plus O(V log V) to sort.
    public static func rank(
        _ graph: Graph, ids: [String], options: RankingOptions, include: ((Int32) -> Bool)? = nil
    ) throws(CentralityError) -> NodeRanking {
        var notes: [Message] = []
        var bound: Double?
        var converged: Bool?
        var failure: NonConvergence?
        let scores: [Double]
        func iterative(_ r: IterativeCentrality) -> [Double] {
            converged = r.converged
            if r.converged {
                notes.append(
                    Message(
                        "rank.note.converged",
                        [
                            "measure": .message(Message("rank.measure." + options.measure.rawValue)),
                            "iterations": .integer(r.iterations),
                            "delta": .number(r.delta, digits: 15), "tolerance": .number(options.tolerance, digits: 15),
                        ]))
            } else {
                failure = NonConvergence(
                    measure: options.measure, iterations: r.iterations, delta: r.delta, tolerance: options.tolerance)
            }
            return r.scores
        }
        switch options.measure {
        case .degree: scores = graph.degrees(.both).map(Double.init)
        case .inDegree: scores = graph.degrees(.incoming).map(Double.init)
        case .outDegree: scores = graph.degrees(.outgoing).map(Double.init)
        case .strength: scores = graph.strengths(.both)
        case .pagerank:
            scores = iterative(
                try graph.pageRank(
                    damping: options.damping, weighted: options.weighted, tolerance: options.tolerance,
                    maxIterations: options.maxIterations, threads: options.threads, progress: options.progress))
            notes.append(
                Message(
                    options.weighted ? "rank.note.pagerankWeighted" : "rank.note.pagerank",
                    ["damping": .number(options.damping)]))
        case .betweenness:
            let result: BetweennessResult
            if let sources = options.sources {
                result = try graph.betweenness(
                    sources: sources, weighted: options.weighted, normalized: options.normalized,
                    scaled: options.scaleSample,
                    threads: options.threads, progress: options.progress)
                notes.append(
                    Message(
                        options.scaleSample ? "rank.note.betweennessSourcesScaled" : "rank.note.betweennessSourcesRaw",
                        [
                            "sources": .integer(result.sampleCount)
                        ]))
            } else if let k = options.sample, k < graph.nodeCount {
                let sampled = try graph.approximateBetweenness(
                    sampleCount: k, seed: options.seed, weighted: options.weighted, normalized: options.normalized,
                    threads: options.threads, progress: options.progress)
                let eps = sampled.errorBound(failureProbability: 0.05)
                // The bound is absolute; state it against the scores it bounds.
                let top = sampled.nodeScores.max() ?? 0
                if (top <= 0 || eps >= top) && graph.nodeCount <= options.exactBetweennessFallback {
                    // Documented fallback: a bound as wide as the scores orders nothing; on a
                    // graph this small the exact computation is cheap, so it is used instead.
                    result = try graph.betweenness(
                        weighted: options.weighted, normalized: options.normalized, threads: options.threads,
                        progress: options.progress)
                    notes.append(
                        Message(
                            "rank.note.betweennessExactFallback",
                            [
                                "sample": .integer(k), "bound": .number(eps, digits: 6), "top": .number(top, digits: 6),
                                "nodes": .integer(graph.nodeCount),
                            ]))
                } else {
                    result = sampled
                    bound = eps
                    notes.append(
                        Message(
                            "rank.note.betweennessSampled",
                            [
                                "sample": .integer(k), "nodes": .integer(graph.nodeCount),
                                "seed": .integer(Int(truncatingIfNeeded: options.seed)),
                                "bound": .number(eps, digits: 6), "top": .number(top, digits: 6),
                                "relative": .percent(top > 0 ? eps / top : 0),
                            ]))
                    if top <= 0 || eps >= top {
                        notes.append(Message("rank.note.betweennessBoundTooWide", ["sample": .integer(k)]))
                    }
                }
            } else {
                result = try graph.betweenness(
                    weighted: options.weighted, normalized: options.normalized, threads: options.threads,
                    progress: options.progress)
                notes.append(
                    Message(
                        options.normalized ? "rank.note.betweennessExactNormalized" : "rank.note.betweennessExact",
                        [
                            "nodes": .integer(graph.nodeCount)
                        ]))
            }
            scores = result.nodeScores
        case .closeness:
            scores = try graph.closeness(
                weighted: options.weighted, threads: options.threads, progress: options.progress)
        case .harmonic:
            scores = try graph.harmonicCentrality(
                weighted: options.weighted, threads: options.threads, progress: options.progress)
        case .eigenvector:
            scores = iterative(
                try graph.eigenvectorCentrality(
                    weighted: options.weighted, tolerance: options.tolerance, maxIterations: options.maxIterations))
            if failure != nil {
                failure?.nodes = graph.nodeCount
                failure?.largestStrongComponent = graph.stronglyConnectedComponents().sizes.max() ?? 0
            }
        case .katz:
            scores = iterative(
                try graph.katzCentrality(
                    weighted: options.weighted, tolerance: options.tolerance, maxIterations: options.maxIterations))
        case .hubs, .authorities:
            let h = try graph.hits(
                weighted: options.weighted, tolerance: options.tolerance, maxIterations: options.maxIterations)
            scores = iterative(
                IterativeCentrality(
                    scores: options.measure == .hubs ? h.hubs : h.authorities, iterations: h.iterations, delta: h.delta,
                    converged: h.converged))
        }

        var nodes = (0..<Int32(graph.nodeCount)).filter { include?($0) ?? true }
        nodes.sort { a, b in
            let sa = scores[Int(a)], sb = scores[Int(b)]
            if sa != sb { return sa > sb }
            let ia = Int(a) < ids.count ? ids[Int(a)] : "", ib = Int(b) < ids.count ? ids[Int(b)] : ""
            return ia != ib ? ia < ib : a < b
        }
        var entries: [Entry] = []
        entries.reserveCapacity(nodes.count)
        for (i, v) in nodes.enumerated() {
            let rank = i > 0 && scores[Int(v)] == entries[i - 1].score ? entries[i - 1].rank : i + 1
            entries.append(Entry(node: v, score: scores[Int(v)], rank: rank))
        }
        return NodeRanking(
            measure: options.measure, entries: entries, scores: scores, notes: notes, errorBound: bound,
            converged: converged,
            nonConvergence: failure)
    }
}
