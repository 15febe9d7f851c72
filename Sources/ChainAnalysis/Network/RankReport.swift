import ChainGraph
import ChainModel

/// `chainmap rank`: the firms (or edge-list nodes) ranked by a centrality measure, with how
/// the numbers were obtained.
///
/// A measure that does not converge is an error (``RankingError/notConverged(_:)``), not a ranking:
/// an approximate order would be read as a real one. A sampled betweenness states its error
/// bound against the scores it bounds.
public struct RankReport: Sendable, Encodable {
    /// One ranked node.
    public struct Row: Sendable, Encodable, Equatable {
        /// 1-based; tied scores share the rank of the first of them.
        public var rank: Int
        public var id: String
        public var name: String
        /// The firm's stage names, `/`-joined (nil for organizations and edge-list nodes).
        public var stage: String?
        /// True for chain leaders (nil otherwise).
        public var leader: Bool?
        public var score: Double
    }

    public var measure: CentralityMeasure
    public var nodes: Int
    public var edges: Int
    /// Whether an iterative measure converged (nil for direct measures).
    public var converged: Bool?
    /// For sampled betweenness: every score is within ± this of the exact value (95%).
    public var errorBound: Double?
    /// How the numbers were obtained.
    public var notes: [Message]
    /// The first `top` nodes (all with top 0).
    public var ranking: [Row]
    /// Ranked nodes left out of ``ranking``.
    public var omitted: Int

    /// Ranks the firms of `input` (or every node of an edge list) by `options.measure` and
    /// keeps the first `top` (0: all).
    ///
    /// - Throws: ``RankingError`` for invalid parameters or weights, and when an iterative
    ///   measure does not converge within `options.maxIterations`.
    /// - Complexity: that of the measure (see ``NodeRanking``), plus O(V log V) to sort.
    public init(_ input: NetworkInput, options: RankingOptions, top: Int = 20) throws(RankingError) {
        let firmCount = input.firmCount
        let ranking: NodeRanking
        do {
            ranking = try NodeRanking.rank(input.graph, ids: input.ids, options: options) { Int($0) < firmCount }
        } catch {
            throw .invalid(error)
        }
        if ranking.converged == false, let failure = ranking.nonConvergence {
            throw .notConverged(failure)
        }
        measure = options.measure
        nodes = input.graph.nodeCount
        edges = input.graph.edgeCount
        converged = ranking.converged
        errorBound = ranking.errorBound
        notes = ranking.notes
        let shown = top > 0 ? ranking.entries.prefix(top) : ranking.entries[...]
        omitted = ranking.entries.count - shown.count
        self.ranking = shown.map { e in
            let i = Int(e.node)
            let stage = input.stageNames(of: i)
            return Row(
                rank: e.rank, id: input.ids[i], name: input.name(of: i), stage: stage.isEmpty ? nil : stage,
                leader: input.isLeader(i) ? true : nil, score: e.score)
        }
    }
}

/// Why a ranking could not be made.
public enum RankingError: Error, Sendable {
    /// The parameters or weights are not valid for the measure.
    case invalid(CentralityError)
    /// An iterative measure did not converge: change `--max-iterations` or `--tolerance`, or
    /// use another measure.
    case notConverged(NodeRanking.NonConvergence)
}

extension RankingError: ChainMapError {
    /// What to change: on a graph whose largest strongly connected part is under half of it,
    /// eigenvector centrality has nothing to converge to, so the hint names other measures
    /// instead of more iterations.
    static func hint(_ f: NodeRanking.NonConvergence) -> Message {
        if let nodes = f.nodes, let largest = f.largestStrongComponent, 2 * largest < nodes {
            return Message(
                "rank.error.notConverged.acyclic.hint", ["largest": .integer(largest), "nodes": .integer(nodes)])
        }
        return Message("rank.error.notConverged.hint", ["iterations": .integer(f.iterations)])
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalid(let error):
            [Diagnostic(.error, text: Message("rank.error.invalid", ["reason": .text(error.description)]))]
        case .notConverged(let f):
            [
                Diagnostic(
                    .error,
                    text: Message(
                        "rank.error.notConverged",
                        [
                            "measure": .message(Message("rank.measure." + f.measure.rawValue)),
                            "iterations": .integer(f.iterations),
                            "delta": .number(f.delta, digits: 15), "tolerance": .number(f.tolerance, digits: 15),
                        ]),
                    hint: Self.hint(f))
            ]
        }
    }
}
