import ChainGraph
@_spi(Internals) import ChainModel

/// A metric cell: what a per-stage table holds, so that ChainMap's values and the ones read
/// back from Spark compare field by field and print in any format.
public enum MetricValue: Sendable, Equatable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case text(String)
    case null

    /// Cell text: shortest round-trip numbers, `true`/`false`, empty for null.
    public var text: String {
        switch self {
        case .int(let i): String(i)
        case .double(let d): NumberFormat.shortest(d)
        case .bool(let b): b ? "true" : "false"
        case .text(let s): s
        case .null: ""
        }
    }
}

/// The per-stage numbers behind the gap analysis's stage rules, as plain tables that need no
/// walk over the graph: each is a sum, count or maximum over links grouped by stage or by
/// template edge, so Spark SQL computes the same with joins and group-bys (`spark/`).
///
/// **Stages** (one row per stage, numbered as in ``GapReport``): in-park and outside firms,
/// in-park output, whether a required stage is missing (`missing-stage`), lost links into
/// the stage's in-park firms.
///
/// **Template edges** `input → stage` (one row per edge of the chain templates): over the
/// active links that follow the edge into in-park firms of the stage (the flows of
/// `no-stage-link`, `stage-single-source` and `outside-sourcing`): suppliers, links,
/// in-park links, total value (= the in-park demand for that input), local and outside value
/// and share, value and share from in-park suppliers, the top supplier (largest value, ties
/// to the first firm) and its share, the Herfindahl–Hirschman index of supplier shares, lost
/// links following the edge, and the three rule flags with the default thresholds.
/// Definitions: docs/SPARK.md.
public struct StageMetrics: Sendable {
    public static let stageColumns = [
        "stage", "id", "chain", "required", "tier", "inParkFirms", "outsideFirms", "output", "missingRequired",
        "lostLinks", "lostValue",
    ]
    public static let edgeColumns = [
        "edge", "stage", "input", "stageId", "inputId", "suppliers", "links", "inParkLinks", "totalValue", "localValue",
        "outsideValue", "outsideShare", "inParkSupplyValue", "inParkSupplyShare", "topSupplier", "topSupplierValue",
        "topShare", "hhi", "lostLinks", "lostValue", "noStageLink", "stageSingleSource", "outsideSourcing",
    ]

    /// Rows in ``stageColumns`` order.
    public var stages: [[MetricValue]]
    /// Rows in ``edgeColumns`` order.
    public var edges: [[MetricValue]]

    /// - Parameters:
    ///   - park: the park whose stages and template edges are measured.
    ///   - singleSourceShare: threshold of `stageSingleSource` (``GapOptions`` default 0.8).
    ///   - outsideShare: threshold of `outsideSourcing` (default 0.5).
    /// - Complexity: O(firms + links · template edges per link) plus the supply graph.
    public init(park: Park, singleSourceShare: Double = 0.8, outsideShare: Double = 0.5) {
        self.init(index: ChainIndex(park), singleSourceShare: singleSourceShare, outsideShare: outsideShare)
    }

