import ChainAnalysis
import ChainModel

/// Cells and columns the match reports share.
enum MatchLayout {
    static func direction(_ d: MatchDirection) -> Cell { .term(d.rawValue, Message("match.direction." + d.rawValue)) }

    static func score(_ x: Double?) -> Cell { x.map { .number($0, digits: 3) } ?? .empty }

    static func channels(_ list: [MatchChannel]) -> Cell {
        list.isEmpty
            ? .empty
            : .message(Message("match.channels", ["channels": .list(list.map { .message($0.message) }, limit: 20)]))
    }

    /// Columns after the explanation: what is matched, then the score's parts.
    static let detailColumns: [Column] = [
        Column("need", "match.col.need"), Column("offer", "match.col.offer"), Column("wanted", "match.col.wanted"),
        Column("fit", "match.col.fit", .number), Column("template", "match.col.template", .number),
        Column("proximity", "match.col.proximity", .number), Column("locality", "match.col.locality", .number),
        Column("capacity", "match.col.capacity", .number), Column("leader", "match.col.leader", .number),
        Column("record", "match.col.record", .number), Column("channels", "match.col.channels"),
    ]

    static func detail(_ s: MatchSuggestion) -> [Cell] {
        [
            s.need.map(Cell.text) ?? .empty, .text(s.offer), .text(s.wanted),
            score(s.score.fit), score(s.score.template), score(s.score.proximity), score(s.score.locality),
            score(s.score.capacity), score(s.score.leader), score(s.score.record), channels(s.channels),
        ]
    }

    static func weights(_ w: MatchWeights) -> Message {
        Message(
            "match.weights",
            [
                "fit": .number(w.fit), "template": .number(w.template), "proximity": .number(w.proximity),
                "locality": .number(w.locality), "capacity": .number(w.capacity), "leader": .number(w.leader),
                "record": .number(w.record),
            ])
    }
}

extension FirmMatchReport: DocumentRepresentable {
    /// `chainmap match firm`: for people, one section per direction (rank, candidate, score,
    /// why); for spreadsheets (CSV), every suggestion with its score parts in one data table.
    public func document() -> Document {
        var sections: [Section] = []
        for d in directions {
            let list = suggestions(d)
            let table = Table(
                key: d.rawValue,
                columns: [
                    Column("rank", "match.col.rank", .integer), Column("candidate", "match.col.candidateId"),
                    Column("candidateName", "match.col.candidate"), Column("score", "match.col.score", .number),
                    Column("explanation", "match.col.why"),
                ],
                rows: list.enumerated().map { i, s in
                    [
                        .integer(i + 1), .text(s.candidate), .text(s.candidateName), MatchLayout.score(s.score.total),
                        .message(s.explanation),
                    ]
                })
            let title = Message(
                "match.countOf",
                ["term": .message(Message("match.direction." + d.rawValue)), "count": .integer(list.count)])
            sections.append(
                Section(
                    key: d.rawValue, title: title,
                    blocks: list.isEmpty ? [.paragraph("match.firm.none")] : [.table(table)]))
            // Outside firms in their own section, after the in-park ones (就近配套 first).
            let away = outside(d)
            if !away.isEmpty {
                let awayTable = Table(
                    key: d.rawValue + "Outside",
                    columns: [
                        Column("rank", "match.col.rank", .integer), Column("candidate", "match.col.candidateId"),
                        Column("candidateName", "match.col.candidate"), Column("score", "match.col.score", .number),
                        Column("explanation", "match.col.why"),
                    ],
                    rows: away.enumerated().map { i, s in
                        [
                            .integer(i + 1), .text(s.candidate), .text(s.candidateName),
                            MatchLayout.score(s.score.total), .message(s.explanation),
                        ]
                    })
                sections.append(
                    Section(
                        key: d.rawValue + "Outside",
                        title: Message(
                            "match.outside.countOf",
                            ["term": .message(Message("match.direction." + d.rawValue)), "count": .integer(away.count)]),
                        blocks: [.paragraph("match.outside.note"), .table(awayTable)]))
            }
        }
        if !unanswered.isEmpty {
            // Why an answer is empty: each open need no suggestion answers, with the reason.
            let table = Table(
                key: "unanswered",
                columns: [
                    Column("need", "match.col.need"), Column("direction", "match.col.direction"),
                    Column("wanted", "match.col.wanted"), Column("inParkOffers", "match.col.inParkOffers", .integer),
                    Column("outsideOffers", "match.col.outsideOffers", .integer), Column("reason", "match.col.reason"),
                ],
                rows: unanswered.map { u in
                    [
                        .text(u.need), MatchLayout.direction(u.direction), .text(u.wanted), .integer(u.inParkOffers),
                        .integer(u.outsideOffers), .message(u.reason),
                    ]
                })
            sections.append(
                Section(
                    key: "unanswered", title: Message("match.unanswered.title", ["count": .integer(unanswered.count)]),
                    blocks: [.table(table)]))
        }
        if let last = sections.indices.last { sections[last].blocks.append(.note(MatchLayout.weights(weights))) }
        var rank: [String: Int] = [:]
        let data = Table(
            key: "suggestions",
            columns: [
                Column("direction", "match.col.direction"), Column("rank", "match.col.rank", .integer),
                Column("candidate", "match.col.candidateId"), Column("candidateName", "match.col.candidate"),
                Column("outside", "match.col.outside", .bool),
                Column("score", "match.col.score", .number), Column("explanation", "match.col.why"),
            ] + MatchLayout.detailColumns,
            rows: (suggestions.map { ($0, false) } + outside.map { ($0, true) }).map { s, away in
                let key = away ? s.direction.rawValue + "Outside" : s.direction.rawValue
                rank[key, default: 0] += 1
                return [
                    MatchLayout.direction(s.direction), .integer(rank[key] ?? 0), .text(s.candidate),
                    .text(s.candidateName),
                    .bool(away), MatchLayout.score(s.score.total), .message(s.explanation),
                ] + MatchLayout.detail(s)
            })
        return Document(
            title: Message("match.firm.title", ["firm": .text(firmName), "id": .text(firm), "park": .text(parkName)]),
            sections: sections,
            dataTable: data)
    }
}

