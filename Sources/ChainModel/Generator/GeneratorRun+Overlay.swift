import Foundation

extension GeneratorRun {
    static let agencies: [(id: String, name: String)] = [
        ("ag-bank", "园区合作银行党支部"), ("ag-power", "国网供电公司党支部"), ("ag-tax", "税务分局党支部"),
        ("ag-customs", "海关党支部"), ("ag-police", "公安分局党支部"), ("ag-college", "职业技术学院党委"),
        ("ag-hr", "人社局人才服务中心"), ("ag-bureau", "经信局产业链服务专班"), ("ag-reps", "产业链驻企服务代表"),
        ("ag-techcentre", "模具技术创新服务中心党支部"),
    ]

    /// In-park firms of chain `c` (primary stage), biggest fitness first, ties by index.
    func rankedFirms(chain c: Int) -> [Int32] {
        var list: [Int32] = []
        for i in 0..<n where inPark[i] && stages[Int(firmStage[i])].chain == c { list.append(Int32(i)) }
        list.sort { fitness[Int($0)] != fitness[Int($1)] ? fitness[Int($0)] > fitness[Int($1)] : $0 < $1 }
        return list
    }

    /// Committees and alliances per chain, agencies, firms' own branches (general branches for
    /// big firms), joint branches and grid organizations for firms with one or two members.
    mutating func buildOrganizations() {
        progress?("organizations", 0, n)
        firmOrg = [Int32](repeating: -1, count: n)
        organizations = []
        for (c, t) in templates.enumerated() {
            let ranked = rankedFirms(chain: c)
            var committee = leaders[c].map { ids[Int($0)] }
            for f in ranked.prefix(12) where !isLeader[Int(f)] { committee.append(ids[Int(f)]) }
            organizations.append(
                Organization(
                    id: "cm-\(t.id)", name: "\(t.name)产业链党委", kind: .committee, members: committee, chains: [t.id]))
            var alliance = leaders[c].map { ids[Int($0)] }
            for f in ranked.prefix(150) where !isLeader[Int(f)] { alliance.append(ids[Int(f)]) }
            organizations.append(
                Organization(
                    id: "al-\(t.id)", name: "\(t.name)产业链党建联盟", kind: .alliance, parent: "cm-\(t.id)",
                    members: alliance, chains: [t.id]))
        }
        for a in Self.agencies { organizations.append(Organization(id: a.id, name: a.name, kind: .agency)) }

        let width = max(7, String(n).count)
        // Open joint branch per chain and grid per zone: (org index, target size).
        var joint = [(Int, Int)](repeating: (-1, 0), count: templates.count)
        var jointNumber = 0
        var zones: [String] = []
        var zoneBase: [Int] = []
        for t in templates {
            zoneBase.append(zones.count)
            zones += t.zones
        }
        var grid = [(Int, Int)](repeating: (-1, 0), count: zones.count)
        var gridNumber = 0
        zoneOf = [UInt16](repeating: 0, count: n)
        workReached = [Bool](repeating: false, count: n)
        for i in 0..<n {
            if i & 0xFFFF == 0 { progress?("organizations", i, n) }
            let c = stages[Int(firmStage[i])].chain
            let zone = zoneBase[c] + rng.below(templates[c].zones.count)
            zoneOf[i] = UInt16(zone)
            guard inPark[i] else { continue }
            workReached[i] = rng.chance(0.6)
            let pm = partyMembers[i]
            let number = Self.code("x", i + 1, width: width).dropFirst()
            if pm >= 50 || (isLeader[i] && pm >= 3) {
                let g = "g" + number
                firmOrg[i] = Int32(organizations.count)
                organizations.append(
                    Organization(
                        id: g, name: names[i] + "党总支", kind: .generalBranch,
                        parent: isLeader[i] ? "cm-\(templates[c].id)" : nil, hostFirm: ids[i]))
                for part in ["a", "b"] {
                    organizations.append(
                        Organization(
                            id: "b" + number + part, name: names[i] + (part == "a" ? "第一党支部" : "第二党支部"), kind: .branch,
                            parent: g, hostFirm: ids[i]))
                }
            } else if pm >= 3 {
                if rng.chance(0.95) {
                    firmOrg[i] = Int32(organizations.count)
                    organizations.append(
                        Organization(id: "b" + number, name: names[i] + "党支部", kind: .branch, hostFirm: ids[i]))
                }
            } else if pm >= 1, rng.chance(0.68) {
                if rng.chance(0.6) {
                    if joint[c].0 < 0 || organizations[joint[c].0].members.count >= joint[c].1 {
                        jointNumber += 1
                        joint[c] = (organizations.count, 3 + rng.below(6))
                        organizations.append(
                            Organization(
                                id: Self.code("j", jointNumber, width: 6), name: "\(zones[zone])第\(jointNumber)联合党支部",
                                kind: .jointBranch, parent: "cm-\(templates[c].id)", chains: [templates[c].id]))
                    }
                    firmOrg[i] = Int32(joint[c].0)
                    organizations[joint[c].0].members.append(ids[i])
                } else {
                    if grid[zone].0 < 0 || organizations[grid[zone].0].members.count >= grid[zone].1 {
                        gridNumber += 1
                        grid[zone] = (organizations.count, 30 + rng.below(50))
                        organizations.append(
                            Organization(
                                id: Self.code("w", gridNumber, width: 6), name: "\(zones[zone])第\(gridNumber)网格党支部",
                                kind: .grid))
                    }
                    firmOrg[i] = Int32(grid[zone].0)
                    organizations[grid[zone].0].members.append(ids[i])
                }
            }
        }
        zoneNames = zones
        progress?("organizations", n, n)
    }

