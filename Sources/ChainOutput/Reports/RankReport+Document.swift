import ChainAnalysis
import ChainModel

extension CentralityMeasure {
    /// The measure's name from the catalog.
    public var term: Message { Message("rank.measure." + rawValue) }
}

extension RankReport: DocumentRepresentable {
    /// `chainmap rank`: one table, most central first.
    public func document() -> Document {
        let table = Table(
            key: "ranking",
            columns: [
                Column("rank", "rank.col.rank", .integer), Column("id", "rank.col.id"), Column("name", "rank.col.name"),
                Column("stage", "rank.col.stage"), Column("leader", "rank.col.leader", .bool),
                Column(measure.rawValue, Message("rank.col.score", ["measure": .message(measure.term)]), .number),
            ],
            rows: ranking.map { r in
                [
                    .integer(r.rank), .text(r.id), .text(r.name), .text(r.stage ?? ""),
                    r.leader == true ? .bool(true) : .empty,
                    .number(r.score, digits: 6),
                ]
            },
            omittedRows: omitted)
        return Document(
            title: Message(
                "rank.title", ["measure": .message(measure.term), "nodes": .integer(nodes), "edges": .integer(edges)]),
            sections: [
                Section(key: "ranking", title: "rank.section.ranking", blocks: [.table(table)] + notes.map(Block.note))
            ],
            primaryTable: "ranking")
    }
}

extension StructureSummary: DocumentRepresentable {
    /// `chainmap structure`: the overview, then cut firms, bridges and the innermost core; the
    /// CSV is one row per node.
    public func document() -> Document {
        var facts = [
            Fact(
                "network", "structure.network",
                .message(Message("structure.network.value", ["nodes": .integer(nodes), "links": .integer(links)]))),
            Fact(
                "weakComponents", "structure.weak",
                .message(
                    Message(
                        "structure.weak.value",
                        [
                            "count": .integer(weakComponents), "largest": .integer(largestWeakComponent),
                        ]))),
            Fact(
                "strongComponents", "structure.strong",
                .message(
                    Message(
                        "structure.strong.value",
                        [
                            "count": .integer(strongComponents), "loops": .integer(loops),
                        ]))),
        ]
        if let longestPath {
            facts.append(
                Fact(
                    "longestPath", "structure.depth",
                    .message(
                        Message(
                            "structure.depth.path",
                            [
                                "hops": .integer(max(0, longestPath.count - 1)),
                                "path": .sequence(longestPath.map { .message(Message.node($0)) }),
                            ]))))
        } else if let cycle {
            facts.append(
                Fact(
                    "cycle", "structure.depth",
                    .message(
                        Message(
                            "structure.depth.cycle",
                            [
                                "cycle": .sequence((cycle + cycle.prefix(1)).map { .message(Message.node($0)) })
                            ]))))
        }
        facts.append(
            Fact(
                "maxCore", "structure.core",
                .message(
                    Message(
                        "structure.core.value",
                        [
                            "k": .integer(maxCore), "count": .integer(innermostCoreCount),
                        ]))))
        func list(_ key: String, _ refs: [NodeRef], total: Int) -> Table {
            Table(
                key: key, columns: [Column("name", "structure.col.name"), Column("id", "structure.col.id")],
                rows: refs.map { [.text($0.name), .text($0.id)] }, omittedRows: total - refs.count)
        }
        let bridgeTable = Table(
            key: "bridges",
            columns: [Column("supplier", "structure.col.supplier"), Column("buyer", "structure.col.buyer")],
            rows: bridges.map { [.message(Message.node($0.supplier)), .message(Message.node($0.buyer))] },
            omittedRows: bridgeCount - bridges.count)
        let nodeTable = Table(
            key: "nodes",
            columns: [
                Column("id", "structure.col.id"), Column("name", "structure.col.name"),
                Column("weakComponent", "structure.col.weakComponent", .integer),
                Column("strongComponent", "structure.col.strongComponent", .integer),
                Column("core", "structure.col.core", .integer), Column("cut", "structure.col.cut", .bool),
                Column("depth", "structure.col.depth", .integer),
            ],
            rows: nodeRows.map { r in
                [
                    .text(r.id), .text(r.name), .integer(Int(r.weakComponent)), .integer(Int(r.strongComponent)),
                    .integer(Int(r.core)),
                    .bool(r.cut), r.depth.map { .integer($0) } ?? .empty,
                ]
            })
        return Document(
            title: "structure.title",
            sections: [
                Section(key: "overview", title: "structure.section.overview", blocks: [.facts(facts)]),
                Section(
                    key: "cutFirms", title: Message("structure.section.cutFirms", ["count": .integer(cutFirmCount)]),
                    blocks: [
                        .paragraph("structure.cutFirms.explain"),
                        .table(list("cutFirms", cutFirms, total: cutFirmCount)),
                    ]),
                Section(
                    key: "bridges", title: Message("structure.section.bridges", ["count": .integer(bridgeCount)]),
                    blocks: [
                        .paragraph("structure.bridges.explain"), .table(bridgeTable),
                    ]),
                Section(
                    key: "core", title: Message("structure.section.core", ["k": .integer(maxCore)]),
                    blocks: [
                        .table(list("core", innermostCore, total: innermostCoreCount))
                    ]),
            ],
            dataTable: nodeTable)
    }
}

extension Message {
    /// A node as people read it: `name（id）`, or the id alone when the name is the id.
    public static func node(_ ref: NodeRef) -> Message {
        ref.name == ref.id
            ? Message("node.id", ["id": .text(ref.id)])
            : Message("node.nameAndId", ["name": .text(ref.name), "id": .text(ref.id)])
    }
}