extension MatchAgendaReport: DocumentRepresentable {
    /// `chainmap match agenda`: the totals, then one row per meeting (who meets whom, why);
    /// the score parts are in the data table (CSV).
    public func document() -> Document {
        let a = agenda
        let facts = [
            Fact("meetings", "match.agenda.meetings", .integer(a.meetings.count)),
            Fact("perFirm", "match.agenda.perFirm", .integer(a.perFirm)),
            Fact("total", "match.agenda.total", .number(a.total, digits: 3)),
            Fact(
                "greedy", "match.agenda.greedy",
                .message(
                    Message(
                        "match.agenda.greedy.value",
                        [
                            "total": .number(a.greedyTotal, digits: 3), "meetings": .integer(a.greedyMeetings),
                        ]))),
            Fact("upperBound", "match.agenda.upperBound", .number(a.upperBound, digits: 3)),
            Fact("candidatePairs", "match.agenda.candidatePairs", .integer(a.candidatePairs)),
        ]
        let people = Table(
            key: "meetings",
            columns: [
                Column("meeting", "match.col.meeting", .integer), Column("requesterName", "match.col.requester"),
                Column("offererName", "match.col.offerer"), Column("direction", "match.col.kind"),
                Column("score", "match.col.score", .number), Column("explanation", "match.col.why"),
            ],
            rows: a.meetings.enumerated().map { i, m in
                [
                    .integer(i + 1), .text(m.requesterName), .text(m.offererName),
                    MatchLayout.direction(m.suggestion.direction),
                    MatchLayout.score(m.suggestion.score.total), .message(m.suggestion.explanation),
                ]
            })
        let data = Table(
            key: "meetings",
            columns: [
                Column("meeting", "match.col.meeting", .integer),
                Column("requester", "match.col.requesterId"), Column("requesterName", "match.col.requester"),
                Column("offerer", "match.col.offererId"), Column("offererName", "match.col.offerer"),
                Column("direction", "match.col.kind"), Column("score", "match.col.score", .number),
                Column("explanation", "match.col.why"),
            ] + MatchLayout.detailColumns,
            rows: a.meetings.enumerated().map { i, m in
                [
                    .integer(i + 1), .text(m.requester), .text(m.requesterName), .text(m.offerer), .text(m.offererName),
                    MatchLayout.direction(m.suggestion.direction), MatchLayout.score(m.suggestion.score.total),
                    .message(m.suggestion.explanation),
                ] + MatchLayout.detail(m.suggestion)
            })
        return Document(
            title: Message("match.agenda.title", ["park": .text(parkName)]),
            sections: [
                Section(
                    key: "overview", title: "match.agenda.section.overview",
                    blocks: [.facts(facts), .note(MatchLayout.weights(weights))]),
                Section(key: "meetings", title: "match.agenda.section.meetings", blocks: [.table(people)]),
            ],
            dataTable: data)
    }
}

