import ChainGraph
import ChainModel

/// `chainmap import-results`: the Spark job's results read back and set against ChainMap's
/// own answers (``SparkComparison``), with Spark's ranking and stage tables.
public struct SparkImportReport: Sendable, Encodable {
    /// A part of the report (`--section`).
    public enum Part: String, Sendable, CaseIterable, Encodable {
        /// The checks: PageRank distance, components, degrees, strengths, stage metrics.
        case compare
        /// Firms by Spark's PageRank.
        case ranking
        /// Spark's per-stage metrics.
        case stages
        /// Spark's per-template-edge metrics.
        case edges
    }

    /// One check of Spark's answers against ChainMap's.
    public struct Check: Sendable, Encodable, Equatable {
        /// What is compared.
        public enum Kind: String, Sendable, Encodable {
            case pagerank, components, degrees, strengths, stages, templateEdges
        }
        public var kind: Kind
        public var equal: Bool
    }

    /// A firm by Spark's PageRank, with ChainMap's score beside it.
    public struct RankedFirm: Sendable, Encodable, Equatable {
        public var rank: Int
        public var id: String
        public var name: String
        public var pagerank: Double
        public var chainmapPagerank: Double
        public var component: Int
        public var inDegree: Int
        public var outDegree: Int
        public var inStrength: Double
        public var outStrength: Double
    }

    /// A timed phase.
    public struct Phase: Sendable, Equatable {
        public var phase: String
        public var seconds: Double

        public init(phase: String, seconds: Double) {
            self.phase = phase
            self.seconds = seconds
        }
    }

    /// The park's id.
    public var park: String
    /// The Spark master the job ran on.
    public var master: String
    public var firms: Int
    public var activeLinks: Int
    /// Whether every check holds (``SparkComparison/passed``).
    public var equal: Bool
    /// The checks, in order: pagerank, components, degrees, strengths, stages, templateEdges.
    public var checks: [Check]
    public var pageRank: SparkResults.PageRankRun
    public var pageRankL1: Double
    public var pageRankMaxAbs: Double
    public var allowedL1: Double
    public var chainmapDelta: Double
    public var sparkComponents: Int
    public var chainmapComponents: Int
    public var componentNodesDiffering: Int
    public var degreeNodesDiffering: Int
    public var strengthMaxAbs: Double
    /// The stage-metric columns compared (both tables).
    public var columns: [SparkComparison.ColumnCheck]
    /// Spark's phases and ChainMap's in-process ones.
    public var sparkSeconds: [Phase]
    public var chainmapSeconds: [Phase]
    /// The first `top` firms by Spark's PageRank (ties by id).
    public var ranking: [RankedFirm]
    /// Firms ranked beyond ``ranking``.
    public var rankingOmitted: Int
    /// Spark's stage table, in ``StageMetrics/stageColumns`` order.
    public var stages: [[MetricValue]]
    /// Spark's template-edge table, in ``StageMetrics/edgeColumns`` order.
    public var templateEdges: [[MetricValue]]
    /// The parts asked for (nil: all for programs; compare, ranking and stages for people).
    public var part: Part?

    /// Reads the results folder `results` of `park`'s export and compares it with ChainMap's
    /// answers computed in-process; lists the first `top` firms (0: all).
    ///
    /// - Throws: `WriteError` when the folder cannot be read or does not match the park;
    ///   ``RankingError/invalid(_:)`` when the job's PageRank parameters are invalid.
    public init(results: String, park: Park, part: Part? = nil, top: Int = 20) throws {
        let spark = try SparkResults.read(results, nodeCount: park.firms.count)
        let c: SparkComparison
        do {
            c = try SparkComparison(park: park, spark: spark)
        } catch {
            throw RankingError.invalid(error)
        }
        self.park = park.id
        master = spark.master
        firms = c.nodes
        activeLinks = c.edges
        equal = c.passed
        pageRank = c.pageRank
        pageRankL1 = c.pageRankL1
        pageRankMaxAbs = c.pageRankMaxAbs
        allowedL1 = SparkComparison.pageRankTolerance
        chainmapDelta = c.chainMapDelta
        sparkComponents = c.sparkComponents
        chainmapComponents = c.chainMapComponents
        componentNodesDiffering = c.componentMismatches
        degreeNodesDiffering = c.degreeMismatches
        strengthMaxAbs = c.strengthMaxAbs
        columns = c.stageChecks
        checks = [
            Check(kind: .pagerank, equal: c.pageRankL1 <= SparkComparison.pageRankTolerance),
            Check(kind: .components, equal: c.componentMismatches == 0),
            Check(kind: .degrees, equal: c.degreeMismatches == 0),
            Check(kind: .strengths, equal: c.strengthMaxAbs == 0),
            Check(kind: .stages, equal: c.stageChecks.allSatisfy { $0.table != "stages" || $0.mismatches == 0 }),
            Check(
                kind: .templateEdges,
                equal: c.stageChecks.allSatisfy { $0.table != "template_edges" || $0.mismatches == 0 }),
        ]
        sparkSeconds = spark.seconds.map { Phase(phase: $0.phase, seconds: $0.seconds) }
        chainmapSeconds = c.seconds.map { Phase(phase: $0.phase, seconds: $0.seconds) }
        let nodes = spark.nodes
        let order = (0..<c.nodes).sorted { a, b in
            let x = nodes.pagerank[a], y = nodes.pagerank[b]
            return x != y ? x > y : park.firms[a].id < park.firms[b].id
        }
        let shown = top == 0 ? order[...] : order.prefix(top)
        rankingOmitted = order.count - shown.count
        ranking = shown.enumerated().map { i, v in
            RankedFirm(
                rank: i + 1, id: park.firms[v].id, name: park.firms[v].name, pagerank: nodes.pagerank[v],
                chainmapPagerank: c.chainMapPageRank[v], component: nodes.component[v], inDegree: nodes.inDegree[v],
                outDegree: nodes.outDegree[v], inStrength: nodes.inStrength[v], outStrength: nodes.outStrength[v])
        }
        stages = spark.stages.map { row in StageMetrics.stageColumns.map { Self.value($0, row[$0]) } }
        templateEdges = spark.templateEdges.map { row in StageMetrics.edgeColumns.map { Self.value($0, row[$0]) } }
        self.part = part
    }

