import ChainAnalysis
import ChainModel

extension OrganizationReport: DocumentRepresentable {
    /// `chainmap orgs`: 双覆盖 by park, chain and stage; the firms that should build (应建尽建)
    /// or join (联合组建) a branch and the proposed groupings; structure checks; pairings
    /// against business ties (结对共建); the needs list (三张清单). With
    /// `OrganizationOptions.section` only that part; CSV writes its table.
    public func document() -> Document {
        let all: [(OrganizationReport.Section, OrgsPart)] = [
            (.coverage, coverageSection()), (.build, buildSection()), (.join, joinSection()),
            (.groups, groupsSection()), (.checks, checksSection()), (.pairings, pairingsSection()),
            (.needs, needsSection()),
        ]
        let shown = all.filter { part in
            if let section = options.section { return part.0 == section }
            return part.0 != .groups || options.suggestJoint
        }
        return Document(
            title: Message("orgs.title", ["name": .text(parkName), "id": .text(parkId)]),
            sections: shown.map(\.1.section),
            primaryTable: shown.first { $0.0 == (options.section ?? .coverage) }?.1.csv)
    }

    // MARK: parts

    private func firm(_ f: FirmRef) -> Cell {
        .message(Message("orgs.firm", ["name": .text(f.name), "id": .text(f.id)]))
    }

    private func ids(_ list: [String]) -> Cell {
        .message(Message("orgs.list", ["items": .list(list.map { .text($0) }, limit: 20)]))
    }

    /// A table people read, left out when it has no rows (its heading says 0).
    private func shown(_ table: Table) -> [Block] { table.rows.isEmpty ? [] : [.table(table)] }

    /// The note under a list cut by `--limit`.
    private func more(_ key: String, _ shown: Int) -> [Block] {
        let total = totals[key] ?? shown
        return total > shown ? [.note(Message("orgs.more", ["count": .integer(total - shown)]))] : []
    }

    private func coverageSection() -> OrgsPart {
        let table = Table(
            key: "coverage",
            columns: [
                Column("scopeName", "orgs.col.scope", audience: .people),
                Column("scope", "orgs.col.scope", audience: .programs),
                Column("chain", "orgs.col.chainId", audience: .programs),
                Column("chainName", "orgs.col.chain", audience: .programs),
                Column("stage", "orgs.col.stageId", audience: .programs),
                Column("stageName", "orgs.col.stage", audience: .programs),
                Column("firms", "orgs.col.firms", .integer),
                Column("withOrganization", "orgs.col.withOrganization", .integer),
                Column("organizationRate", "orgs.col.organizationCoverage", .percent, audience: .people),
                Column("organizationPercent", "orgs.col.organizationCoverage", .number, audience: .programs),
                Column("workCovered", "orgs.col.workCovered", .integer),
                Column("workRate", "orgs.col.workCoverage", .percent, audience: .people),
                Column("workPercent", "orgs.col.workCoverage", .number, audience: .programs),
                Column("workUnknown", "orgs.col.workUnknown", .integer),
                Column("standaloneFirms", "orgs.col.standaloneFirms", .integer),
                Column("jointBranches", "orgs.col.jointBranches", .integer),
            ],
            rows: coverage.map { r in
                let name = OrganizationReport.scopeName(
                    r.scope, chain: r.chain, chainName: r.chainName, stage: r.stage, stageName: r.stageName)
                return [
                    .message(name), .text(r.scope.rawValue), .text(r.chain ?? ""), .text(r.chainName ?? ""),
                    .text(r.stage ?? ""),
                    .text(r.stageName ?? ""), .integer(r.firms), .integer(r.withOrganization),
                    r.organizationRate.map(Cell.percent) ?? .empty,
                    r.organizationPercent.map { .number($0, digits: 2) } ?? .empty,
                    .integer(r.workCovered), r.workRate.map(Cell.percent) ?? .empty,
                    r.workPercent.map { .number($0, digits: 2) } ?? .empty,
                    .integer(r.workUnknown), .integer(r.standaloneFirms), .integer(r.jointBranches),
                ]
            })
        let title = Message(
            "orgs.section.coverage", ["counted": .message(Message("orgs.counted." + options.denominator.rawValue))])
        return OrgsPart(
            section: ChainOutput.Section(key: "coverage", title: title, blocks: [.table(table)]), csv: "coverage")
    }

