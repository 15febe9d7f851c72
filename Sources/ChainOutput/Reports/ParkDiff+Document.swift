import ChainAnalysis
import ChainModel

extension ParkDiff: DocumentRepresentable {
    /// `chainmap diff`: the key figures before → after (with coverage as the articles write
    /// it, 58% → 70%, and the counts behind it), then firms, links, coverage by park, chain and
    /// stage, organizations, pairings, needs, gap findings and ids that changed meaning. With
    /// ``section`` only that part; CSV writes its table (default: the figures).
    public func document() -> Document {
        let all: [(Section, ChainOutput.Section, String)] = [
            (.figures, figuresSection(), "figures"), (.firms, firmsSection(), "firmChanges"),
            (.links, linksSection(), "linkChanges"),
            (.coverage, coverageSection(), "coverage"), (.organizations, organizationsSection(), "organizationChanges"),
            (.pairings, pairingsSection(), "pairingChanges"), (.needs, needsSection(), "needChanges"),
            (.gaps, gapsSection(), "findingChanges"), (.meaning, meaningSection(), "changedMeaning"),
        ]
        let shown = all.filter { section == nil || $0.0 == section }
        return Document(
            title: Message(
                "diff.title",
                [
                    "name": .text(parkName), "id": .text(parkId), "old": .text(oldDate ?? "?"),
                    "new": .text(newDate ?? "?"),
                ]),
            sections: shown.map(\.1),
            primaryTable: shown.first { $0.0 == (section ?? .figures) }?.2)
    }

    // MARK: helpers

    private func more(_ key: String, _ shown: Int) -> [Block] {
        let total = totals[key] ?? shown
        return total > shown ? [.note(Message("diff.more", ["count": .integer(total - shown)]))] : []
    }

    private func change(_ key: String) -> Cell { .term(key, Message("diff.change." + key)) }

    private func opt(_ v: Double?, _ make: (Double) -> Cell) -> Cell { v.map(make) ?? .empty }

    private func count(_ key: String) -> Int { totals[key] ?? 0 }

    /// An integer percentage, as the articles write rates (58%).
    private func wholePercent(_ rate: Double?) -> Message.Argument {
        rate.map { .number(($0 * 100).rounded(), digits: 0) } ?? .text("—")
    }

    // MARK: sections

    private func figuresSection() -> ChainOutput.Section {
        let b = before, a = after
        func row(_ key: String, _ before: Cell, _ after: Cell, _ delta: Cell) -> [Cell] {
            [.term(key, Message("diff.figure." + key)), before, after, delta]
        }
        func int(_ key: String, _ x: Int, _ y: Int) -> [Cell] { row(key, .integer(x), .integer(y), .integer(y - x)) }
        func rate(_ key: String, _ x: Double?, _ y: Double?) -> [Cell] {
            row(
                key, opt(x, Cell.percent), opt(y, Cell.percent),
                x.flatMap { x in y.map { Cell.percent($0 - x) } } ?? .empty)
        }
        var rows: [[Cell]] = [
            int("firmsInPark", b.firmsInPark, a.firmsInPark),
            row(
                "outputInPark", .money(b.outputInPark), .money(a.outputInPark), .money(a.outputInPark - b.outputInPark)),
            int("links", b.links, a.links), int("activeLinks", b.activeLinks, a.activeLinks),
            rate("localShare", b.localShare, a.localShare),
            int("coverageFirms", b.coverageFirms, a.coverageFirms),
            int("withOrganization", b.withOrganization, a.withOrganization),
            rate("organizationCoverage", b.organizationRate, a.organizationRate),
            int("workCovered", b.workCovered, a.workCovered), rate("workCoverage", b.workRate, a.workRate),
            int("needsOpen", b.needsOpen, a.needsOpen), int("needsSolved", b.needsSolved, a.needsSolved),
            int("findings", b.findingsTotal, a.findingsTotal),
        ]
        for (x, y) in zip(b.findings, a.findings) {
            rows.append([
                .term(
                    "findings." + x.kind.rawValue, Message("diff.figure.findingsOf", ["kind": .message(.term(x.kind))])),
                .integer(x.count), .integer(y.count), .integer(y.count - x.count),
            ])
        }
        rows.append(row("atRisk", .money(b.atRisk), .money(a.atRisk), .money(a.atRisk - b.atRisk)))
        let table = Table(
            key: "figures",
            columns: [
                Column("figure", "diff.col.figure"), Column("before", "diff.col.before", .number),
                Column("after", "diff.col.after", .number), Column("change", "diff.col.change", .number),
            ],
            rows: rows)
        let headline = Message(
            "diff.coverage.headline",
            [
                "before": wholePercent(b.organizationRate), "after": wholePercent(a.organizationRate),
                "withBefore": .integer(b.withOrganization), "firmsBefore": .integer(b.coverageFirms),
                "withAfter": .integer(a.withOrganization), "firmsAfter": .integer(a.coverageFirms),
            ])
        let work = Message(
            "diff.work.headline",
            [
                "before": wholePercent(b.workRate), "after": wholePercent(a.workRate),
                "coveredBefore": .integer(b.workCovered), "firmsBefore": .integer(b.coverageFirms),
                "coveredAfter": .integer(a.workCovered), "firmsAfter": .integer(a.coverageFirms),
            ])
        let summary = Message(
            "diff.summary",
            [
                "entered": .integer(firms.enteredInPark), "left": .integer(firms.leftInPark),
                "added": .integer(count("linksAdded")), "removed": .integer(count("linksRemoved")),
                "statusChanged": .integer(count("linksStatusChanged")),
                "raised": .integer(count("needsRaised")), "solved": .integer(count("needsSolved")),
                "opened": .integer(count("gapsOpened")), "closed": .integer(count("gapsClosed")),
            ])
        return ChainOutput.Section(
            key: "figures", title: "diff.section.figures",
            blocks: [.paragraph(headline), .paragraph(work), .paragraph(summary), .table(table)])
    }

