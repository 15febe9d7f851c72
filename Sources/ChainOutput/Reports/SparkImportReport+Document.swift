import ChainAnalysis
import ChainModel

extension SparkImportReport: DocumentRepresentable {
    /// `chainmap import-results`: the checks, Spark's ranking and its stage tables (template
    /// edges on request: `--section edges`).
    public func document() -> Document {
        let parts = part.map { [$0] } ?? [.compare, .ranking, .stages]
        return Document(
            title: Message("spark.title", ["park": .text(park), "master": .text(master)]),
            sections: parts.map(section),
            primaryTable: part?.rawValue ?? Part.stages.rawValue)
    }

    func section(_ part: Part) -> Section {
        switch part {
        case .compare:
            let table = Table(
                key: "compare",
                columns: [
                    Column("check", "spark.col.check"), Column("result", "spark.col.result"),
                    Column("equal", "spark.col.equal", .bool),
                ],
                rows: checks.map {
                    [.term($0.kind.rawValue, checkTitle($0.kind)), .message(result($0.kind)), .bool($0.equal)]
                })
            let facts = [
                Fact(
                    "network", "spark.network",
                    .message(
                        Message(
                            "spark.network.value",
                            [
                                "firms": .integer(firms), "links": .integer(activeLinks),
                            ]))),
                Fact("sparkSeconds", "spark.sparkTime", .message(Self.phases(sparkSeconds, digits: 1))),
                Fact("chainmapSeconds", "spark.chainmapTime", .message(Self.phases(chainmapSeconds, digits: 3))),
            ]
            return Section(key: "compare", title: "spark.section.compare", blocks: [.facts(facts), .table(table)])
        case .ranking:
            let table = Table(
                key: "ranking",
                columns: [
                    Column("rank", "spark.col.rank", .integer), Column("id", "spark.col.id"),
                    Column("name", "spark.col.name"),
                    Column("pagerank", "spark.col.pagerank", .number),
                    Column("chainmapPagerank", "spark.col.chainmapPagerank", .number, audience: .programs),
                    Column("component", "spark.col.component", .integer),
                    Column("inDegree", "spark.col.inDegree", .integer),
                    Column("outDegree", "spark.col.outDegree", .integer),
                    Column("inStrength", "spark.col.inStrength", .number, audience: .programs),
                    Column("outStrength", "spark.col.outStrength", .number, audience: .programs),
                ],
                rows: ranking.map { f in
                    [
                        .integer(f.rank), .text(f.id), .text(f.name), .number(f.pagerank, digits: 8),
                        .number(f.chainmapPagerank, digits: 8),
                        .integer(f.component), .integer(f.inDegree), .integer(f.outDegree), .number(f.inStrength),
                        .number(f.outStrength),
                    ]
                },
                omittedRows: rankingOmitted)
            return Section(key: "ranking", title: "spark.section.ranking", blocks: [.table(table)])
        case .stages:
            return Section(
                key: "stages", title: "spark.section.stages",
                blocks: [.table(metrics("stages", StageMetrics.stageColumns, stages))])
        case .edges:
            return Section(
                key: "edges", title: "spark.section.edges",
                blocks: [.table(metrics("edges", StageMetrics.edgeColumns, templateEdges))])
        }
    }

    func checkTitle(_ kind: Check.Kind) -> Message {
        switch kind {
        case .pagerank:
            Message(
                pageRank.weighted ? "spark.check.pagerankWeighted" : "spark.check.pagerank",
                [
                    "iterations": .integer(pageRank.iterations), "damping": .number(pageRank.damping, digits: 4),
                ])
        default: Message("spark.check." + kind.rawValue)
        }
    }

    func result(_ kind: Check.Kind) -> Message {
        switch kind {
        case .pagerank:
            return Message(
                "spark.result.pagerank",
                [
                    "l1": .text(Quantity.significant(pageRankL1, digits: 4)),
                    "max": .text(Quantity.significant(pageRankMaxAbs, digits: 4)),
                    "allowed": .text(Quantity.significant(allowedL1, digits: 1)),
                ])
        case .components:
            return Message(
                "spark.result.components",
                [
                    "spark": .integer(sparkComponents), "chainmap": .integer(chainmapComponents),
                    "differ": .integer(componentNodesDiffering),
                ])
        case .degrees:
            return Message("spark.result.degrees", ["differ": .integer(degreeNodesDiffering)])
        case .strengths:
            return Message("spark.result.strengths", ["max": .text(Quantity.significant(strengthMaxAbs, digits: 4))])
        case .stages, .templateEdges:
            let table = kind == .stages ? "stages" : "template_edges"
            let mine = columns.filter { $0.table == table }
            let bad = mine.filter { $0.mismatches > 0 }
            let relative = mine.map(\.maxRelative).max() ?? 0
            var arguments: [String: Message.Argument] = [
                "columns": .integer(mine.count), "differ": .integer(bad.count),
                "relative": .text(Quantity.significant(relative, digits: 2)),
            ]
            guard let first = bad.first else { return Message("spark.result.metrics", arguments) }
            arguments["column"] = .text(first.column)
            arguments["example"] = .text(first.example ?? "")
            return Message("spark.result.metricsExample", arguments)
        }
    }

    /// The phase times as one line; `total` is the job's own when it reports one.
    static func phases(_ phases: [Phase], digits: Int) -> Message {
        // The Spark job reports its own `total` (its phases plus what lies between them): that is
        // the sum shown, and it is not listed as a phase, or the phases would be counted twice.
        let parts = phases.filter { $0.phase != "total" }
        let total = phases.first { $0.phase == "total" }?.seconds ?? parts.reduce(0) { $0 + $1.seconds }
        return Message(
            "spark.phases",
            [
                "phases": .list(
                    parts.map {
                        .message(
                            Message(
                                "spark.phase",
                                ["phase": .text($0.phase), "seconds": .number($0.seconds, digits: digits)]))
                    }, limit: 20),
                "total": .number(total, digits: digits),
            ])
    }

    func metrics(_ key: String, _ names: [String], _ rows: [[MetricValue]]) -> Table {
        let kinds = names.indices.map { i -> Column.Kind in
            var kind = Column.Kind.text
            for row in rows where i < row.count {
                switch row[i] {
                case .int: if kind == .text { kind = .integer }
                case .double: kind = .number
                case .bool: kind = .bool
                case .text: return .text
                case .null: continue
                }
            }
            return kind
        }
        return Table(
            key: key,
            columns: names.indices.map { Column(names[$0], Message("spark.col." + names[$0]), kinds[$0]) },
            rows: rows.map { row in
                row.map { v in
                    switch v {
                    case .int(let i): .integer(i)
                    case .double(let d): .number(d, digits: 6)
                    case .bool(let b): .bool(b)
                    case .text(let s): .text(s)
                    case .null: .empty
                    }
                }
            })
    }
}