    private func buildSection() -> OrgsPart {
        let table = Table(
            key: "build",
            columns: [
                Column("rank", "orgs.col.rank", .integer),
                Column("firmText", "orgs.col.firm", audience: .people),
                Column("firm", "orgs.col.firmId", audience: .programs),
                Column("firmName", "orgs.col.firmName", audience: .programs),
                Column("partyMembers", "orgs.col.partyMembers", .integer),
                Column("chainLeader", "orgs.col.chainLeader", .bool),
                Column("output", "orgs.col.output", .money),
                Column("chainList", "orgs.col.chains", audience: .people),
                Column("chains", "orgs.col.chains", audience: .programs),
                Column("currentOrganization", "orgs.col.currentOrganization"),
            ],
            rows: shouldBuild.enumerated().map { i, c in
                [
                    .integer(i + 1), firm(c.firm), .text(c.firm.id), .text(c.firm.name), .integer(c.partyMembers),
                    .bool(c.chainLeader),
                    c.output.map(Cell.money) ?? .empty, ids(c.chains), .text(c.chains.joined(separator: "|")),
                    .text(c.currentOrganization ?? ""),
                ]
            })
        let title = Message(
            "orgs.section.build",
            [
                "count": .integer(totals["shouldBuild"] ?? shouldBuild.count),
                "threshold": .integer(options.effectiveThreshold),
            ])
        return OrgsPart(
            section: ChainOutput.Section(
                key: "build", title: title, blocks: shown(table) + more("shouldBuild", shouldBuild.count)), csv: "build"
        )
    }

    private func joinSection() -> OrgsPart {
        let table = Table(
            key: "join",
            columns: [
                Column("firmText", "orgs.col.firm", audience: .people),
                Column("firm", "orgs.col.firmId", audience: .programs),
                Column("firmName", "orgs.col.firmName", audience: .programs),
                Column("partyMembers", "orgs.col.partyMembers", .integer), Column("chain", "orgs.col.chainId"),
                Column("stage", "orgs.col.stageId"), Column("zone", "orgs.col.zone"),
            ],
            rows: shouldJoin.map { c in
                [
                    firm(c.firm), .text(c.firm.id), .text(c.firm.name), .integer(c.partyMembers), .text(c.chain ?? ""),
                    .text(c.stage ?? ""), .text(c.zone ?? ""),
                ]
            })
        let title = Message(
            "orgs.section.join",
            [
                "count": .integer(totals["shouldJoin"] ?? shouldJoin.count),
                "max": .integer(options.effectiveThreshold - 1),
            ])
        return OrgsPart(
            section: ChainOutput.Section(
                key: "join", title: title, blocks: shown(table) + more("shouldJoin", shouldJoin.count)), csv: "join")
    }

