import ChainAnalysis
import ChainModel

extension MeasureReport: DocumentRepresentable {
    /// `chainmap measure`: the graph, one row per algorithm (best time, the runs, what it
    /// found), then the top nodes of PageRank and betweenness.
    public func document() -> Document {
        let facts = [
            Fact(
                "network", "measure.network",
                .message(
                    Message(
                        directed ? "measure.network.directed" : "measure.network.undirected",
                        [
                            "nodes": .integer(nodes), "edges": .integer(edges),
                        ]))),
            Fact("threads", "measure.threads", .integer(threads)),
            Fact("repeat", "measure.repeat", .integer(repeats)),
            Fact(
                "peakMemory", "measure.peakMemory",
                .message(
                    Message(
                        "measure.mebibytes",
                        [
                            "value": .number(Double(peakRSSBytes) / 1_048_576, digits: 1)
                        ]))),
        ]
        let timings = Table(
            key: "timings",
            columns: [
                Column("algorithm", "measure.col.algorithm"), Column("best", "measure.col.best", .number),
                Column("runs", "measure.col.runs"), Column("result", "measure.col.result"),
            ],
            rows: measurements.map { m in
                [
                    .term(m.algorithm.rawValue, Message("measure.algorithm." + m.algorithm.rawValue)),
                    .number(m.best, digits: 4),
                    .message(
                        Message("measure.runs", ["runs": .list(m.runs.map { .number($0, digits: 4) }, limit: 10)])),
                    .message(m.summary),
                ]
            })
        var sections = [
            Section(key: "overview", title: "measure.section.overview", blocks: [.facts(facts)]),
            Section(key: "timings", title: "measure.section.timings", blocks: [.table(timings)]),
        ]
        for m in measurements {
            guard let top = m.top, !top.isEmpty else { continue }
            let table = Table(
                key: m.algorithm.rawValue,
                columns: [
                    Column("rank", "measure.col.rank", .integer), Column("id", "measure.col.id"),
                    Column("score", "measure.col.score", .number),
                ],
                rows: top.enumerated().map {
                    [.integer($0.offset + 1), .text($0.element.id), .number($0.element.score, digits: 12)]
                })
            sections.append(
                Section(
                    key: m.algorithm.rawValue,
                    title: Message(
                        "measure.section.top",
                        [
                            "algorithm": .message(Message("measure.algorithm." + m.algorithm.rawValue)),
                            "count": .integer(top.count),
                        ]),
                    blocks: [.table(table)]))
        }
        return Document(
            title: Message("measure.title", ["graph": .text(graph)]), sections: sections, primaryTable: "timings")
    }
}

extension MeasureReport.Measurement {
    /// What the algorithm found, in a sentence.
    public var summary: Message {
        switch outcome {
        case .load:
            return "measure.result.load"
        case .pagerank(let iterations, let delta, let converged, let tolerance, _):
            guard let tolerance else {
                return Message(
                    "measure.result.pagerankFixed",
                    ["iterations": .integer(iterations), "delta": .text(Quantity.significant(delta))])
            }
            return Message(
                converged ? "measure.result.pagerankConverged" : "measure.result.pagerankNotConverged",
                [
                    "iterations": .integer(iterations), "delta": .text(Quantity.significant(delta)),
                    "tolerance": .text(Quantity.significant(tolerance)),
                ])
        case .components(let count, let largest, let nontrivial):
            return Message(
                algorithm == .scc ? "measure.result.strong" : "measure.result.weak",
                [
                    "count": .integer(count), "largest": .integer(largest), "nontrivial": .integer(nontrivial),
                ])
        case .betweenness(let sources, let seed, let file, _):
            if let file {
                return Message("measure.result.betweennessListed", ["sources": .integer(sources), "file": .text(file)])
            }
            return Message(
                "measure.result.betweennessSampled", ["sources": .integer(sources), "seed": .text(String(seed ?? 0))])
        case .render(let firms, let bytes, let growth, let runs):
            guard let growth else {
                return Message("measure.result.render", ["firms": .integer(firms), "bytes": .integer(bytes)])
            }
            return Message(
                "measure.result.renderGrowth",
                [
                    "firms": .integer(firms), "bytes": .integer(bytes),
                    "kib": .number(Double(growth) / 1024, digits: 1), "runs": .integer(runs),
                ])
        }
    }
}
