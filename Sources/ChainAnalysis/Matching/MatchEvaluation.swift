import ChainGraph
import ChainModel

/// Settings of ``MatchEvaluation``.
public struct MatchEvaluationOptions: Sendable, Equatable {
    /// Share of the active supply links hidden. Default 0.2.
    public var hide: Double = 0.2
    /// Seed of the hiding, query sampling and the random baseline. Default 42.
    public var seed: UInt64 = 42
    /// Cut-off of precision and recall. Default 10.
    public var k: Int = 10
    /// Length of each ranked list (reciprocal rank is 0 beyond it). Default 100.
    public var depth: Int = 100
    /// Most queries per direction (sampled with the seed when there are more). Default 1000.
    public var maxQueries: Int = 1000
    public var match = MatchOptions()

    public init() {}
}

/// Link-recovery benchmark of matchmaking: hide a seeded share of the active supply links,
/// ask each buyer that lost a link for upstream matches and each supplier that lost one for
/// downstream matches, and measure how well the hidden partners are recovered, against
/// baselines.
///
/// Methods: `full` (the match score), `random` (uniform firms), `degree` (popularity: out-degree
/// of suppliers for upstream, in-degree of buyers for downstream, in the remaining links),
/// `common-neighbours` (number of shared neighbours on the supply + pairing + membership graph,
/// undirected). Every method skips the firm itself and the partners it still has in that
/// direction, and every method ranks under ``MatchOptions/outside``: by default (local first)
/// each list puts its in-park firms ahead of its outside ones, so the methods are compared
/// under the policy the park applies; with ``MatchOutside/mixed`` the lists are the methods'
/// own orders.
///
/// ```swift
/// let eval = MatchEvaluation(park: park)
/// for row in eval.rows { print(row.method, row.direction, row.precision, row.recall, row.mrr) }
/// ```
/// - Complexity: one index build on the remaining links, then per query the method's work
///   (full: one match query; common neighbours: the two-hop neighbourhood).
public struct MatchEvaluation: Sendable, Encodable {
    public struct Row: Sendable, Equatable, Encodable {
        public var method: String
        public var direction: MatchDirection
        public var queries: Int
        /// Mean precision@k.
        public var precision: Double
        /// Mean recall@k.
        public var recall: Double
        /// Mean reciprocal rank of the first hidden partner (0 when not in the list).
        public var mrr: Double

        enum CodingKeys: String, CodingKey {
            case method, direction, queries
            case precision = "precisionAtK"
            case recall = "recallAtK"
            case mrr
        }
    }

    /// The park evaluated.
    public var park: String = ""
    public var parkName: String = ""

    public var options: MatchEvaluationOptions
    public var activeLinks: Int
    public var hiddenLinks: Int
    /// Rows by direction, then method (full, random, degree, common-neighbours).
    public var rows: [Row]

    public static let methods = ["full", "random", "degree", "common-neighbours"]