    private func groupsSection() -> OrgsPart {
        let people = Table(
            key: "groups",
            columns: [
                Column("number", "orgs.col.number", .integer), Column("plan", "orgs.col.plan"),
                Column("firms", "orgs.col.groupFirms"),
                Column("partyMembers", "orgs.col.partyMembers", .integer),
                Column("totalPartyMembers", "orgs.col.totalPartyMembers", .integer),
                Column("reachesThreshold", "orgs.col.reachesThreshold", .bool),
            ],
            rows: groups.map { g in
                [
                    .integer(g.number),
                    .message(
                        g.existing.map { Message("orgs.group.plan.join", ["organization": .text($0)]) }
                            ?? Message("orgs.group.plan.new")),
                    .message(Message("orgs.list", ["items": .list(g.firms.map { .text($0.name) }, limit: 8)])),
                    .integer(g.partyMembers), .integer(g.totalPartyMembers), .bool(g.reachesThreshold),
                ]
            })
        let machine = Table(
            key: "groupFirms",
            columns: [
                Column("group", "orgs.col.number", .integer), Column("existing", "orgs.col.existing"),
                Column("chain", "orgs.col.chainId"),
                Column("stage", "orgs.col.stageId"), Column("zone", "orgs.col.zone"), Column("firm", "orgs.col.firmId"),
                Column("firmName", "orgs.col.firmName"), Column("groupPartyMembers", "orgs.col.partyMembers", .integer),
                Column("totalPartyMembers", "orgs.col.totalPartyMembers", .integer),
                Column("reachesThreshold", "orgs.col.reachesThreshold", .bool),
                Column("reason", "orgs.col.reason"),
            ],
            rows: groups.flatMap { g in
                g.firms.map { f in
                    [
                        .integer(g.number), .text(g.existing ?? ""), .text(g.chain ?? ""), .text(g.stage ?? ""),
                        .text(g.zone ?? ""), .text(f.id),
                        .text(f.name), .integer(g.partyMembers), .integer(g.totalPartyMembers),
                        .bool(g.reachesThreshold), .message(g.reason),
                    ] as [Cell]
                }
            },
            audience: .programs)
        var blocks: [Block] = [.table(people), .table(machine)]
        for g in groups {
            blocks.append(
                .paragraph(Message("orgs.group.reason", ["number": .integer(g.number), "reason": .message(g.reason)])))
        }
        blocks += more("groups", groups.count)
        let title = Message("orgs.section.groups", ["count": .integer(totals["groups"] ?? groups.count)])
        return OrgsPart(section: ChainOutput.Section(key: "groups", title: title, blocks: blocks), csv: "groupFirms")
    }

    private func checksSection() -> OrgsPart {
        let c = checks
        func status(_ key: String) -> Cell { .term(key, Message("orgs.status." + key)) }
        var rows: [[Cell]] = []
        for co in c.chainOrganizations {
            let ok = !co.organizations.isEmpty
            rows.append([
                .term("chain-organization", Message("orgs.check.chain-organization")), status(ok ? "ok" : "missing"),
                .text(co.chain),
                .text(co.chain), .text(co.chainName), .bool(ok),
                ok ? ids(co.organizations) : .message(Message("orgs.check.noChainOrganization")),
                .text(co.organizations.joined(separator: "|")),
            ])
        }
        for l in c.leaders {
            rows.append([
                .term("leader", Message("orgs.check.leader")), status(l.placed ? "ok" : "missing"), .text(l.chain),
                .text(l.firm.id),
                .text(l.firm.name), .bool(l.placed), .message(l.detail), .text(l.organizations.joined(separator: "|")),
            ])
        }
        for s in c.unreachedStages {
            rows.append([
                .term("stage-reached", Message("orgs.check.stage-reached")), status("missing"), .text(s.chain),
                .text(s.stage),
                .text(s.stageName), .bool(false),
                .message(Message("orgs.check.unreached", ["firms": .integer(s.firms)])),
                .text(String(s.firms)),
            ])
        }
        for m in c.mismatches {
            for o in m.offChain {
                rows.append([
                    .term("chain-mismatch", Message("orgs.check.chain-mismatch")), status("mismatch"),
                    .text(m.chains.joined(separator: "|")),
                    .text(m.organization), .text(m.name), .bool(false),
                    .message(
                        Message(
                            "orgs.check.offChain",
                            [
                                "firm": .message(
                                    Message("orgs.firm", ["name": .text(o.firm.name), "id": .text(o.firm.id)])),
                                "chains": .list(o.chains.map { .text($0) }, limit: 10),
                                "offChain": .integer(m.offChain.count),
                                "members": .integer(m.memberFirms),
                                "orgChains": .list(m.chains.map { .text($0) }, limit: 10),
                            ])),
                    .text(o.firm.id),
                ])
            }
        }
        let table = Table(
            key: "checks",
            columns: [
                Column("check", "orgs.col.check"), Column("status", "orgs.col.status", audience: .people),
                Column("chain", "orgs.col.chainId"), Column("subject", "orgs.col.subject"),
                Column("subjectName", "orgs.col.subjectName"),
                Column("ok", "orgs.col.ok", .bool, audience: .programs), Column("detail", "orgs.col.detail"),
                Column("values", "orgs.col.values", audience: .programs),
            ],
            rows: rows)
        var blocks: [Block] = [.table(table)]
        if c.unreachedStages.isEmpty { blocks.append(.paragraph("orgs.check.allStagesReached")) }
        if c.mismatches.isEmpty { blocks.append(.paragraph("orgs.check.noMismatch")) }
        return OrgsPart(
            section: ChainOutput.Section(key: "checks", title: "orgs.section.checks", blocks: blocks), csv: "checks")
    }