    private func firmsSection() -> ChainOutput.Section {
        let stages = Table(
            key: "firmsByStage",
            columns: [
                Column("chain", "diff.col.chainId"), Column("stage", "diff.col.stageId"),
                Column("stageName", "diff.col.stage"),
                Column("enteredInPark", "diff.col.enteredInPark", .integer),
                Column("leftInPark", "diff.col.leftInPark", .integer),
                Column("enteredOutside", "diff.col.enteredOutside", .integer),
                Column("leftOutside", "diff.col.leftOutside", .integer),
            ],
            rows: firms.byStage.map { s in
                [
                    .text(s.chain ?? ""), .text(s.stage), s.stageName.map(Cell.text) ?? .message("diff.noStage"),
                    .integer(s.enteredInPark),
                    .integer(s.leftInPark), .integer(s.enteredOutside), .integer(s.leftOutside),
                ]
            })
        func rows(_ list: [FirmRef], _ key: String) -> [[Cell]] {
            list.map { f in
                [
                    change(key), .text(f.id), .text(f.name), .text(f.stage ?? ""), .bool(f.inPark),
                    opt(f.output, Cell.money),
                ]
            }
        }
        let list = Table(
            key: "firmChanges",
            columns: [
                Column("change", "diff.col.change"), Column("firm", "diff.col.firmId"),
                Column("name", "diff.col.firmName"),
                Column("stage", "diff.col.stageId"), Column("inPark", "diff.col.inPark", .bool),
                Column("output", "diff.col.output", .money),
            ],
            rows: rows(firms.entered, "entered") + rows(firms.left, "left"))
        let facts = [
            Fact(
                "firms", "diff.fact.firms",
                .message(
                    Message(
                        "diff.firms.value",
                        [
                            "enteredIn": .integer(firms.enteredInPark), "leftIn": .integer(firms.leftInPark),
                            "enteredOut": .integer(firms.enteredOutside), "leftOut": .integer(firms.leftOutside),
                        ])))
        ]
        return ChainOutput.Section(
            key: "firms", title: "diff.section.firms",
            blocks: [.facts(facts), .table(stages), .table(list)] + more("firmsEntered", firms.entered.count)
                + more("firmsLeft", firms.left.count))
    }

    private func linkRows(_ list: [LinkChange], _ key: String) -> [[Cell]] {
        list.map { l in
            [
                change(key), .text(l.supplier), .text(l.buyer), .text(l.product ?? ""), .text(l.id ?? ""),
                l.statusBefore.map { .term($0.rawValue, .term($0)) } ?? .empty,
                l.statusAfter.map { .term($0.rawValue, .term($0)) } ?? .empty,
                opt(l.valueBefore, Cell.money), opt(l.valueAfter, Cell.money),
            ]
        }
    }