    /// Columns of Spark's tables that hold text even when they look like numbers.
    static let textColumns: Set<String> = [
        "id", "chain", "tier", "stageId", "inputId", "topSupplier", "stage", "input", "edge",
    ]

    /// A cell of Spark's CSV as a typed value (Spark writes 1.2E7 for 12000000).
    static func value(_ column: String, _ text: String?) -> MetricValue {
        guard let text, !text.isEmpty else { return .null }
        if text == "true" || text == "false" { return .bool(text == "true") }
        if !textColumns.contains(column), let d = Double(text) {
            return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d)
        }
        return .text(text)
    }

    private enum CodingKeys: String, CodingKey {
        case park, master, firms, activeLinks, equal, compare, seconds, chainmapSeconds, ranking, stages, templateEdges
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(park, forKey: .park)
        try c.encode(master, forKey: .master)
        try c.encode(firms, forKey: .firms)
        try c.encode(activeLinks, forKey: .activeLinks)
        try c.encode(equal, forKey: .equal)
        var compare = c.nestedContainer(keyedBy: AnyKey.self, forKey: .compare)
        var pr = compare.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("pagerank"))
        try pr.encode(pageRank.iterations, forKey: AnyKey("iterations"))
        try pr.encode(pageRank.damping, forKey: AnyKey("damping"))
        try pr.encode(pageRank.weighted, forKey: AnyKey("weighted"))
        try pr.encode(pageRankL1, forKey: AnyKey("l1"))
        try pr.encode(pageRankMaxAbs, forKey: AnyKey("maxAbs"))
        try pr.encode(allowedL1, forKey: AnyKey("allowedL1"))
        try pr.encode(pageRank.delta, forKey: AnyKey("sparkDelta"))
        try pr.encode(chainmapDelta, forKey: AnyKey("chainmapDelta"))
        var cc = compare.nestedContainer(keyedBy: AnyKey.self, forKey: AnyKey("components"))
        try cc.encode(sparkComponents, forKey: AnyKey("spark"))
        try cc.encode(chainmapComponents, forKey: AnyKey("chainmap"))
        try cc.encode(componentNodesDiffering, forKey: AnyKey("nodesDiffering"))
        try compare.encode(degreeNodesDiffering, forKey: AnyKey("degreeNodesDiffering"))
        try compare.encode(strengthMaxAbs, forKey: AnyKey("strengthMaxAbs"))
        try compare.encode(checks, forKey: AnyKey("checks"))
        try compare.encode(columns, forKey: AnyKey("columns"))
        var s = c.nestedContainer(keyedBy: AnyKey.self, forKey: .seconds)
        for p in sparkSeconds { try s.encode(p.seconds, forKey: AnyKey(p.phase)) }
        var m = c.nestedContainer(keyedBy: AnyKey.self, forKey: .chainmapSeconds)
        for p in chainmapSeconds { try m.encode(p.seconds, forKey: AnyKey(p.phase)) }
        if part == nil || part == .ranking { try c.encode(ranking, forKey: .ranking) }
        if part == nil || part == .stages {
            try c.encode(Self.objects(stages, StageMetrics.stageColumns), forKey: .stages)
        }
        if part == nil || part == .edges {
            try c.encode(Self.objects(templateEdges, StageMetrics.edgeColumns), forKey: .templateEdges)
        }
    }

    /// Rows as objects keyed by column, null cells left out.
    static func objects(_ rows: [[MetricValue]], _ columns: [String]) -> [[String: MetricValue]] {
        rows.map { row in
            var object: [String: MetricValue] = [:]
            for (i, column) in columns.enumerated() where i < row.count && row[i] != .null { object[column] = row[i] }
            return object
        }
    }
}

extension SparkComparison.ColumnCheck: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(table, forKey: AnyKey("table"))
        try c.encode(column, forKey: AnyKey("column"))
        try c.encode(mismatches, forKey: AnyKey("mismatches"))
        try c.encode(maxRelative, forKey: AnyKey("maxRelative"))
        if let example { try c.encode(example, forKey: AnyKey("example")) }
    }
}

extension MetricValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .text(let s): try c.encode(s)
        case .null: try c.encodeNil()
        }
    }
}
