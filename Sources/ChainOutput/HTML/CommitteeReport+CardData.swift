import ChainAnalysis
import ChainModel

extension HTMLReportRenderer {
    /// The inline data blob the script builds cards, search and drill-down from. Arrays, not
    /// objects, per firm (a 100,000-firm park's blob is most of the file):
    ///
    /// - `firms[i]`: id, name, in park (0/1), stage positions, output, leader (0/1), organization
    ///   status (0 none, 1 own, 2 joint), map element id (or ""), product positions in
    ///   `products`, organization position in `organizations` (-1: none);
    /// - `cards[i]`: supplier positions, supplier count, buyer positions, buyer count, finding
    ///   rows, matches (`[partner name, direction, score, explanation]`), pairings
    ///   (`[partner, kind]`), needs (`[kind, status, text]`);
    /// - `stages[k]`: id, name, chain position, element id; `chains[c]`: id, name, element id;
    /// - `drill[k]` (only when the map shows stages), for stage `k`: firm count, drawn firm
    ///   positions (largest output first), upstream and downstream neighbours
    ///   (`[stage position or -1 outside the park, links, firms]`), links inside the stage, and
    ///   per drawn firm its links to the neighbours as a flat `[neighbour, links, …]` (upstream,
    ///   then downstream);
    /// - `labels`: the card's words in the report's language.
    func cardData(_ report: CommitteeReport, _ map: ReportMap) -> ScriptJSON {
        let park = report.park
        var stagePosition: [String: Int] = [:]
        var stages: [ScriptJSON] = []
        for (c, chain) in park.chains.enumerated() {
            for stage in chain.stages where stagePosition[stage.id] == nil {
                stagePosition[stage.id] = stages.count
                stages.append(
                    .array([
                        .string(stage.id), .string(stage.name), .int(c), .string(map.stageElements[stage.id] ?? ""),
                    ]))
            }
        }
        let chains: [ScriptJSON] = park.chains.map {
            .array([.string($0.id), .string($0.name), .string(map.chainElements[$0.id] ?? "")])
        }
        var orgName: [String: String] = [:]
        for org in park.organizations { orgName[org.id] = org.name }
        var hostedId: [String: String] = [:]
        for org in park.organizations {
            if let host = org.hostFirm, hostedId[host] == nil { hostedId[host] = org.id }
        }
        let hosted = hostedId.mapValues { orgName[$0] ?? $0 }
        var names: [String: String] = [:]
        names.reserveCapacity(park.firms.count)
        for f in park.firms where names[f.id] == nil { names[f.id] = f.name }
        let large = report.large
        // Products and organization names are shared by many firms: listed once each.
        var productPosition: [String: Int] = [:], products: [ScriptJSON] = []
        var organizationPosition: [String: Int] = [:], organizations: [ScriptJSON] = []
        func intern(_ text: String, _ position: inout [String: Int], _ list: inout [ScriptJSON]) -> ScriptJSON {
            if let k = position[text] { return .int(k) }
            position[text] = list.count
            list.append(.string(text))
            return .int(list.count - 1)
        }
        var firms: [ScriptJSON] = []
        firms.reserveCapacity(park.firms.count)
        for f in park.firms {
            let status: Int
            if hosted[f.id] != nil {
                status = 1
            } else if f.organization != nil {
                status = 2
            } else {
                status = 0
            }
            let org = f.organization.map { orgName[$0] ?? $0 } ?? hosted[f.id]
            firms.append(
                .array([
                    .string(f.id), .string(f.name), .int(f.inPark ? 1 : 0),
                    .array(f.stages.compactMap { stagePosition[$0].map(ScriptJSON.int) }),
                    f.output.map { .number($0.rounded()) } ?? .null, .int(f.isChainLeader ? 1 : 0), .int(status),
                    .string(map.firmElements[f.id] ?? ""),
                    .array(f.products.prefix(large ? 3 : 20).map { intern($0, &productPosition, &products) }),
                    org.map { intern($0, &organizationPosition, &organizations) } ?? .int(-1),
                ]))
        }
        let kindText = Dictionary(
            uniqueKeysWithValues: PairingKind.allCases.map {
                ($0, catalog.render(Message("pairingKind." + $0.rawValue)))
            })
        let needKindText = Dictionary(
            uniqueKeysWithValues: NeedKind.allCases.map { ($0, catalog.render(Message("needKind." + $0.rawValue))) })
        let needStatusText = Dictionary(
            uniqueKeysWithValues: NeedStatus.allCases.map { ($0, catalog.render(Message("needStatus." + $0.rawValue))) }
        )
        let directionText = Dictionary(
            uniqueKeysWithValues: MatchDirection.allCases.map {
                ($0, catalog.render(Message("match.direction." + $0.rawValue)))
            })
        var cards: [ScriptJSON] = []
        cards.reserveCapacity(report.cards.count)
        for (i, card) in report.cards.enumerated() {
            let id = park.firms[i].id
            let matches: [ScriptJSON] = card.matches.map { s in
                let partner = s.firm == id ? s.candidateName : (names[s.firm] ?? s.firm)
                return .array([
                    .string(partner), .string(directionText[s.direction] ?? ""),
                    .number((s.score.total * 1000).rounded() / 1000),
                    .string(large ? "" : catalog.render(s.explanation)),
                ])
            }
            let pairings: [ScriptJSON] = card.pairings.map { k in
                let p = park.pairings[k]
                let mine = p.a == id || p.a == park.firms[i].organization || p.a == hostedId[id]
                let other = mine ? p.b : p.a
                return .array([.string(names[other] ?? orgName[other] ?? other), .string(kindText[p.kind] ?? "")])
            }
            let needs: [ScriptJSON] = card.needs.map { k in
                let n = park.needs[k]
                return .array([
                    .string(needKindText[n.kind] ?? ""), .string(needStatusText[n.status] ?? ""),
                    .string(n.text ?? n.product ?? ""),
                ])
            }
            cards.append(
                .array([
                    .array(card.suppliers.map(ScriptJSON.int)), .int(card.supplierCount),
                    .array(card.buyers.map(ScriptJSON.int)), .int(card.buyerCount),
                    .array(card.findings.map(ScriptJSON.int)), .array(matches), .array(pairings), .array(needs),
                ]))
        }
        let findings: [ScriptJSON] = report.gaps.findings.map { f in
            .array([
                .string(catalog.render(.term(f.kind))), .string(catalog.render(f.place.message)),
                .string(catalog.render(f.evidence.message)),
            ])
        }
        let labelKeys = [
            "stage", "products", "output", "suppliers", "buyers", "findings", "matches", "organization", "pairings",
            "needs",
            "inPark", "outside", "leader", "none", "close", "more", "found", "notFound", "notOnMap", "shown", "rows",
            "orgOwn", "orgJoint", "orgNone", "id", "location", "yi", "wan", "yuan", "all",
            "upstream", "downstream", "nFirms", "nLinks", "internal", "drawn", "drillMapHint",
        ]
        let labels: [(String, ScriptJSON)] = labelKeys.map {
            ($0, .string(catalog.render(Message("report.card." + $0))))
        }
        var drill: [ScriptJSON] = []
        if map.aggregated {
            var byStage: [String: CommitteeReport.StageDrill] = [:]
            for d in report.drills where byStage[d.stage] == nil { byStage[d.stage] = d }
            func neighbours(_ list: [CommitteeReport.StageDrill.Neighbour]) -> ScriptJSON {
                .array(
                    list.map { n in
                        .array([.int(n.stage.flatMap { stagePosition[$0] } ?? -1), .int(n.links), .int(n.firms)])
                    })
            }
            func links(_ perFirm: [[CommitteeReport.StageDrill.FirmLinks]]) -> ScriptJSON {
                .array(perFirm.map { list in .array(list.flatMap { [.int($0.neighbour), .int($0.links)] }) })
            }
            for stage in stages {
                guard case .array(let fields) = stage, case .string(let id)? = fields.first, let d = byStage[id] else {
                    drill.append(
                        .array([.int(0), .array([]), .array([]), .array([]), .int(0), .array([]), .array([])]))
                    continue
                }
                drill.append(
                    .array([
                        .int(d.firmCount), .array(d.firms.map(ScriptJSON.int)), neighbours(d.upstream),
                        neighbours(d.downstream), .int(d.internalLinks), links(d.firmUpstream), links(d.firmDownstream),
                    ]))
            }
        }
        return .object([
            ("large", .bool(large)), ("aggregated", .bool(map.aggregated)), ("drill", .array(drill)),
            ("drillFirms", .int(report.options.drillFirms)),
            ("labels", .object(labels)), ("chains", .array(chains)), ("stages", .array(stages)),
            ("products", .array(products)), ("organizations", .array(organizations)),
            ("firms", .array(firms)), ("cards", .array(cards)), ("findings", .array(findings)),
        ])
    }
}