    private var linkColumns: [Column] {
        [
            Column("change", "diff.col.change"), Column("supplier", "diff.col.supplier"),
            Column("buyer", "diff.col.buyer"),
            Column("product", "diff.col.product"), Column("link", "diff.col.linkId"),
            Column("statusBefore", "diff.col.statusBefore"),
            Column("statusAfter", "diff.col.statusAfter"), Column("valueBefore", "diff.col.valueBefore", .money),
            Column("valueAfter", "diff.col.valueAfter", .money),
        ]
    }

    private func linksSection() -> ChainOutput.Section {
        let table = Table(
            key: "linkChanges", columns: linkColumns,
            rows: linkRows(links.added, "added") + linkRows(links.removed, "removed")
                + linkRows(links.statusChanged, "statusChanged")
                + linkRows(links.valueChanged, "valueChanged"))
        let transitions = links.transitions.keys.sorted().map { k -> Message.Argument in
            // The machine key is `old->new`; people read the two statuses in their words, old → new.
            let statuses = k.components(separatedBy: "->").map { Message.Argument.message(Message("linkStatus." + $0)) }
            return .message(
                Message(
                    "diff.transition",
                    ["transition": .sequence(statuses), "count": .integer(links.transitions[k] ?? 0)]))
        }
        let facts = [
            Fact(
                "links", "diff.fact.links",
                .message(
                    Message(
                        "diff.links.value",
                        [
                            "added": .integer(count("linksAdded")), "removed": .integer(count("linksRemoved")),
                            "statusChanged": .integer(count("linksStatusChanged")),
                            "valueChanged": .integer(count("linksValueChanged")),
                        ]))),
            Fact(
                "transitions", "diff.fact.transitions",
                .message(Message("diff.list", ["items": .list(transitions, limit: 12)]))),
        ]
        return ChainOutput.Section(
            key: "links", title: "diff.section.links",
            blocks: [.facts(facts), .table(table)]
                + more("linksAdded", links.added.count) + more("linksRemoved", links.removed.count)
                + more("linksStatusChanged", links.statusChanged.count)
                + more("linksValueChanged", links.valueChanged.count))
    }

    private func coverageSection() -> ChainOutput.Section {
        let table = Table(
            key: "coverage",
            columns: [
                Column("scopeName", "diff.col.scope", audience: .people),
                Column("scope", "diff.col.scope", audience: .programs),
                Column("chain", "diff.col.chainId", audience: .programs),
                Column("stage", "diff.col.stageId", audience: .programs),
                Column("firmsBefore", "diff.col.firmsBefore", .integer),
                Column("firmsAfter", "diff.col.firmsAfter", .integer),
                Column("withOrganizationBefore", "diff.col.withOrganizationBefore", .integer),
                Column("withOrganizationAfter", "diff.col.withOrganizationAfter", .integer),
                Column("organizationRateBefore", "diff.col.organizationRateBefore", .percent),
                Column("organizationRateAfter", "diff.col.organizationRateAfter", .percent),
                Column("workCoveredBefore", "diff.col.workCoveredBefore", .integer),
                Column("workCoveredAfter", "diff.col.workCoveredAfter", .integer),
                Column("workRateBefore", "diff.col.workRateBefore", .percent),
                Column("workRateAfter", "diff.col.workRateAfter", .percent),
            ],
            rows: coverage.map { r in
                let name = OrganizationReport.scopeName(
                    r.scope, chain: r.chain, chainName: r.chainName, stage: r.stage, stageName: r.stageName)
                return [
                    .message(name), .text(r.scope.rawValue), .text(r.chain ?? ""), .text(r.stage ?? ""),
                    .integer(r.before.firms), .integer(r.after.firms), .integer(r.before.withOrganization),
                    .integer(r.after.withOrganization),
                    opt(r.before.organizationRate, Cell.percent), opt(r.after.organizationRate, Cell.percent),
                    .integer(r.before.workCovered), .integer(r.after.workCovered),
                    opt(r.before.workRate, Cell.percent), opt(r.after.workRate, Cell.percent),
                ]
            })
        return ChainOutput.Section(key: "coverage", title: "diff.section.coverage", blocks: [.table(table)])
    }