    /// The party a firm takes part in pairings as: its organization, or the firm itself.
    func party(_ i: Int) -> String {
        let o = firmOrg[i]
        return o >= 0 ? organizations[Int(o)].id : ids[i]
    }

    /// Pairings: a tech centre with about 50 firms (one-to-many), head-led building by the
    /// leaders, service pairings with the bank and the utility, purchasing–sales pairings along
    /// links, co-building with agencies, regional joint building of grids, branch pairings.
    mutating func buildPairings() {
        var number = 0
        func add(
            _ a: String, _ b: String, _ kind: PairingKind, since: String, outcome: String? = nil, note: String? = nil
        ) {
            guard a != b else { return }
            number += 1
            pairings.append(
                Pairing(
                    id: Self.code("p", number, width: 7), a: a, b: b, kind: kind, since: since, outcome: outcome,
                    note: note))
        }
        // One-to-many: the tech centre with ~50 firms of a mold (or first free upstream) stage.
        let free = stages.indices.filter { !plan.isFixed($0) && !plan.shortOutside.contains($0) && !inPool[$0].isEmpty }
        if let s = free.first(where: { stages[$0].t.id.hasSuffix("mold") }) ?? free.first(where: {
            stages[$0].t.tier == .upstream
        }) ?? free.first {
            let firms = inPool[s].prefix(50)
            for f in firms {
                add(
                    "ag-techcentre", party(Int(f)), .rnd, since: "2023", outcome: "共性技术难题联合攻关",
                    note: "one-to-many: tech centre with \(firms.count) firms")
            }
        }
        // Head-led: each leader's organization with five smaller organizations of its chain.
        for (c, list) in leaders.enumerated() {
            let own = stagesOf(chain: c).flatMap { inPool[$0] }
            guard !own.isEmpty else { continue }
            for l in list {
                var done = 0
                var tries = 0
                while done < 5 && tries < 40 {
                    tries += 1
                    let f = Int(rng.pick(own))
                    if f != Int(l), firmOrg[f] >= 0, firmOrg[f] != firmOrg[Int(l)] {
                        add(party(Int(l)), party(f), .headLed, since: "2022")
                        done += 1
                    }
                }
            }
        }
        let services = max(5, n / 300)
        for _ in 0..<services {
            let f = rng.below(n)
            guard inPark[f] else { continue }
            if rng.chance(0.5) {
                add(party(f), "ag-power", .service, since: "2023", outcome: "光伏绿电直供,年省电费")
            } else {
                add(party(f), "ag-bank", .service, since: "2023", outcome: "党建+金融授信")
            }
        }
        // Purchasing–sales along links between firms that both have an organization.
        if !links.isEmpty {
            // Firm ids are "f" and the 1-based index.
            func index(_ id: String) -> Int? { Int(id.dropFirst()).map { $0 - 1 } }
            for _ in 0..<max(5, n / 200) {
                let l = links[rng.below(links.count)]
                guard let s = index(l.supplier), let b = index(l.buyer), inPark[s], firmOrg[s] >= 0, firmOrg[b] >= 0,
                    firmOrg[s] != firmOrg[b]
                else { continue }
                add(party(s), party(b), .purchasingSales, since: "2024", outcome: "就近配套")
            }
        }
        let agencies = ["ag-tax", "ag-customs", "ag-police", "ag-college"]
        for _ in 0..<max(5, n / 1000) {
            let f = rng.below(n)
            guard inPark[f], firmOrg[f] >= 0 else { continue }
            add(party(f), rng.pick(agencies), .coBuilding, since: "2023")
        }
        let grids = organizations.indices.filter { organizations[$0].kind == .grid }
        if grids.count > 1 {
            for _ in 0..<max(2, n / 2000) {
                let a = rng.pick(grids)
                let b = rng.pick(grids)
                add(organizations[a].id, organizations[b].id, .regionalJoint, since: "2022")
            }
        }
        let branches = organizations.indices.filter {
            organizations[$0].kind == .branch && organizations[$0].parent == nil
        }
        if branches.count > 1 {
            for _ in 0..<max(2, n / 1000) {
                add(organizations[rng.pick(branches)].id, organizations[rng.pick(branches)].id, .branch, since: "2023")
            }
        }
    }

