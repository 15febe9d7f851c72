import ChainAnalysis
import ChainModel

extension GapReport: DocumentRepresentable {
    /// `chainmap gaps`: each chain's coverage and flow, the count of findings by kind, then the
    /// findings ranked (a table, and under it each finding's evidence and remedy). CSV: one row
    /// per finding with its place, evidence and remedy in machine columns.
    public func document() -> Document {
        let chainTable = Table(
            key: "chains",
            columns: [
                Column("chain", "gaps.col.chainId"), Column("chainName", "gaps.col.chain"),
                Column("stages", "gaps.col.stages", .integer),
                Column("coveredStages", "gaps.col.coveredStages", .integer),
                Column("firms", "gaps.col.firms", .integer), Column("demand", "gaps.col.demand", .money),
                Column("flow", "gaps.col.flow", .money), Column("flowShare", "gaps.col.flowShare", .percent),
            ],
            rows: chains.map { c in
                [
                    .text(c.chain), .text(c.name), .integer(c.stages), .integer(c.coveredStages), .integer(c.firms),
                    .money(c.demand),
                    c.flow.map(Cell.money) ?? .empty, c.flowShare.map(Cell.percent) ?? .empty,
                ]
            })
        let counts = Message.Argument.list(
            GapKind.allCases.map { kind in
                .message(
                    Message("gaps.countOf", ["kind": .message(.term(kind)), "count": .integer(self.counts[kind] ?? 0)]))
            }, limit: GapKind.allCases.count)
        let summary = [
            Fact(
                "findings", "gaps.findings",
                .message(Message("gaps.findings.value", ["total": .integer(findingsTotal), "kinds": counts])))
        ]

        let findingTable = Table(
            key: "findings",
            columns: [
                Column("rank", "gaps.col.rank", .integer), Column("kind", "gaps.col.kind"),
                Column("rule", "gaps.col.rule"),
                Column("level", "gaps.col.level"),
                Column("severityText", "gaps.col.severity", audience: .people),
                Column("severity", "gaps.col.severity", .number, audience: .programs),
                Column("unit", "gaps.col.unit", audience: .programs),
                Column("atRisk", "gaps.col.atRisk", .money),
                Column("place", "gaps.col.place", audience: .people),
                Column("chain", "gaps.col.chainId", audience: .programs),
                Column("stage", "gaps.col.stageId", audience: .programs),
                Column("inputStage", "gaps.col.inputStage", audience: .programs),
                Column("firm", "gaps.col.firm", audience: .programs),
                Column("linkSupplier", "gaps.col.linkSupplier", audience: .programs),
                Column("linkBuyer", "gaps.col.linkBuyer", audience: .programs),
                Column("linkProduct", "gaps.col.linkProduct", audience: .programs),
                Column("evidence", "gaps.col.evidence", audience: .programs),
                Column("remedy", "gaps.col.remedy", audience: .programs),
                Column("attractStage", "gaps.col.attractStage", audience: .programs),
                Column("inParkFirms", "gaps.col.inParkFirms", audience: .programs),
                Column("candidates", "gaps.col.candidates", audience: .programs),
            ],
            rows: findings.enumerated().map { i, f in
                let p = f.place
                return [
                    .integer(i + 1), .term(f.kind.rawValue, .term(f.kind)), .term(f.rule.rawValue, .term(f.rule)),
                    .term(f.severity.level.rawValue, .term(f.severity.level)),
                    .message(f.severity.message), .number(f.severity.value),
                    .term(f.severity.unit.rawValue, .term(f.severity.unit)),
                    .money(f.severity.atRisk), .message(p.message),
                    .text(p.chain ?? ""), .text(p.stage ?? ""), .text(p.inputStage ?? ""), .text(p.firm ?? ""),
                    .text(p.link?.supplier ?? ""), .text(p.link?.buyer ?? ""), .text(p.link?.product ?? ""),
                    .message(f.evidence.message), .message(f.remedy.message), .text(f.remedy.attractStage ?? ""),
                    .text(f.remedy.inPark.map(\.id).joined(separator: "|")),
                    .text(f.remedy.candidates.map(\.id).joined(separator: "|")),
                ]
            })
        var findingBlocks: [Block] = [.facts(summary), .table(findingTable)]
        for (i, f) in findings.enumerated() {
            findingBlocks.append(
                .paragraph(
                    Message(
                        "gaps.finding",
                        [
                            "rank": .integer(i + 1), "evidence": .message(f.evidence.message),
                            "remedy": .message(f.remedy.message),
                        ])))
        }
        if findingsTotal > findings.count {
            findingBlocks.append(.note(Message("gaps.more", ["count": .integer(findingsTotal - findings.count)])))
        }
        return Document(
            title: Message("gaps.title", ["name": .text(parkName), "id": .text(parkId)]),
            sections: [
                Section(key: "chains", title: "gaps.section.chains", blocks: [.table(chainTable)]),
                Section(key: "findings", title: "gaps.section.findings", blocks: findingBlocks),
            ],
            primaryTable: "findings")
    }
}

extension Message {
    /// The term for a gap kind (断链, 弱链, 细链, 短链, 卡点).
    public static func term(_ kind: GapKind) -> Message { Message("gapKind." + kind.rawValue) }
    /// The name of a gap rule.
    public static func term(_ rule: GapRule) -> Message { Message("gapRule." + rule.rawValue) }
    /// The term for a finding's level.
    public static func term(_ level: GapLevel) -> Message { Message("gapLevel." + level.rawValue) }
    /// The unit of a finding's severity value.
    public static func term(_ unit: SeverityUnit) -> Message { Message("gapUnit." + unit.rawValue) }
}

extension GapSeverity {
    /// The severity value with its unit, for people: 3.2亿元, 4 家企业, 62%, 2 个环节.
    var message: Message {
        switch unit {
        case .rmb: Message("gaps.severity.rmb", ["value": .money(value)])
        case .firms: Message("gaps.severity.firms", ["value": .integer(Int(value))])
        case .share: Message("gaps.severity.share", ["value": .percent(value)])
        case .stages: Message("gaps.severity.stages", ["value": .integer(Int(value))])
        }
    }
}

extension GapPlace {
    /// Where a finding is, as one phrase: a link, a firm in its stage, a stage pair, a stage
    /// or a chain (ids, as the data names them).
    var message: Message {
        if let l = link {
            return Message(
                "gaps.place.link",
                [
                    "supplier": .text(l.supplier), "buyer": .text(l.buyer),
                    "product": .message(
                        l.product.map { Message("gaps.place.product", ["product": .text($0)]) } ?? Message("gaps.empty")
                    ),
                ])
        }
        if let firm {
            return stage.map { Message("gaps.place.firmInStage", ["stage": .text($0), "firm": .text(firm)]) }
                ?? Message("gaps.place.id", ["id": .text(firm)])
        }
        if let stage {
            return inputStage.map { Message("gaps.place.stagePair", ["inputStage": .text($0), "stage": .text(stage)]) }
                ?? Message("gaps.place.id", ["id": .text(stage)])
        }
        return Message("gaps.place.id", ["id": .text(chain ?? "-")])
    }
}