    init(index: ChainIndex, singleSourceShare: Double, outsideShare: Double) {
        let park = index.park
        let stageCount = index.stageIds.count
        var inParkFirms = [Int](repeating: 0, count: stageCount)
        var outsideFirms = [Int](repeating: 0, count: stageCount)
        var output = [Double](repeating: 0, count: stageCount)
        for f in 0..<index.firmCount {
            for g in index.stages(ofFirm: f) {
                if index.inPark[f] {
                    inParkFirms[Int(g)] += 1
                    output[Int(g)] += index.output[f]
                } else {
                    outsideFirms[Int(g)] += 1
                }
            }
        }
        let q = index.stageInputValues.count
        var suppliers = [Int](repeating: 0, count: q), links = [Int](repeating: 0, count: q)
        var inParkLinks = [Int](repeating: 0, count: q)
        var total = [Double](repeating: 0, count: q), local = [Double](repeating: 0, count: q)
        var inParkValue = [Double](repeating: 0, count: q)
        var best = [Int32](repeating: -1, count: q), bestValue = [Double](repeating: -1, count: q)
        var lastSupplier = [Int32](repeating: -1, count: q), current = [Double](repeating: 0, count: q)
        var supplierValues = [[Double]](repeating: [], count: q)
        var lostLinks = [Int](repeating: 0, count: q), lostValue = [Double](repeating: 0, count: q)
        var stageLost = [Int](repeating: 0, count: stageCount),
            stageLostValue = [Double](repeating: 0, count: stageCount)
        func flush(_ k: Int) {
            let s = lastSupplier[k]
            guard s >= 0 else { return }
            suppliers[k] += 1
            supplierValues[k].append(current[k])
            if current[k] > bestValue[k] { bestValue[k] = current[k]; best[k] = s }
        }
        let g = index.graph
        let resolution = park.resolution
        index.withTemplateWalker { walker in
            // Suppliers in node order, each supplier's edges together: per template edge,
            // a supplier's value is summed before the next supplier starts.
            for s in 0..<g.nodeCount {
                for e in g.outEdgeRange(of: Int32(s)) {
                    let b = Int(g.outTargets[e])
                    guard index.inPark[b] else { continue }
                    let v = index.edgeValue[e], isLocal = index.edgeLocal[e]
                    walker.forEach(s, b) { k in
                        if lastSupplier[k] != Int32(s) {
                            flush(k)
                            lastSupplier[k] = Int32(s)
                            current[k] = 0
                        }
                        current[k] += v
                        links[k] += 1
                        total[k] += v
                        if isLocal { local[k] += v }
                        if index.inPark[s] { inParkLinks[k] += 1; inParkValue[k] += v }
                    }
                }
            }
            for k in 0..<q { flush(k) }
            let links = park.links
            for i in links.indices where links.status(at: i) == .lost {
                let s = Int(resolution.linkSupplier[i]), b = Int(resolution.linkBuyer[i])
                guard s >= 0, b >= 0, index.inPark[b] else { continue }
                let v = links.value(at: i) ?? 0
                for st in index.stages(ofFirm: b) {
                    stageLost[Int(st)] += 1
                    stageLostValue[Int(st)] += v
                }
                walker.forEach(s, b) { k in
                    lostLinks[k] += 1
                    lostValue[k] += v
                }
            }
        }

        var stageRows: [[MetricValue]] = []
        for st in 0..<stageCount {
            let required = index.stageRequired[st]
            stageRows.append([
                .int(st), .text(index.stageIds[st]), .text(index.chainId(ofStage: st)), .bool(required),
                .text(index.stageTier[st].rawValue), .int(inParkFirms[st]), .int(outsideFirms[st]), .double(output[st]),
                .bool(required && inParkFirms[st] == 0), .int(stageLost[st]), .double(stageLostValue[st]),
            ])
        }
        var edgeRows: [[MetricValue]] = []
        for st in 0..<stageCount {
            for k in Int(index.stageInputOffsets[st])..<Int(index.stageInputOffsets[st + 1]) {
                let input = Int(index.stageInputValues[k])
                let t = total[k]
                let outside = t - local[k]
                let topShare: MetricValue =
                    suppliers[k] == 0 ? .null : .double(t > 0 ? bestValue[k] / t : 1 / Double(suppliers[k]))
                var hhi: MetricValue = .null
                if t > 0 {
                    var h = 0.0
                    for v in supplierValues[k] { h += (v / t) * (v / t) }
                    hhi = .double(h)
                }
                var single = false
                if case .double(let share) = topShare { single = suppliers[k] == 1 || share >= singleSourceShare }
                let outsideShareValue = t > 0 ? outside / t : 0
                edgeRows.append([
                    .int(k), .int(st), .int(input), .text(index.stageIds[st]), .text(index.stageIds[input]),
                    .int(suppliers[k]), .int(links[k]), .int(inParkLinks[k]), .double(t), .double(local[k]),
                    .double(outside), t > 0 ? .double(outsideShareValue) : .null,
                    .double(inParkValue[k]), t > 0 ? .double(inParkValue[k] / t) : .null,
                    best[k] >= 0 ? .text(park.firms[Int(best[k])].id) : .null,
                    best[k] >= 0 ? .double(bestValue[k]) : .null,
                    topShare, hhi, .int(lostLinks[k]), .double(lostValue[k]),
                    .bool(inParkFirms[input] > 0 && inParkFirms[st] > 0 && inParkLinks[k] == 0),
                    .bool(single),
                    .bool(t > 0 && outside > 0 && outsideShareValue >= outsideShare),
                ])
            }
        }
        stages = stageRows
        edges = edgeRows
    }
}
