import ChainAnalysis
import ChainModel

extension FirmList: DocumentRepresentable {
    /// `chainmap firms`: how many firms the filters found, then one row per firm.
    public func document() -> Document {
        var filters: [Message.Argument] = []
        if let chain { filters.append(.message(Message("firms.filter.chain", ["chain": .text(chain)]))) }
        if let stage { filters.append(.message(Message("firms.filter.stage", ["stage": .text(stage)]))) }
        if let search { filters.append(.message(Message("firms.filter.search", ["text": .text(search)]))) }
        let count = Message(
            filters.isEmpty ? "firms.count" : "firms.count.filtered",
            [
                "total": .integer(rows.count), "inPark": .integer(inPark), "outside": .integer(outside),
                "filters": .list(filters),
            ])
        // Several chains or stages, joined with the language's list separator.
        func names(_ list: [String]) -> Cell {
            .message(Message("firms.names", ["names": .list(list.map { .text($0) }, limit: 20)]))
        }
        let table = Table(
            key: "firms",
            columns: [
                Column("id", "firms.col.id"), Column("name", "firms.col.name"),
                Column("chains", "firms.col.chains", audience: .programs),
                Column("chainNames", "firms.col.chain", audience: .people),
                Column("stages", "firms.col.stages", audience: .programs),
                Column("stageNames", "firms.col.stage", audience: .people),
                Column("inPark", "firms.col.location", .bool, audience: .programs),
                Column("location", "firms.col.location", audience: .people),
                Column("leader", "firms.col.leader", .bool), Column("output", "firms.col.output", .money),
            ],
            rows: rows.map { r in
                [
                    .text(r.id), .text(r.name),
                    .text(r.chains.joined(separator: ";")), names(r.chainNames),
                    .text(r.stages.joined(separator: ";")), names(r.stageNames),
                    .bool(r.inPark), .message(Message(r.inPark ? "firms.location.inPark" : "firms.location.outside")),
                    .bool(!r.leads.isEmpty), r.output.map { .money($0) } ?? .empty,
                ]
            })
        return Document(
            title: Message("firms.title", ["name": .text(parkName), "id": .text(parkId)]),
            sections: [Section(key: "firms", title: "firms.section", blocks: [.paragraph(count), .table(table)])],
            primaryTable: "firms")
    }
}
