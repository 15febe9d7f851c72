import ChainGraph
import ChainModel
import Dispatch

/// Spark's results (`SparkResults`) set against ChainMap's own, computed in-process from
/// the same park with the same parameters: PageRank (the same damping, weighting and number
/// of iterations, tolerance off), weakly connected components, degrees and strengths on the
/// active supply layer, and ``StageMetrics``.
///
/// ```swift
/// let cmp = try SparkComparison(park: park, spark: results)
/// print(cmp.pageRankL1, cmp.passed)
/// ```
public struct SparkComparison: Sendable {
    /// Differences of one metric table column.
    public struct ColumnCheck: Sendable {
        public var table: String
        public var column: String
        /// Cells that differ (beyond `relativeTolerance` for numbers).
        public var mismatches: Int
        /// Largest relative difference of a numeric column, `|a − b| / max(|a|, |b|)` (0 when equal).
        public var maxRelative: Double
        /// First differing cell, as "row: chainmap vs spark".
        public var example: String?
    }

    /// PageRank L1 distance allowed: ChainMap's and Spark's sums run in different orders.
    public static let pageRankTolerance = 1e-9
    /// Relative difference allowed for derived doubles (shares, HHI) whose sums run in a
    /// different order; counts, ids, flags and sums of whole RMB values must be equal.
    public static let relativeTolerance = 1e-12

    public var nodes: Int
    public var edges: Int
    public var pageRank: SparkResults.PageRankRun
    /// ChainMap's PageRank with the same parameters and iterations.
    public var chainMapPageRank: [Double]
    /// `Σ_v |spark(v) − chainmap(v)|`.
    public var pageRankL1: Double
    public var pageRankMaxAbs: Double
    /// ChainMap's final L1 change, for comparison with Spark's `delta`.
    public var chainMapDelta: Double
    public var chainMapComponents: Int
    public var sparkComponents: Int
    /// Nodes whose Spark component label differs from the smallest node of ChainMap's component.
    public var componentMismatches: Int
    public var degreeMismatches: Int
    public var strengthMaxAbs: Double
    public var stageChecks: [ColumnCheck]
    /// ChainMap's stage metrics (what the stage tables print).
    public var metrics: StageMetrics
    /// Wall-clock seconds of ChainMap's in-process phases (graph, pagerank, components,
    /// degrees, stages), for set-side-by-side timings with Spark's.
    public var seconds: [(phase: String, seconds: Double)] = []

    /// Whether every check holds: PageRank within ``pageRankTolerance``, components, degrees
    /// and strengths equal, stage metrics equal (shares within ``relativeTolerance``).
    public var passed: Bool {
        pageRankL1 <= Self.pageRankTolerance && componentMismatches == 0 && degreeMismatches == 0
            && strengthMaxAbs == 0 && stageChecks.allSatisfy { $0.mismatches == 0 }
    }

    /// - Throws: `CentralityError` when the PageRank parameters are invalid.
    public init(park: Park, spark: SparkResults) throws(CentralityError) {
        var clock = DispatchTime.now().uptimeNanoseconds
        var seconds: [(String, Double)] = []
        func lap(_ phase: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            seconds.append((phase, Double(now - clock) / 1e9))
            clock = now
        }
        let pg = ParkGraph(park, layers: [.supply], statuses: [.active])
        lap("graph")
        let graph = pg.graph
        let n = graph.nodeCount
        nodes = n
        edges = graph.edgeCount
        pageRank = spark.pageRank
        let pr = try graph.pageRank(
            damping: spark.pageRank.damping, weighted: spark.pageRank.weighted, tolerance: 0,
            maxIterations: spark.pageRank.iterations, threads: nil)
        lap("pagerank")
        chainMapPageRank = pr.scores
        chainMapDelta = pr.delta
        var l1 = 0.0, maxAbs = 0.0
        for v in 0..<n {
            let d = abs(spark.nodes.pagerank[v] - pr.scores[v])
            l1 += d.isNaN ? .infinity : d
            maxAbs = max(maxAbs, d.isNaN ? .infinity : d)
        }
        pageRankL1 = l1
        pageRankMaxAbs = maxAbs

        let wcc = graph.weaklyConnectedComponents()
        lap("components")
        var smallest = [Int](repeating: -1, count: wcc.count)
        for v in 0..<n where smallest[Int(wcc.componentOf[v])] < 0 { smallest[Int(wcc.componentOf[v])] = v }
        var mismatches = 0
        var labels = Set<Int>()
        for v in 0..<n {
            if spark.nodes.component[v] != smallest[Int(wcc.componentOf[v])] { mismatches += 1 }
            labels.insert(spark.nodes.component[v])
        }
        chainMapComponents = wcc.count
        sparkComponents = labels.count
        componentMismatches = mismatches

        let inDeg = graph.degrees(.incoming), outDeg = graph.degrees(.outgoing)
        let inStr = graph.strengths(.incoming), outStr = graph.strengths(.outgoing)
        lap("degrees")
        var degreeMismatches = 0
        var strengthMax = 0.0
        for v in 0..<n {
            if inDeg[v] != spark.nodes.inDegree[v] || outDeg[v] != spark.nodes.outDegree[v] { degreeMismatches += 1 }
            let d = max(abs(inStr[v] - spark.nodes.inStrength[v]), abs(outStr[v] - spark.nodes.outStrength[v]))
            strengthMax = max(strengthMax, d.isNaN ? .infinity : d)
        }
        self.degreeMismatches = degreeMismatches
        strengthMaxAbs = strengthMax

        metrics = StageMetrics(park: park)
        lap("stages")
        self.seconds = seconds
        stageChecks =
            Self.compare("stages", StageMetrics.stageColumns, metrics.stages, spark.stages)
            + Self.compare("template_edges", StageMetrics.edgeColumns, metrics.edges, spark.templateEdges)
    }

    /// Column-by-column comparison of ChainMap's rows with Spark's (matched by position; a
    /// missing row or column counts as a mismatch of every cell).
    static func compare(_ table: String, _ columns: [String], _ ours: [[MetricValue]], _ theirs: [[String: String]])
        -> [ColumnCheck]
    {
        var checks: [ColumnCheck] = []
        for (c, column) in columns.enumerated() {
            var check = ColumnCheck(table: table, column: column, mismatches: 0, maxRelative: 0, example: nil)
            for r in 0..<max(ours.count, theirs.count) {
                let mine: MetricValue = r < ours.count ? ours[r][c] : .null
                let cell: String? = r < theirs.count ? theirs[r][column] : nil
                var equal: Bool
                switch (mine, cell) {
                case (_, nil): equal = false
                case (.null, let s?): equal = s.isEmpty
                case (.int(let i), let s?): equal = Int(s) == i || Double(s) == Double(i)
                case (.bool(let b), let s?): equal = s == (b ? "true" : "false")
                case (.text(let t), let s?): equal = s == t
                case (.double(let d), let s?):
                    if let x = Double(s) {
                        let rel = d == x ? 0 : abs(d - x) / max(abs(d), abs(x))
                        check.maxRelative = max(check.maxRelative, rel)
                        equal = rel <= relativeTolerance
                    } else {
                        equal = false
                    }
                }
                if !equal {
                    check.mismatches += 1
                    if check.example == nil {
                        check.example =
                            "row \(r): chainmap \(mine.text.isEmpty ? "(null)" : mine.text) vs spark \(cell.map { $0.isEmpty ? "(null)" : $0 } ?? "(missing)")"
                    }
                }
            }
            checks.append(check)
        }
        return checks
    }
}