extension StageCandidateReport: DocumentRepresentable {
    /// `chainmap match stage`: firms to build or attract for one stage, best first.
    public func document() -> Document {
        let table = Table(
            key: "candidates",
            columns: [
                Column("rank", "match.col.rank", .integer), Column("firm", "match.col.firmId"),
                Column("firmName", "match.col.firm"),
                Column("where", "match.col.where"), Column("offer", "match.col.makes"),
                Column("fit", "match.col.fit", .number), Column("score", "match.col.score", .number),
                Column("output", "match.col.output", .money),
            ],
            rows: candidates.enumerated().map { i, c in
                [
                    .integer(i + 1), .text(c.firm), .text(c.firmName), StageCandidateReport.place(c), .text(c.offer),
                    .number(c.fit, digits: 3), .number(c.score, digits: 3), c.output.map(Cell.money) ?? .empty,
                ]
            })
        var blocks: [Block] = [.table(table)]
        if candidates.isEmpty { blocks = [.paragraph("match.stage.none")] + blocks }
        return Document(
            title: Message(
                "match.stage.title", ["stage": .text(stageName), "id": .text(stage), "park": .text(parkName)]),
            sections: [
                Section(key: "candidates", title: "match.stage.section", blocks: blocks + [.note("match.stage.note")])
            ],
            primaryTable: "candidates")
    }

    /// In the park, outside and already in the stage, or outside.
    static func place(_ c: StageCandidate) -> Cell {
        let key = c.inPark ? "in-park" : c.sameStage ? "outside-same-stage" : "outside"
        return .term(key, Message("match.where." + key))
    }
}

extension GapFillReport: DocumentRepresentable {
    /// `chainmap match gaps`: for people, one section per finding with its candidates; for
    /// spreadsheets (CSV), every candidate of every finding in one data table.
    public func document() -> Document {
        var rows: [[Cell]] = []
        var sections = [
            Section(
                key: "overview", title: "match.gaps.section",
                blocks: [.paragraph(Message("match.gaps.summary", ["findings": .integer(findings.count)]))])
        ]
        for (n, g) in findings.enumerated() {
            let rule = Cell.term(g.rule.rawValue, Message("match.gapRule." + g.rule.rawValue))
            let level = Cell.term(g.level.rawValue, Message("match.gapLevel." + g.level.rawValue))
            var found: [[Cell]] = []  // kind, rank, candidate, candidateName, where, offer, score, explanation
            for (i, c) in g.stageCandidates.enumerated() {
                found.append([
                    .term("stage", "match.fill.stage"), .integer(i + 1), .text(c.firm), .text(c.firmName),
                    StageCandidateReport.place(c), .text(c.offer), .number(c.score, digits: 3), .empty,
                ])
            }
            for (i, s) in g.suppliers.enumerated() {
                found.append([
                    .term("supplier", "match.fill.supplier"), .integer(i + 1), .text(s.candidate),
                    .text(s.candidateName),
                    .empty, .text(s.offer), .number(s.score.total, digits: 3), .message(s.explanation),
                ])
            }
            let head: [Cell] = [
                .text(g.place), rule, level, g.stage.map(Cell.text) ?? .empty, g.firm.map(Cell.text) ?? .empty,
            ]
            rows +=
                found.isEmpty
                ? [head + [.term("none", "match.fill.none")] + Array(repeating: Cell.empty, count: 7)]
                : found.map { head + $0 }
            let table = Table(key: "finding-\(n + 1)", columns: Self.candidateColumns, rows: found)
            sections.append(
                Section(
                    key: "finding-\(n + 1)",
                    title: Message(
                        "match.gaps.finding",
                        [
                            "n": .integer(n + 1), "level": .message(Message("match.gapLevel." + g.level.rawValue)),
                            "rule": .message(Message("match.gapRule." + g.rule.rawValue)), "place": .text(g.place),
                        ]),
                    blocks: found.isEmpty ? [.paragraph("match.fill.none")] : [.table(table)]))
        }
        let data = Table(
            key: "fills",
            columns: [
                Column("place", "match.col.place"), Column("rule", "match.col.rule"),
                Column("level", "match.col.level"),
                Column("stage", "match.col.stageId"), Column("firm", "match.col.firmId"),
            ] + Self.candidateColumns,
            rows: rows)
        return Document(
            title: Message("match.gaps.title", ["park": .text(parkName)]), sections: sections, dataTable: data)
    }