    /// Runs the benchmark.
    public init(park: Park, options: MatchEvaluationOptions = MatchEvaluationOptions()) {
        self.options = options
        self.park = park.id
        self.parkName = park.name
        var rng = SplitMix64(seed: options.seed)
        // Active links between two distinct firms.
        var firmIndex: [String: Int32] = [:]
        for (i, f) in park.firms.enumerated() where firmIndex[f.id] == nil { firmIndex[f.id] = Int32(i) }
        var eligible: [Int] = []
        for (i, l) in park.links.enumerated() where l.status == .active && l.supplier != l.buyer {
            if firmIndex[l.supplier] != nil && firmIndex[l.buyer] != nil { eligible.append(i) }
        }
        activeLinks = eligible.count
        let hideCount = min(eligible.count, Int((Double(eligible.count) * max(0, min(1, options.hide))).rounded()))
        for i in 0..<hideCount {
            let j = i + Int(rng.below(UInt64(eligible.count - i)))
            eligible.swapAt(i, j)
        }
        var hidden = [Bool](repeating: false, count: park.links.count)
        for i in eligible.prefix(hideCount) { hidden[i] = true }
        hiddenLinks = hideCount
        var training = park
        training.links = LinkTable(park.links.indices.filter { !hidden[$0] }.map { park.links[$0] })
        let index = MatchIndex(park: training, vocabulary: options.match.vocabulary)
        let g = index.graph.graph
        let n = index.firmCount

        // Hidden partners per query firm, minus pairs still linked.
        var still = Set<Int64>()
        for l in training.links where l.status == .active {
            if let s = firmIndex[l.supplier], let b = firmIndex[l.buyer] { still.insert(Int64(s) << 32 | Int64(b)) }
        }
        var upstreamTruth: [Int32: Set<Int32>] = [:]
        var downstreamTruth: [Int32: Set<Int32>] = [:]
        for i in eligible.prefix(hideCount) {
            let l = park.links[i]
            guard let s = firmIndex[l.supplier], let b = firmIndex[l.buyer], !still.contains(Int64(s) << 32 | Int64(b))
            else { continue }
            upstreamTruth[b, default: []].insert(s)
            downstreamTruth[s, default: []].insert(b)
        }
        // Degree orders.
        func order(_ degree: (Int32) -> Int) -> [Int32] {
            (0..<Int32(n)).sorted { a, b in
                let x = degree(a), y = degree(b)
                return x != y ? x > y : a < b
            }
        }
        let bySupplying = order { v in g.outEdgeRange(of: v).reduce(0) { $0 + (g.layers[$1] == .supply ? 1 : 0) } }
        let byBuying = order { v in
            g.inEdgeRange(of: v).reduce(0) { $0 + (g.layers[Int(g.inEdges[$1])] == .supply ? 1 : 0) }
        }

        var ws = MatchWorkspace(index)
        var cnCount = [Int32](repeating: 0, count: index.nodeCount)
        var cnTouched: [Int32] = []
        var rows: [Row] = []
        var match = options.match
        match.top = max(1, options.depth)
        let k = max(1, options.k)
        for direction in [MatchDirection.upstream, .downstream] {
            let truth = direction == .upstream ? upstreamTruth : downstreamTruth
            var queries = truth.keys.sorted()
            if queries.count > options.maxQueries {
                for i in 0..<options.maxQueries {
                    let j = i + Int(rng.below(UInt64(queries.count - i)))
                    queries.swapAt(i, j)
                }
                queries = Array(queries.prefix(max(0, options.maxQueries))).sorted()
            }
            var sums = [[Double]](repeating: [0, 0, 0], count: Self.methods.count)
            for q in queries {
                guard let relevant = truth[q] else { continue }
                // Partners still linked in this direction, and the firm itself.
                var partners = Set<Int32>([q])
                if direction == .upstream {
                    for p in g.inEdgeRange(of: q) where g.layers[Int(g.inEdges[p])] == .supply {
                        partners.insert(g.inSources[p])
                    }
                } else {
                    for e in g.outEdgeRange(of: q) where g.layers[e] == .supply { partners.insert(g.outTargets[e]) }
                }
                for (m, method) in Self.methods.enumerated() {
                    var ranked: [Int32] = []
                    switch method {
                    case "full":
                        ranked = index.candidates(for: q, direction: direction, options: match, workspace: &ws).map(
                            \.node)
                    case "random":
                        var chosen = Set<Int32>()
                        var attempts = 0
                        while ranked.count < match.top && attempts < match.top * 20 && n > 0 {
                            attempts += 1
                            let v = Int32(rng.below(UInt64(n)))
                            if partners.contains(v) || chosen.contains(v) { continue }
                            chosen.insert(v)
                            ranked.append(v)
                        }
                    case "degree":
                        for v in (direction == .upstream ? bySupplying : byBuying) where !partners.contains(v) {
                            ranked.append(v)
                            if ranked.count == match.top { break }
                        }
                    default:
                        cnTouched.removeAll(keepingCapacity: true)
                        func neighbours(_ u: Int32, _ body: (Int32) -> Void) {
                            for e in g.outEdgeRange(of: u) { body(g.outTargets[e]) }
                            for p in g.inEdgeRange(of: u) { body(g.inSources[p]) }
                        }
                        var first = Set<Int32>()
                        neighbours(q) { first.insert($0) }
                        for u in first.sorted() {
                            neighbours(u) { w in
                                if cnCount[Int(w)] == 0 { cnTouched.append(w) }
                                cnCount[Int(w)] += 1
                            }
                        }
                        var scored: [(Int32, Int32)] = []
                        for w in cnTouched where Int(w) < n && !partners.contains(w) {
                            scored.append((w, cnCount[Int(w)]))
                        }
                        for w in cnTouched { cnCount[Int(w)] = 0 }
                        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                        ranked = scored.prefix(match.top).map(\.0)
                    }
                    // Every method ranks under the same outside policy: local first (the
                    // default) puts in-park firms ahead, in the method's own order.
                    switch match.outside {
                    case .separate:
                        ranked = ranked.filter { !index.isOutside($0) } + ranked.filter { index.isOutside($0) }
                    case .excluded:
                        ranked = ranked.filter { !index.isOutside($0) }
                    case .mixed:
                        break
                    }
                    let r = Self.metrics(ranked: ranked, relevant: relevant, k: k)
                    sums[m][0] += r.precision
                    sums[m][1] += r.recall
                    sums[m][2] += r.reciprocalRank
                }
            }
            let count = Double(max(1, queries.count))
            for (m, method) in Self.methods.enumerated() {
                rows.append(
                    Row(
                        method: method, direction: direction, queries: queries.count, precision: sums[m][0] / count,
                        recall: sums[m][1] / count, mrr: sums[m][2] / count))
            }
        }
        self.rows = rows
    }

    /// Precision@k, recall@k and reciprocal rank of one ranked list: hits in the first `k` / k,
    /// hits in the first `k` / |relevant|, and 1 / (position of the first relevant, 1-based),
    /// 0 when none is listed.
    ///
    /// ```swift
    /// MatchEvaluation.metrics(ranked: [5, 3, 9], relevant: [3, 7], k: 2)
    /// // precision 0.5, recall 0.5, reciprocal rank 0.5
    /// ```
    public static func metrics(ranked: [Int32], relevant: Set<Int32>, k: Int) -> (
        precision: Double, recall: Double, reciprocalRank: Double
    ) {
        let k = max(1, k)
        var hits = 0
        for v in ranked.prefix(k) where relevant.contains(v) { hits += 1 }
        var rr = 0.0
        if let pos = ranked.firstIndex(where: { relevant.contains($0) }) { rr = 1 / Double(pos + 1) }
        return (Double(hits) / Double(k), relevant.isEmpty ? 0 : Double(hits) / Double(relevant.count), rr)
    }
}
