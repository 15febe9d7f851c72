import ChainAnalysis
import ChainModel

extension GapBenchmark: DocumentRepresentable {
    /// `chainmap gaps benchmark`: planted truths found per kind and per template set, false
    /// findings per park and findings per planted gap; every park in the data table.
    public func document() -> Document {
        let summaryColumns = [
            Column("templates", "gapbench.col.templates"), Column("parks", "gapbench.col.parks", .integer),
            Column("planted", "gapbench.col.planted", .integer), Column("found", "gapbench.col.found", .integer),
            Column("foundShare", "gapbench.col.foundShare", .percent),
            Column("truths", "gapbench.col.truths", .integer),
            Column("truthsFound", "gapbench.col.truthsFound", .integer),
            Column("findings", "gapbench.col.findings", .integer),
            Column("falsePerPark", "gapbench.col.falsePerPark", .number),
            Column("ratio", "gapbench.col.ratio", .number),
            Column("maxRatio", "gapbench.col.maxRatio", .number),
            Column("brokenAtEnds", "gapbench.col.brokenAtEnds", .integer),
        ]
        func row(_ s: Summary) -> [Cell] {
            [
                s.templates.isEmpty ? .message("gapbench.all") : .text(s.templates), .integer(s.parks),
                .integer(s.planted), .integer(s.found),
                .percent(s.foundShare), .integer(s.truths), .integer(s.truthsFound), .integer(s.findings),
                .number(s.falsePerPark, digits: 2), .number(s.ratio, digits: 2), .number(s.maxRatio, digits: 2),
                .integer(s.brokenAtEnds),
            ]
        }
        let summary = Table(key: "templates", columns: summaryColumns, rows: byTemplates.map(row) + [row(total)])
        let kinds = Table(
            key: "kinds",
            columns: [
                Column("kind", "gapbench.col.kind"), Column("planted", "gapbench.col.planted", .integer),
                Column("found", "gapbench.col.found", .integer), Column("share", "gapbench.col.foundShare", .percent),
            ],
            rows: byKind.map {
                [
                    .term($0.kind, Message("gapbench.kind." + $0.kind)), .integer($0.planted), .integer($0.found),
                    .percent($0.share),
                ]
            })
        let runsTable = Table(
            key: "runs",
            columns: [
                Column("templates", "gapbench.col.templates"), Column("firms", "gapbench.col.firms", .integer),
                Column("seed", "gapbench.col.seed"), Column("planted", "gapbench.col.planted", .integer),
                Column("found", "gapbench.col.found", .integer), Column("truths", "gapbench.col.truths", .integer),
                Column("truthsFound", "gapbench.col.truthsFound", .integer),
                Column("findings", "gapbench.col.findings", .integer),
                Column("falseFindings", "gapbench.col.falseFindings", .integer),
                Column("brokenAtEnds", "gapbench.col.brokenAtEnds", .integer), Column("missed", "gapbench.col.missed"),
            ],
            rows: runs.map { r in
                [
                    .text(r.templates), .integer(r.firms), .text(String(r.seed)), .integer(r.planted),
                    .integer(r.found), .integer(r.truths),
                    .integer(r.truthsFound), .integer(r.findings), .integer(r.falseFindings), .integer(r.brokenAtEnds),
                    .text(r.missed.joined(separator: " ")),
                ]
            })
        let missedRuns = runs.filter { !$0.missed.isEmpty }
        let missedTable = Table(
            key: "missed", columns: runsTable.columns,
            rows: runsTable.rows.enumerated().compactMap { k, row in
                runs[k].missed.isEmpty ? nil : row
            })
        var sections = [
            Section(
                key: "templates", title: "gapbench.section.templates",
                blocks: [
                    .paragraph(
                        Message(
                            "gapbench.summary",
                            [
                                "parks": .integer(total.parks), "sets": .integer(options.templateSets.count),
                                "seeds": .integer(options.seeds.count),
                                "firms": .list(options.firms.map { .integer($0) }, limit: 10),
                            ])),
                    .table(summary), .note("gapbench.note"),
                ]),
            Section(
                key: "kinds", title: "gapbench.section.kinds",
                blocks: [
                    .table(kinds), .note(Message("gapbench.kinds.note", ["top": .integer(options.capabilityTop)])),
                ]),
        ]
        sections.append(
            Section(
                key: "missed", title: "gapbench.section.missed",
                blocks: missedRuns.isEmpty ? [.paragraph("gapbench.missed.none")] : [.table(missedTable)]))
        return Document(title: "gapbench.title", sections: sections, primaryTable: "templates", dataTable: runsTable)
    }
}
