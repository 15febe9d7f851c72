import ChainModel

extension ParkSummary: DocumentRepresentable {
    /// `chainmap info`: the park's counts, then one row per chain stage.
    public func document() -> Document {
        var title = Message("info.title", ["name": .text(parkName), "id": .text(parkId)])
        if let region { title = Message("info.title.region", ["title": .message(title), "region": .text(region)]) }
        if let dataDate { title = Message("info.title.date", ["title": .message(title), "date": .text(dataDate)]) }

        func counts<K>(_ list: [(K, Int)], _ term: (K) -> Message) -> Message.Argument {
            .list(
                list.filter { $0.1 > 0 }.map {
                    .message(Message("info.countOf", ["term": .message(term($0.0)), "count": .integer($0.1)]))
                }, limit: 20)
        }
        let active = linksByStatus.first { $0.status == .active }?.count ?? 0
        var facts = [
            Fact(
                "firms", "info.firms",
                .message(
                    Message(
                        "info.firms.value",
                        [
                            "total": .integer(firms), "inPark": .integer(firmsInPark),
                            "outside": .integer(firms - firmsInPark),
                            "leaders": .integer(chainLeaders), "illustrative": .integer(illustrativeFirms),
                        ]))),
            Fact(
                "output", "info.output",
                .message(
                    Message(
                        firms > firmsInPark ? "info.output.value" : "info.output.value.inParkOnly",
                        [
                            "inPark": .money(outputInPark), "outside": .money(outputOutside),
                        ]))),
            Fact(
                "links", "info.links",
                .message(
                    Message(
                        "info.links.value",
                        [
                            "total": .integer(links),
                            "byStatus": counts(linksByStatus.map { ($0.status, $0.count) }, Message.term),
                            "local": .integer(localActiveLinks),
                            "localShare": .percent(active > 0 ? Double(localActiveLinks) / Double(active) : 0),
                            "value": .money(activeLinkValue),
                        ]))),
            Fact(
                "organizations", "info.organizations",
                .message(
                    Message(
                        "info.countWithKinds",
                        [
                            "total": .integer(organizations),
                            "kinds": counts(organizationsByKind.map { ($0.kind, $0.count) }, Message.term),
                        ]))),
            Fact(
                "pairings", "info.pairings",
                .message(
                    Message(
                        "info.countWithKinds",
                        [
                            "total": .integer(pairings),
                            "kinds": counts(pairingsByKind.map { ($0.kind, $0.count) }, Message.term),
                        ]))),
            Fact(
                "needs", "info.needs",
                .message(
                    Message(
                        "info.needs.value",
                        [
                            "total": .integer(needs), "firms": .integer(firmsWithNeeds),
                            "byStatus": counts(needsByStatus.map { ($0.status, $0.count) }, Message.term),
                            "byKind": counts(needsByKind.map { ($0.kind, $0.count) }, Message.term),
                        ]))),
        ]
        if firmsWithoutStage > 0 {
            facts.append(Fact("firmsWithoutStage", "info.firmsWithoutStage", .integer(firmsWithoutStage)))
        }
        let table = Table(
            key: "stages",
            columns: [
                Column("chain", "info.col.chainId"), Column("chainName", "info.col.chain"),
                Column("stage", "info.col.stageId"), Column("stageName", "info.col.stage"),
                Column("tier", "info.col.tier"), Column("required", "info.col.required", .bool),
                Column("firms", "info.col.firmsInPark", .integer),
                Column("firmsOutside", "info.col.firmsOutside", .integer),
                Column("leaders", "info.col.leaders", .integer),
                Column("output", "info.col.outputInPark", .money),
                Column("outputOutside", "info.col.outputOutside", .money),
            ],
            rows: stages.map { r in
                [
                    .text(r.chain), .text(r.chainName), .text(r.stage), .text(r.stageName),
                    .term(r.tier.rawValue, .term(r.tier)),
                    .bool(r.required), .integer(r.firms), .integer(r.firmsOutside), .integer(r.leaders),
                    .money(r.output), .money(r.outputOutside),
                ]
            })
        return Document(
            title: title,
            sections: [
                Section(key: "overview", title: "info.section.overview", blocks: [.facts(facts)]),
                Section(key: "stages", title: "info.section.stages", blocks: [.table(table)]),
            ],
            primaryTable: "stages")
    }
}