    private func organizationsSection() -> ChainOutput.Section {
        func rows(_ list: [OrganizationRef], _ key: String) -> [[Cell]] {
            list.map { o in
                [
                    change(key), .text(o.id), .text(o.name), .term(o.kind.rawValue, .term(o.kind)),
                    .text(o.hostFirm ?? ""),
                ]
            }
        }
        let table = Table(
            key: "organizationChanges",
            columns: [
                Column("change", "diff.col.change"), Column("organization", "diff.col.organizationId"),
                Column("name", "diff.col.organizationName"), Column("kind", "diff.col.kind"),
                Column("hostFirm", "diff.col.hostFirm"),
            ],
            rows: rows(organizations.opened, "opened") + rows(organizations.closed, "closed"))
        let facts = [
            Fact(
                "organizations", "diff.fact.organizations",
                .message(
                    Message(
                        "diff.organizations.value",
                        [
                            "opened": .integer(count("organizationsOpened")),
                            "closed": .integer(count("organizationsClosed")),
                        ])))
        ]
        return ChainOutput.Section(
            key: "organizations", title: "diff.section.organizations",
            blocks: [.facts(facts), .table(table)]
                + more("organizationsOpened", organizations.opened.count)
                + more("organizationsClosed", organizations.closed.count))
    }

    private func pairingsSection() -> ChainOutput.Section {
        func rows(_ list: [PairingRef], _ key: String) -> [[Cell]] {
            list.map { p in
                [
                    change(key), Self.pairingCell(p), .text(p.a), .text(p.b), .term(p.kind.rawValue, .term(p.kind)),
                    .empty,
                ]
            }
        }
        let supply = pairingsTurned()
        let table = Table(
            key: "pairingChanges",
            columns: [
                Column("change", "diff.col.change"), Column("pairing", "diff.col.pairing"),
                Column("a", "diff.col.partyA"),
                Column("b", "diff.col.partyB"), Column("kind", "diff.col.kind"), Column("links", "diff.col.links"),
            ],
            rows: rows(pairings.added, "added") + rows(pairings.removed, "removed") + supply)
        let facts = [
            Fact(
                "pairings", "diff.fact.pairings",
                .message(
                    Message(
                        "diff.pairings.value",
                        [
                            "added": .integer(count("pairingsAdded")), "removed": .integer(count("pairingsRemoved")),
                            "supply": .integer(count("pairingsTurnedIntoSupply")),
                        ])))
        ]
        return ChainOutput.Section(
            key: "pairings", title: "diff.section.pairings",
            blocks: [.facts(facts), .table(table)]
                + more("pairingsAdded", pairings.added.count) + more("pairingsRemoved", pairings.removed.count)
                + more("pairingsTurnedIntoSupply", pairings.turnedIntoSupply.count))
    }

    /// A pairing's id; one without an id is keyed by its parties and kind for programs (CSV,
    /// JSON) and shown to people as unnumbered, since its parties stand in the next columns.
    private static func pairingCell(_ p: PairingRef) -> Cell {
        p.id.map { .text($0) } ?? .term(p.key, Message("diff.pairing.noId"))
    }

    private func pairingsTurned() -> [[Cell]] {
        pairings.turnedIntoSupply.map { s in
            let links = s.links.map { l -> Message.Argument in
                .message(
                    Message(
                        "diff.link",
                        ["supplier": .text(l.supplier), "buyer": .text(l.buyer), "product": .text(l.product ?? "")]))
            }
            return [
                change("turnedIntoSupply"), Self.pairingCell(s.pairing), .text(s.pairing.a), .text(s.pairing.b),
                .term(s.pairing.kind.rawValue, .term(s.pairing.kind)),
                .message(Message("diff.list", ["items": .list(links, limit: 5)])),
            ]
        }
    }

