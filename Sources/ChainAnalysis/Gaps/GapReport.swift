import ChainModel

/// Where a park's chains are broken, weak, thin or short (断链/弱链/细链/短链), and which open
/// needs of single points of failure block them (难点/卡点): ranked findings, each with a
/// severity, a place, its evidence and a remedy (补链招商).
///
/// The rules and thresholds are in `docs/GAPS.md`; thresholds are ``GapOptions``.
///
/// ```swift
/// let park = try ParkLoader.load(path: "samples/jinchang-battery.json").park
/// let report = GapReport(park: park)
/// report.findings[0].rule           // .missingStage
/// report.findings[0].place.stage    // "bt-anode": no anode maker in the park
/// ```
///
/// - Complexity: O(V + E) for V firms and E links (one biconnectivity pass over the supply
///   layer, one pass per rule), plus one max-flow per chain on that chain's in-park firm
///   graph (Dinic; few phases on a layered chain), plus sorting the findings.
public struct GapReport: Sendable, Encodable {
    public var parkId: String
    public var parkName: String
    public var options: GapOptions
    /// Findings, most severe first (level, value at risk, severity value, kind, rule, place);
    /// the first ``GapOptions/limit`` when a limit is set.
    public var findings: [GapFinding]
    /// Findings of the chosen kinds before the limit.
    public var findingsTotal: Int
    /// Findings of each kind before the limit (every kind, 0 when none or not chosen).
    public var counts: [GapKind: Int]
    /// One summary per chain analysed, park order.
    public var chains: [ChainSummary]

    /// Analyses `park`. `candidates` are outside firms that could be attracted (their `stages`
    /// name the park's stage ids); remedies name the best of them.
    ///
    /// - Complexity: see the type.
    public init(park: Park, options: GapOptions = GapOptions(), candidates: [Firm] = []) {
        let analyzer = GapAnalyzer(park: park, options: options, candidates: candidates)
        parkId = park.id
        parkName = park.name
        self.options = options
        var all = analyzer.run()
        if let chain = options.chain {
            all = all.filter { analyzer.concerns($0, chain: chain) }
        }
        if let kinds = options.kinds {
            all = all.filter { kinds.contains($0.kind) }
        }
        // Sort keys computed once, in flat arrays (copying findings in the comparator costs
        // their reference counts; the place id is built from strings).
        let level = all.map(\.severity.level.rank), risk = all.map(\.severity.atRisk), value = all.map(\.severity.value)
        let kind = all.map(\.kind.order), rule = all.map(\.rule.rawValue), ids = all.map(\.place.id)
        var order = Array(all.indices)
        order.sort { i, j in
            if level[i] != level[j] { return level[i] > level[j] }
            if risk[i] != risk[j] { return risk[i] > risk[j] }
            if value[i] != value[j] { return value[i] > value[j] }
            if kind[i] != kind[j] { return kind[i] < kind[j] }
            if rule[i] != rule[j] { return rule[i] < rule[j] }
            if ids[i] != ids[j] { return ids[i] < ids[j] }
            return i < j
        }
        if options.limit > 0 && order.count > options.limit { order.removeSubrange(options.limit...) }
        findings = order.map { all[$0] }
        findingsTotal = all.count
        var counts = Dictionary(uniqueKeysWithValues: GapKind.allCases.map { ($0, 0) })
        for f in all { counts[f.kind, default: 0] += 1 }
        self.counts = counts
        chains = analyzer.summaries.filter { options.chain == nil || $0.chain == options.chain }
    }

    private enum CodingKeys: String, CodingKey { case park, name, options, chains, counts, findingsTotal, findings }

    /// Stable member names; findings in rank order, each with its `rank`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parkId, forKey: .park)
        try c.encode(parkName, forKey: .name)
        try c.encode(options, forKey: .options)
        try c.encode(chains, forKey: .chains)
        try c.encode(counts, forKey: .counts)
        try c.encode(findingsTotal, forKey: .findingsTotal)
        try c.encode(findings.enumerated().map { Ranked(rank: $0.offset + 1, finding: $0.element) }, forKey: .findings)
    }

    /// A finding with its 1-based rank, encoded as one object.
    private struct Ranked: Encodable {
        var rank: Int
        var finding: GapFinding
        private enum CodingKeys: String, CodingKey { case rank }
        func encode(to encoder: any Encoder) throws {
            try finding.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
        }
    }

    /// Findings of one kind, in rank order.
    public func findings(of kind: GapKind) -> [GapFinding] { findings.filter { $0.kind == kind } }
}

extension GapReport {
    /// Coverage and flow of one chain.
    public struct ChainSummary: Sendable, Equatable, Encodable {
        public var chain: String
        public var name: String
        /// Template stages.
        public var stages: Int
        /// Stages with at least one in-park firm.
        public var coveredStages: Int
        /// In-park firms in the chain's stages.
        public var firms: Int
        /// Demand of the end-product (sink-stage) firms: their active input link value, RMB.
        public var demand: Double
        /// Maximum flow from the source stages to the end products in the same units (see
        /// `docs/GAPS.md`), nil when there is no demand to measure.
        public var flow: Double?
        /// Lost links into the chain's in-park firms along its template edges, and their value
        /// (each also in the evidence of its stage pair's finding when there is one).
        public var lostLinks: Int = 0
        public var lostValue: Double = 0

        /// `flow / demand`, nil without flow or demand.
        public var flowShare: Double? { flow.flatMap { demand > 0 ? $0 / demand : nil } }
    }
}