    static let candidateColumns = [
        Column("kind", "match.col.fillKind"), Column("rank", "match.col.rank", .integer),
        Column("candidate", "match.col.candidateId"),
        Column("candidateName", "match.col.candidate"), Column("where", "match.col.where"),
        Column("offer", "match.col.makes"),
        Column("score", "match.col.score", .number), Column("explanation", "match.col.why"),
    ]
}

extension MatchEvaluation: DocumentRepresentable {
    /// `chainmap match evaluate`: precision@k, recall@k and MRR per direction and method.
    public func document() -> Document {
        let k = options.k
        let table = Table(
            key: "rows",
            columns: [
                Column("direction", "match.col.direction"), Column("method", "match.col.method"),
                Column("queries", "match.col.queries", .integer),
                Column("precisionAtK", Message("match.col.precisionAtK", ["k": .integer(k)]), .number),
                Column("recallAtK", Message("match.col.recallAtK", ["k": .integer(k)]), .number),
                Column("mrr", "match.col.mrr", .number),
            ],
            rows: rows.map { r in
                [
                    MatchLayout.direction(r.direction), .term(r.method, Message("match.method." + r.method)),
                    .integer(r.queries),
                    .number(r.precision, digits: 3), .number(r.recall, digits: 3), .number(r.mrr, digits: 3),
                ]
            })
        return Document(
            title: Message("match.evaluate.title", ["park": .text(parkName)]),
            sections: [
                Section(
                    key: "rows", title: "match.evaluate.section",
                    blocks: [
                        .paragraph(
                            Message(
                                "match.evaluate.summary",
                                [
                                    "hidden": .integer(hiddenLinks), "active": .integer(activeLinks),
                                    "share": .percent(options.hide),
                                    "seed": .text(String(options.seed)), "k": .integer(k),
                                ])),
                        .table(table),
                        .note("match.evaluate.note"),
                    ])
            ],
            primaryTable: "rows")
    }
}

extension MatchBenchmark: DocumentRepresentable {
    /// `chainmap match benchmark`: query times.
    public func document() -> Document {
        let table = Table(
            key: "benchmark",
            columns: [
                Column("firms", "match.col.firms", .integer), Column("queries", "match.col.queries", .integer),
                Column("suggestions", "match.col.suggestions", .integer),
                Column("indexSeconds", "match.col.indexSeconds", .number),
                Column("meanMilliseconds", "match.col.mean", .number),
                Column("medianMilliseconds", "match.col.median", .number),
                Column("p99Milliseconds", "match.col.p99", .number),
                Column("maxMilliseconds", "match.col.max", .number),
            ],
            rows: [
                [
                    .integer(firms), .integer(queries), .integer(suggestions), .number(indexSeconds, digits: 2),
                    .number(meanMilliseconds, digits: 2), .number(medianMilliseconds, digits: 2),
                    .number(p99Milliseconds, digits: 2), .number(maxMilliseconds, digits: 2),
                ]
            ])
        return Document(
            title: Message("match.benchmark.title", ["park": .text(parkName)]),
            sections: [
                Section(
                    key: "benchmark", title: "match.benchmark.section",
                    blocks: [.table(table), .note("match.benchmark.note")])
            ],
            primaryTable: "benchmark")
    }
}