    private func needsSection() -> ChainOutput.Section {
        func rows(_ list: [NeedChange], _ key: String) -> [[Cell]] {
            list.map { n in
                [
                    change(key), .text(n.id), .text(n.firm), .term(n.kind.rawValue, .term(n.kind)),
                    n.statusBefore.map { .term($0.rawValue, .term($0)) } ?? .empty,
                    n.statusAfter.map { .term($0.rawValue, .term($0)) } ?? .empty,
                    .text(n.text ?? ""),
                ]
            }
        }
        let table = Table(
            key: "needChanges",
            columns: [
                Column("change", "diff.col.change"), Column("need", "diff.col.needId"),
                Column("firm", "diff.col.firmId"),
                Column("kind", "diff.col.kind"), Column("statusBefore", "diff.col.statusBefore"),
                Column("statusAfter", "diff.col.statusAfter"),
                Column("text", "diff.col.text"),
            ],
            rows: rows(needs.raised, "raised") + rows(needs.solved, "solved") + rows(needs.reopened, "reopened")
                + rows(needs.removed, "removed") + rows(needs.stillOpen, "stillOpen"))
        let facts = [
            Fact(
                "needs", "diff.fact.needs",
                .message(
                    Message(
                        "diff.needs.value",
                        [
                            "raised": .integer(count("needsRaised")), "solved": .integer(count("needsSolved")),
                            "stillOpen": .integer(count("needsStillOpen")),
                            "reopened": .integer(count("needsReopened")), "removed": .integer(count("needsRemoved")),
                        ])))
        ]
        return ChainOutput.Section(
            key: "needs", title: "diff.section.needs",
            blocks: [.facts(facts), .table(table)]
                + more("needsRaised", needs.raised.count) + more("needsSolved", needs.solved.count)
                + more("needsReopened", needs.reopened.count)
                + more("needsRemoved", needs.removed.count) + more("needsStillOpen", needs.stillOpen.count))
    }

    private func gapsSection() -> ChainOutput.Section {
        func rows(_ list: [FindingChange], _ key: String) -> [[Cell]] {
            list.map { f in
                [
                    change(key), .term(f.kind.rawValue, .term(f.kind)), .term(f.rule.rawValue, .term(f.rule)),
                    .text(f.place),
                    f.levelBefore.map { .term($0.rawValue, .term($0)) } ?? .empty,
                    f.levelAfter.map { .term($0.rawValue, .term($0)) } ?? .empty,
                    opt(f.severityBefore) { .number($0) }, opt(f.severityAfter) { .number($0) },
                    .term(f.unit.rawValue, .term(f.unit)),
                    opt(f.atRiskBefore, Cell.money), opt(f.atRiskAfter, Cell.money),
                ]
            }
        }
        let table = Table(
            key: "findingChanges",
            columns: [
                Column("change", "diff.col.change"), Column("kind", "diff.col.kind"), Column("rule", "diff.col.rule"),
                Column("place", "diff.col.place"), Column("levelBefore", "diff.col.levelBefore"),
                Column("levelAfter", "diff.col.levelAfter"),
                Column("severityBefore", "diff.col.severityBefore", .number),
                Column("severityAfter", "diff.col.severityAfter", .number),
                Column("unit", "diff.col.unit"), Column("atRiskBefore", "diff.col.atRiskBefore", .money),
                Column("atRiskAfter", "diff.col.atRiskAfter", .money),
            ],
            rows: rows(gaps.opened, "opened") + rows(gaps.closed, "closed") + rows(gaps.changed, "changed"))
        let facts = [
            Fact(
                "findings", "diff.fact.findings",
                .message(
                    Message(
                        "diff.gaps.value",
                        [
                            "opened": .integer(count("gapsOpened")), "closed": .integer(count("gapsClosed")),
                            "changed": .integer(count("gapsChanged")),
                        ]))),
            Fact(
                "atRisk", "diff.fact.atRisk",
                .message(
                    Message("diff.atRisk.value", ["before": .money(before.atRisk), "after": .money(after.atRisk)]))),
        ]
        return ChainOutput.Section(
            key: "gaps", title: "diff.section.gaps",
            blocks: [.facts(facts), .table(table)]
                + more("gapsOpened", gaps.opened.count) + more("gapsClosed", gaps.closed.count)
                + more("gapsChanged", gaps.changed.count))
    }

    private func meaningSection() -> ChainOutput.Section {
        let table = Table(
            key: "changedMeaning",
            columns: [
                Column("kind", "diff.col.recordKind"), Column("id", "diff.col.id"), Column("before", "diff.col.before"),
                Column("after", "diff.col.after"),
            ],
            rows: changedMeaning.map { m in
                [
                    .term(m.kind.rawValue, Message("diff.record." + m.kind.rawValue)), .text(m.id), .text(m.before),
                    .text(m.after),
                ]
            })
        let blocks: [Block] =
            changedMeaning.isEmpty
            ? [.paragraph("diff.meaning.none"), .table(table)] : [.paragraph("diff.meaning.note"), .table(table)]
        return ChainOutput.Section(
            key: "meaning", title: "diff.section.meaning", blocks: blocks + more("changedMeaning", changedMeaning.count)
        )
    }
}