    private func pairingsSection() -> OrgsPart {
        let p = pairings
        func party(_ id: String, _ name: String) -> Cell {
            .message(Message("orgs.firm", ["name": .text(name), "id": .text(id)]))
        }
        let without = Table(
            key: "withoutBusiness",
            columns: [
                Column("index", "orgs.col.pairing", .integer), Column("a", "orgs.col.partyA"),
                Column("b", "orgs.col.partyB"), Column("kind", "orgs.col.pairingKind"),
            ],
            rows: p.withoutBusiness.map {
                [
                    .integer($0.index + 1), party($0.a, $0.aName), party($0.b, $0.bName),
                    .term($0.kind.rawValue, .term($0.kind)),
                ]
            })
        let strong = Table(
            key: "strongLinksWithoutPairing",
            columns: [
                Column("supplier", "orgs.col.supplier"), Column("buyer", "orgs.col.buyer"),
                Column("product", "orgs.col.product"),
                Column("value", "orgs.col.value", .money), Column("primary", "orgs.col.primary", .bool),
            ],
            rows: p.strongLinksWithoutPairing.map {
                [
                    firm($0.supplier), firm($0.buyer), .text($0.product ?? ""), $0.value.map(Cell.money) ?? .empty,
                    .bool($0.primary),
                ]
            })
        let many = Table(
            key: "oneToMany",
            columns: [
                Column("party", "orgs.col.party"), Column("pairings", "orgs.col.pairings", .integer),
                Column("byKind", "orgs.col.byKind"),
                Column("outcomes", "orgs.col.outcomes"),
            ],
            rows: p.oneToMany.map { s in
                [
                    party(s.party, s.name), .integer(s.pairings),
                    .message(
                        Message(
                            "orgs.list",
                            [
                                "items": .list(
                                    s.byKind.map {
                                        .message(
                                            Message(
                                                "orgs.kindCount",
                                                ["kind": .message(.term($0.kind)), "count": .integer($0.count)]))
                                    }, limit: 10)
                            ])),
                    .message(Message("orgs.outcomes", ["outcomes": .list(s.outcomes.map { .text($0) }, limit: 5)])),
                ]
            })
        var machineRows: [[Cell]] = []
        for x in p.withoutBusiness {
            machineRows.append([
                .text("pairing-without-business"), .integer(x.index), .text(x.id ?? ""), .text(x.a), .text(x.aName),
                .text(x.b), .text(x.bName),
                .text(x.kind.rawValue), .empty, .empty, .empty,
            ])
        }
        for l in p.strongLinksWithoutPairing {
            machineRows.append([
                .text("strong-link-without-pairing"), .integer(l.index), .text(l.id ?? ""), .text(l.supplier.id),
                .text(l.supplier.name),
                .text(l.buyer.id), .text(l.buyer.name), .text(l.product ?? ""), l.value.map(Cell.money) ?? .empty,
                .bool(l.primary), .empty,
            ])
        }
        for s in p.oneToMany {
            machineRows.append([
                .text("one-to-many"), .empty, .empty, .text(s.party), .text(s.name), .empty, .empty,
                .text(s.byKind.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: "|")), .empty, .empty,
                .integer(s.pairings),
            ])
        }
        let machine = Table(
            key: "pairingFindings",
            columns: ["finding", "index", "id", "a", "aName", "b", "bName", "kind", "value", "primary", "pairings"].map
            { Column($0, Message("orgs.col." + $0)) },
            rows: machineRows, audience: .programs)
        let threshold = max(1, options.oneToMany)
        let blocks: [Block] =
            [
                .facts([
                    Fact("compared", "orgs.pairings.compared", .integer(p.compared)),
                    Fact("notCompared", "orgs.pairings.notCompared", .integer(p.notCompared)),
                ]),
                .paragraph(
                    Message(
                        "orgs.pairings.withoutBusiness",
                        ["count": .integer(totals["withoutBusiness"] ?? p.withoutBusiness.count)])),
            ] + shown(without) + more("withoutBusiness", p.withoutBusiness.count) + [
                .paragraph(
                    Message(
                        "orgs.pairings.strongLinks",
                        ["count": .integer(totals["strongLinksWithoutPairing"] ?? p.strongLinksWithoutPairing.count)]))
            ] + shown(strong) + more("strongLinksWithoutPairing", p.strongLinksWithoutPairing.count) + [
                .paragraph(
                    Message(
                        "orgs.pairings.oneToMany",
                        ["count": .integer(totals["oneToMany"] ?? p.oneToMany.count), "threshold": .integer(threshold)])
                )
            ] + shown(many) + more("oneToMany", p.oneToMany.count) + [.table(machine)]
        return OrgsPart(
            section: ChainOutput.Section(key: "pairings", title: "orgs.section.pairings", blocks: blocks),
            csv: "pairingFindings")
    }

    private func responderCell(_ a: AgedNeed) -> Cell {
        guard let id = a.responder else { return .message(Message("orgs.needs.noResponder")) }
        guard let name = a.responderName, name != id else { return .text(id) }
        return .message(Message("orgs.firm", ["name": .text(name), "id": .text(id)]))
    }

    private func needsSection() -> OrgsPart {
        let n = needs
        var rows: [[Cell]] = []
        func add(_ by: String, _ list: [NeedRow], _ item: (NeedRow) -> Message) {
            for r in list {
                rows.append([
                    .term(by, Message("orgs.needsBy." + by)), .message(item(r)), .text(r.key), .text(r.name ?? ""),
                    .integer(r.open), .integer(r.inProgress), .integer(r.solved), .integer(r.total),
                    r.solvedRate.map(Cell.percent) ?? .empty, r.solvedPercent.map { .number($0, digits: 2) } ?? .empty,
                    .integer(r.overdue), r.oldestOpenDays.map(Cell.integer) ?? .empty,
                    .integer(r.solvedWithDates), r.medianDaysToSolve.map { .number($0, digits: 1) } ?? .empty,
                ])
            }
        }
        let dated = n.openNeeds.contains { $0.raised != nil } || n.total.solvedWithDates > 0
        let ageing: Column.Audience = dated ? .all : .programs
        func named(_ r: NeedRow, none: Message) -> Message {
            guard r.key != OrganizationReport.none else { return none }
            guard let name = r.name, name != r.key else { return Message("orgs.item", ["item": .text(r.key)]) }
            return Message("orgs.firm", ["name": .text(name), "id": .text(r.key)])
        }
        add("all", [n.total]) { _ in Message("orgs.needs.all") }
        add("kind", n.byKind) { Message("needKind." + $0.key) }
        add("chain", n.byChain) { named($0, none: Message("orgs.needs.noChain")) }
        add("responder", n.byResponder) { named($0, none: Message("orgs.needs.noResponder")) }
        let table = Table(
            key: "needs",
            columns: [
                Column("by", "orgs.col.by"), Column("item", "orgs.col.item", audience: .people),
                Column("key", "orgs.col.key", audience: .programs),
                Column("name", "orgs.col.name", audience: .programs),
                Column("open", "orgs.col.open", .integer), Column("inProgress", "orgs.col.inProgress", .integer),
                Column("solved", "orgs.col.solved", .integer), Column("total", "orgs.col.total", .integer),
                Column("solvedRate", "orgs.col.solvedRate", .percent, audience: .people),
                Column("solvedPercent", "orgs.col.solvedRate", .number, audience: .programs),
                // Programs always get the ageing columns; people only when some need is dated.
                Column("overdue", "needs.col.overdue", .integer, audience: ageing),
                Column("oldestOpenDays", "needs.col.oldestOpenDays", .integer, audience: ageing),
                Column("solvedWithDates", "needs.col.solvedWithDates", .integer, audience: ageing),
                Column("medianDaysToSolve", "needs.col.medianDaysToSolve", .number, audience: ageing),
            ],
            rows: rows)
        let orphans = Table(
            key: "openWithoutResponder",
            columns: [
                Column("need", "orgs.col.need"), Column("firmText", "orgs.col.firm", audience: .people),
                Column("firm", "orgs.col.firmId", audience: .programs),
                Column("firmName", "orgs.col.firmName", audience: .programs),
                Column("kind", "orgs.col.needKind"), Column("text", "orgs.col.needText"),
            ],
            rows: n.openWithoutResponder.map {
                [
                    .text($0.id), firm($0.firm), .text($0.firm.id), .text($0.firm.name),
                    .term($0.kind.rawValue, .term($0.kind)), .text($0.text ?? ""),
                ]
            })
        let aged = Table(
            key: "openNeeds",
            columns: [
                Column("need", "orgs.col.need"), Column("firmText", "orgs.col.firm", audience: .people),
                Column("firm", "orgs.col.firmId", audience: .programs),
                Column("firmName", "orgs.col.firmName", audience: .programs),
                Column("kind", "orgs.col.needKind"), Column("status", "needs.col.status"),
                Column("responderText", "needs.col.responder", audience: .people),
                Column("responder", "needs.col.responderId", audience: .programs),
                Column("responderName", "needs.col.responderName", audience: .programs),
                Column("raised", "needs.col.raised"),
                Column("ageDays", "needs.col.ageDays", .integer), Column("overdue", "needs.col.isOverdue", .bool),
                Column("text", "orgs.col.needText"),
            ],
            rows: n.openNeeds.map { a in
                [
                    .text(a.id), firm(a.firm), .text(a.firm.id), .text(a.firm.name),
                    .term(a.kind.rawValue, .term(a.kind)),
                    .term(a.status.rawValue, .term(a.status)), responderCell(a), .text(a.responder ?? ""),
                    .text(a.responderName ?? ""),
                    .text(a.raised ?? ""),
                    a.ageDays.map(Cell.integer) ?? .empty, .bool(a.overdue), .text(a.text ?? ""),
                ]
            })
        let idle = Table(
            key: "resourcesWithoutNeed",
            columns: [
                Column("resource", "needs.col.resource"), Column("name", "needs.col.resourceName"),
                Column("department", "needs.col.department"),
            ],
            rows: n.resourcesWithoutNeed.map { [.text($0.id), .text($0.name), .text($0.department ?? "")] })
        let unserved = Table(
            key: "needsWithoutAction",
            columns: [
                Column("need", "orgs.col.need"), Column("firmText", "orgs.col.firm", audience: .people),
                Column("firm", "orgs.col.firmId", audience: .programs),
                Column("firmName", "orgs.col.firmName", audience: .programs),
                Column("kind", "orgs.col.needKind"), Column("text", "orgs.col.needText"),
            ],
            rows: n.needsWithoutAction.map {
                [
                    .text($0.id), firm($0.firm), .text($0.firm.id), .text($0.firm.name),
                    .term($0.kind.rawValue, .term($0.kind)), .text($0.text ?? ""),
                ]
            })
        let title = Message(
            "orgs.section.needs",
            [
                "total": .integer(n.total.total), "firms": .integer(n.firmsWithNeeds), "open": .integer(n.total.open),
                "inProgress": .integer(n.total.inProgress), "solved": .integer(n.total.solved),
                "solvedRate": .percent(n.total.solvedRate ?? 0),
            ])
        let unsolved = n.total.open + n.total.inProgress
        var ages: [Block] = []
        if !dated {
            // Nothing to age: the needs list reads as before dates existed.
        } else if let asOf = n.asOf {
            ages.append(
                .paragraph(
                    Message(
                        "needs.ageing",
                        [
                            "asOf": .text(asOf), "unsolved": .integer(unsolved), "overdue": .integer(n.overdue),
                            "days": .integer(n.overdueDays),
                            "undated": .integer(n.undatedOpen),
                        ])))
        } else {
            ages.append(.paragraph(Message("needs.ageing.noDate", ["unsolved": .integer(unsolved)])))
        }
        if let median = n.total.medianDaysToSolve {
            ages.append(
                .paragraph(
                    Message(
                        "needs.median",
                        [
                            "median": .number(median, digits: 1), "count": .integer(n.total.solvedWithDates),
                            "solved": .integer(n.total.solved),
                        ])))
        }
        if dated { ages += shown(aged) + more("openNeeds", n.openNeeds.count) }
        // The other two lists, when the park keeps them.
        let lists: [Block] =
            n.resources + n.projects == 0
            ? []
            : [
                .paragraph(
                    Message("needs.lists", ["resources": .integer(n.resources), "projects": .integer(n.projects)])),
                .paragraph(
                    Message(
                        "needs.resourcesWithoutNeed",
                        ["count": .integer(totals["resourcesWithoutNeed"] ?? n.resourcesWithoutNeed.count)])),
            ] + shown(idle) + more("resourcesWithoutNeed", n.resourcesWithoutNeed.count) + [
                .paragraph(
                    Message(
                        "needs.withoutAction",
                        ["count": .integer(totals["needsWithoutAction"] ?? n.needsWithoutAction.count)]))
            ] + shown(unserved) + more("needsWithoutAction", n.needsWithoutAction.count)
        let blocks: [Block] =
            [.table(table)] + more("byResponder", n.byResponder.count) + ages + [
                .paragraph(
                    Message(
                        "orgs.needs.orphans",
                        ["count": .integer(totals["openWithoutResponder"] ?? n.openWithoutResponder.count)]))
            ] + shown(orphans) + more("openWithoutResponder", n.openWithoutResponder.count) + lists
        return OrgsPart(section: ChainOutput.Section(key: "needs", title: title, blocks: blocks), csv: "needs")
    }
}

/// A section of the orgs report with the key of the table `--format csv` writes when it is the
/// one asked for.
private struct OrgsPart {
    var section: Section
    var csv: String
}

extension OrganizationReport {
    /// The name of a coverage row's scope (the park, a chain or a stage), shared by the
    /// organization report and the diff's coverage changes.
    static func scopeName(
        _ scope: Scope, chain: String?, chainName: String?, stage: String?, stageName: String?
    ) -> Message {
        switch scope {
        case .park: Message("orgs.scope.park")
        case .chain: Message("orgs.scope.chain", ["name": .text(chainName ?? ""), "id": .text(chain ?? "")])
        case .stage: Message("orgs.scope.stage", ["name": .text(stageName ?? ""), "id": .text(stage ?? "")])
        }
    }
}
