import ChainAnalysis
import ChainModel

extension WhatIfReport: DocumentRepresentable {
    /// `chainmap whatif`: what is at risk, the firms cut, the stages before and after, the
    /// firms weakened. The stage table is the main table (CSV); ``MainTable`` picks `cut`.
    public func document() -> Document {
        func firms(_ list: [GapFirmRef]) -> Message.Argument {
            .list(
                list.map { .message(Message("whatif.firm", ["name": .text($0.name), "id": .text($0.id)])) }, limit: 10)
        }
        var facts = [
            Fact(
                "outputAtRisk", "whatif.outputAtRisk",
                .message(
                    Message(
                        "whatif.outputAtRisk.value",
                        [
                            "total": .money(outputAtRisk), "removed": .money(removedOutput), "cut": .money(cutOutput),
                        ]))),
            Fact("cut", "whatif.cutCount", .integer(cutTotal)),
            Fact("weakened", "whatif.weakenedCount", .integer(weakenedTotal)),
            Fact(
                "lostLinks", "whatif.lostLinks",
                .message(
                    Message(
                        "whatif.lostLinks.value",
                        [
                            "links": .integer(lostLinks), "value": .money(lostLinkValue),
                        ]))),
            Fact(
                "brokenStages", "whatif.brokenStages",
                brokenStages.isEmpty
                    ? .message("whatif.none")
                    : .message(
                        Message("whatif.list", ["items": .list(brokenStages.map(Message.Argument.text), limit: 20)]))),
        ]
        if !unknown.isEmpty {
            facts.append(
                Fact(
                    "unknown", "whatif.unknown",
                    .message(Message("whatif.list", ["items": .list(unknown.map(Message.Argument.text), limit: 20)]))))
        }
        let cutTable = Table(
            key: "cut",
            columns: [
                Column("round", "whatif.col.round", .integer), Column("firm", "whatif.col.firmId"),
                Column("firmName", "whatif.col.firm"),
                Column("input", "whatif.col.input"), Column("lostSuppliers", "whatif.col.lostSuppliers"),
                Column("output", "whatif.col.output", .money), Column("inPark", "whatif.col.inPark", .bool),
            ],
            rows: cut.map { c in
                [
                    .integer(c.round), .text(c.firm.id), .text(c.firm.name), .text(c.input),
                    .term(
                        c.lostSuppliers.joined(separator: "|"),
                        Message("whatif.list", ["items": .list(c.lostSuppliers.map(Message.Argument.text), limit: 20)])),
                    c.output.map(Cell.money) ?? .empty, .bool(c.inPark),
                ]
            },
            omittedRows: cutTotal - cut.count)
        let stageTable = Table(
            key: "stages",
            columns: [
                Column("chain", "whatif.col.chain"), Column("stage", "whatif.col.stageId"),
                Column("name", "whatif.col.stage"),
                Column("required", "whatif.col.required", .bool),
                Column("firmsBefore", "whatif.col.firmsBefore", .integer),
                Column("firmsAfter", "whatif.col.firmsAfter", .integer),
                Column("outputBefore", "whatif.col.outputBefore", .money),
                Column("outputAfter", "whatif.col.outputAfter", .money), Column("state", "whatif.col.state"),
            ],
            rows: stages.map { s in
                let state = s.broken ? "broken" : s.firmsAfter < s.firmsBefore ? "hit" : "intact"
                return [
                    .text(s.chain), .text(s.stage), .text(s.name), .bool(s.required), .integer(s.firmsBefore),
                    .integer(s.firmsAfter),
                    .money(s.outputBefore), .money(s.outputAfter), .term(state, Message("whatif.state." + state)),
                ]
            })
        var sections = [
            Section(key: "overview", title: "whatif.section.overview", blocks: [.facts(facts)]),
            Section(
                key: "cut", title: "whatif.section.cut",
                blocks: cut.isEmpty ? [.paragraph("whatif.none"), .table(cutTable)] : [.table(cutTable)]),
            Section(
                key: "stages",
                title: chain.map { Message("whatif.section.stages.chain", ["chain": .text($0)]) }
                    ?? "whatif.section.stages",
                blocks: [.table(stageTable)]),
        ]
        if !weakened.isEmpty {
            var blocks: [Block] = [.paragraph(Message("whatif.list", ["items": firms(weakened)]))]
            if weakenedTotal > weakened.count {
                blocks.append(.note(Message("whatif.more", ["count": .integer(weakenedTotal - weakened.count)])))
            }
            sections.append(
                Section(
                    key: "weakened", title: Message("whatif.section.weakened", ["count": .integer(weakenedTotal)]),
                    blocks: blocks))
        }
        return Document(
            title: Message("whatif.title", ["park": .text(parkName), "id": .text(parkId), "removed": firms(removed)]),
            sections: sections,
            primaryTable: "stages")
    }
}