    static let needTexts: [NeedKind: (tags: [String], text: String)] = [
        .supply: (["就近配套", "断点"], "关键原料本地配套不足,大部分从外地采购"),
        .capability: (["自动化", "技术攻关"], "生产线自动化程度低,需要研发支持"),
        .finance: (["融资", "难点"], "扩产项目资金周转难"),
        .talent: (["技工", "招工"], "缺少熟练技术工人"),
        .service: (["物流", "通勤"], "员工通勤和货运物流不便"),
        .policy: (["政策", "申报"], "希望了解技改补贴申报政策"),
    ]

    /// Needs of about `needShare` of in-park firms; about half open.
    mutating func buildNeeds() {
        let kinds: [(NeedKind, Double)] = [
            (.supply, 0.25), (.capability, 0.15), (.finance, 0.2), (.talent, 0.2), (.service, 0.1), (.policy, 0.1),
        ]
        var number = 0
        for i in 0..<n where inPark[i] {
            guard rng.chance(options.needShare) else { continue }
            var r = rng.unit()
            var kind = NeedKind.policy
            for (k, p) in kinds {
                if r < p { kind = k; break }
                r -= p
            }
            let s = Int(firmStage[i])
            let u = rng.unit()
            let status: NeedStatus = u < 0.5 ? .open : (u < 0.7 ? .inProgress : .solved)
            let chainId = templates[stages[s].chain].id
            let responder: String
            switch kind {
            case .supply, .capability: responder = "cm-\(chainId)"
            case .finance: responder = "ag-bank"
            case .talent: responder = "ag-hr"
            case .policy: responder = "ag-bureau"
            case .service: responder = "ag-reps"
            }
            var product: String? = nil
            var quantity: Double? = nil
            if kind == .supply, !stages[s].inputs.isEmpty {
                product = stages[rng.pick(stages[s].inputs)].productList[0]
                quantity = Double(100 + rng.below(10_000))
            }
            let text = Self.needTexts[kind]
            number += 1
            needs.append(
                Need(
                    id: Self.code("n", number, width: 7), firm: ids[i], kind: kind, tags: text?.tags ?? [],
                    product: product,
                    quantity: quantity, text: text?.text, status: status, responder: responder))
        }
    }

    /// Firm records, sharing stage, product, capability and zone strings between firms.
    func materializeFirms() -> [Firm] {
        var firms: [Firm] = []
        firms.reserveCapacity(n)
        for i in 0..<n {
            if i & 0xFFFF == 0 { progress?("firms", i, n) }
            let s = Int(firmStage[i])
            let info = stages[s]
            var stageIds = info.idList
            var products = info.productList
            let s2 = Int(secondStage[i])
            if s2 >= 0 {
                stageIds.append(stages[s2].idList[0])
                products.append(stages[s2].productList[0])
            }
            let caps =
                info.capabilityLists.isEmpty || i % 5 != 0
                ? [] : info.capabilityLists[i / 5 % info.capabilityLists.count]
            let o = firmOrg.isEmpty ? -1 : firmOrg[i]
            firms.append(
                Firm(
                    id: ids[i], name: names[i], stages: stageIds, leads: isLeader[i] ? [templates[info.chain].id] : [],
                    products: products, capabilities: caps, output: output[i], employees: employees[i],
                    capacity: capacity[i],
                    capacityUnit: info.t.capacityUnit, zone: inPark[i] ? zoneNames[Int(zoneOf[i])] : nil,
                    inPark: inPark[i],
                    partyMembers: inPark[i] ? partyMembers[i] : nil,
                    organization: o >= 0 ? organizations[Int(o)].id : nil,
                    workCovered: inPark[i] ? (o >= 0 || workReached[i]) : nil))
        }
        progress?("firms", n, n)
        return firms
    }
}
