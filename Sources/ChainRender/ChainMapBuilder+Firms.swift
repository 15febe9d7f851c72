import ChainModel

extension ChainMapBuilder {
    /// The firm-level scene: one cluster per stage in template order, then outside-park and
    /// unstaged firms; supply links among the selected firms.
    func firmScene(selected: [Bool], chain: Int?, focus: MapFocus?, gaps: Bool, text: MapText) -> MapScene {
        let park = index.park
        let allowed: Set<Int>? = chain.map { c in Set(index.stages.indices.filter { index.stages[$0].chainIndex == c })
        }
        let viewStages = index.stages.indices.filter { allowed?.contains($0) ?? true }
        var byStage = [[Int]](repeating: [], count: index.stages.count)
        var outside: [Int] = []
        var unstaged: [Int] = []
        for f in park.firms.indices where selected[f] {
            let firm = park.firms[f]
            if !firm.inPark {
                outside.append(f)
            } else if let s = index.primaryStage(of: firm, allowed: allowed) {
                byStage[s].append(f)
            } else {
                unstaged.append(f)
            }
        }
        let byID: (Int, Int) -> Bool = { a, b in
            park.firms[a].id != park.firms[b].id ? park.firms[a].id < park.firms[b].id : a < b
        }
        let range = ParkIndex.positiveRange(
            park.firms.indices.lazy.filter { selected[$0] }.map { park.firms[$0].output })
        let leaderChain = chain.map { park.chains[$0].id }
        let focusIndex = focus.flatMap { index.firmIndex($0.firm) }
        let multiChain = chain == nil && park.chains.count > 1

        let shortNames = Self.shortNames(
            park.firms.indices.filter { selected[$0] }.map { (f: Int) -> (Int, String) in
                (f, park.firms[f].name.isEmpty ? park.firms[f].id : park.firms[f].name)
            })
        var scene = MapScene(title: "")
        var firstNode = [String?](repeating: nil, count: index.stages.count)
        func firmNode(_ f: Int, cluster: String) -> MapNode {
            let firm = park.firms[f]
            let leader = leaderChain.map { firm.leads.contains($0) } ?? firm.isChainLeader
            return MapNode(
                name: "firm:" + firm.id, kind: .firm(id: firm.id, inPark: firm.inPark),
                label: Self.displayName(shortNames[f] ?? firm.name), cluster: cluster, leader: leader,
                focus: f == focusIndex, organization: index.status[f],
                scale: range.map { ParkIndex.logScale(firm.output, min: $0.0, max: $0.1) } ?? 0,
                tooltip: firmTooltip(f)
            )
        }
        for s in viewStages {
            let entry = index.stages[s]
            var members = byStage[s]
            if members.isEmpty && !gaps { continue }
            members.sort(by: byID)
            let key = "stage:" + entry.stage.id
            // The chain's name on a line of its own keeps the box as narrow as its firms.
            var label = multiChain ? [park.chains[entry.chainIndex].name + " /"] : []
            label.append(entry.stage.name + " (\(members.count))")
            if !entry.stage.required { label.append(text("optional")) }
            scene.clusters.append(
                MapCluster(key: key, kind: .stage(id: entry.stage.id, tier: entry.stage.tier), label: label))
            if members.isEmpty {
                let name = "gap:" + entry.stage.id
                scene.nodes.append(
                    MapNode(
                        name: name, kind: .gap(stage: entry.stage.id), label: [text("gap")], cluster: key,
                        tooltip: "\(entry.stage.name): 本视图中没有企业 no firm in this view"
                    ))
                firstNode[s] = name
            } else {
                for f in members { scene.nodes.append(firmNode(f, cluster: key)) }
                firstNode[s] = "firm:" + park.firms[members[0]].id
            }
        }
        if !unstaged.isEmpty {
            unstaged.sort(by: byID)
            scene.clusters.append(
                MapCluster(
                    key: "unstaged", kind: .unstaged, label: [text("box.unstaged", ["count": .integer(unstaged.count)])]
                ))
            for f in unstaged { scene.nodes.append(firmNode(f, cluster: "unstaged")) }
        }
        if !outside.isEmpty {
            outside.sort(by: byID)
            scene.clusters.append(
                MapCluster(
                    key: "outside", kind: .outside, label: [text("box.outside", ["count": .integer(outside.count)])]))
            for f in outside { scene.nodes.append(firmNode(f, cluster: "outside")) }
        }
        scene.rankEdges = rankEdges(stages: viewStages, first: firstNode)
        scene.edges = supplyEdges(selected: selected)
        return scene
    }

    /// Legal-form suffixes left out of map labels (the tooltip keeps the full name).
    static let legalSuffixes = ["股份有限公司", "有限责任公司", "有限公司"]

    /// Short names for map labels (简称): the legal-form suffix goes, then a leading place name
    /// shared by many firms of the view (宁波, 北仑, 浙江: a prefix of 2–4 characters that at least
    /// 3 firms and a tenth of the view start with), at most twice; a name keeps at least 2
    /// characters, and a short name that two firms would share is not used. The tooltip keeps
    /// the full name.
    ///
    /// - Complexity: O(n) for n names of bounded length.
    static func shortNames(_ names: [(Int, String)]) -> [Int: String] {
        var current: [Int: String] = [:]
        for (f, name) in names {
            var short = name
            for suffix in legalSuffixes where short.hasSuffix(suffix) && short.count >= suffix.count + 2 {
                short = String(short.dropLast(suffix.count))
                break
            }
            current[f] = short
        }
        let threshold = max(3, names.count / 10)
        for _ in 0..<2 {
            var counts: [String: Int] = [:]
            for (f, _) in names {
                guard let name = current[f] else { continue }
                let chars = Array(name)
                for length in 2...4 where chars.count >= length + 2 && chars[0..<length].allSatisfy({ !$0.isASCII }) {
                    counts[String(chars[0..<length]), default: 0] += 1
                }
            }
            var next = current
            for (f, _) in names {
                guard let name = current[f] else { continue }
                let chars = Array(name)
                for length in stride(from: 4, through: 2, by: -1) where chars.count >= length + 2 {
                    if (counts[String(chars[0..<length])] ?? 0) >= threshold {
                        next[f] = String(chars[length...])
                        break
                    }
                }
            }
            current = next
        }
        // Keep names unique: a short name two firms share falls back to the name without suffix.
        var uses: [String: Int] = [:]
        for (_, short) in current { uses[short, default: 0] += 1 }
        for (f, name) in names where (uses[current[f] ?? ""] ?? 0) > 1 {
            current[f] = name
        }
        return current
    }

    /// A firm's name as map label lines: without its legal-form suffix (宁波拓普集团股份有限公司 →
    /// 宁波拓普集团), names over 9 ems broken into balanced lines of about 7 ems so grid cells stay compact.
    static func displayName(_ name: String) -> [String] {
        var short = name
        for suffix in legalSuffixes where short.hasSuffix(suffix) && short.count >= suffix.count + 2 {
            short = String(short.dropLast(suffix.count))
            break
        }
        return wrap(short, maxLine: 7)
    }

    /// `text` broken into balanced lines of about `maxLine` ems when it is over `maxLine + 1` ems
    /// (never inside an ASCII word unless a line would grow past 1.4 × `maxLine`).
    ///
    /// - Complexity: O(n) for n characters.
    static func wrap(_ short: String, maxLine: Double) -> [String] {
        let total = MapLayout.ems(short)
        guard total > maxLine + 1 else { return [short] }
        let lines = Int((total / maxLine).rounded(.up))
        let target = total / Double(lines)
        var result: [String] = []
        var current = ""
        var width = 0.0
        let characters = Array(short)
        for (k, c) in characters.enumerated() {
            let w = MapLayout.ems(String(c))
            // Break before this character when the line is full, but not inside an ASCII word.
            let insideWord =
                c.isASCII && (c.isLetter || c.isNumber) && k > 0 && characters[k - 1].isASCII
                && (characters[k - 1].isLetter || characters[k - 1].isNumber)
            if width + w / 2 > target, !current.isEmpty, result.count < lines - 1, !insideWord || width > maxLine * 1.4
            {
                result.append(current.trimmingSpaces)
                current = ""
                width = 0
            }
            current.append(c)
            width += w
        }
        if !current.isEmpty { result.append(current.trimmingSpaces) }
        return result
    }

    /// Invisible edges from each input stage's first node to the stage's first node.
    func rankEdges(stages: [Int], first: [String?]) -> [RankEdge] {
        var edges: [RankEdge] = []
        for s in stages {
            guard let to = first[s] else { continue }
            let entry = index.stages[s]
            for input in entry.stage.inputs.sorted() {
                guard let i = index.stageByID[input], index.stages[i].chainIndex == entry.chainIndex, i != s,
                    let from = first[i]
                else { continue }
                let edge = RankEdge(from: from, to: to)
                if !edges.contains(edge) { edges.append(edge) }
            }
        }
        return edges
    }

    /// Supply links whose two firms are selected, sorted by supplier, buyer, product, link id.
    func supplyEdges(selected: [Bool]) -> [MapEdge] {
        let park = index.park
        var chosen: [(s: Int, b: Int, l: Int)] = []
        for l in park.links.indices {
            let s = Int(index.linkSupplier[l]), b = Int(index.linkBuyer[l])
            guard s >= 0, b >= 0, selected[s], selected[b] else { continue }
            chosen.append((s, b, l))
        }
        chosen.sort { x, y in
            let lx = park.links[x.l]
            let ly = park.links[y.l]
            if lx.supplier != ly.supplier { return lx.supplier < ly.supplier }
            if lx.buyer != ly.buyer { return lx.buyer < ly.buyer }
            if (lx.product ?? "") != (ly.product ?? "") { return (lx.product ?? "") < (ly.product ?? "") }
            if (lx.id ?? "") != (ly.id ?? "") { return (lx.id ?? "") < (ly.id ?? "") }
            return x.l < y.l
        }
        let range = ParkIndex.positiveRange(chosen.lazy.map { park.links[$0.l].value })
        var seen: [String: Int] = [:]
        var edges: [MapEdge] = []
        edges.reserveCapacity(chosen.count)
        for (s, b, l) in chosen {
            let link = park.links[l]
            let supplier = park.firms[s]
            let buyer = park.firms[b]
            let outside = !(link.local ?? (supplier.inPark && buyer.inPark))
            var key = "link-" + DOTText.token(supplier.id) + "__" + DOTText.token(buyer.id)
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            if n > 1 { key += "__\(n)" }
            edges.append(
                MapEdge(
                    from: "firm:" + supplier.id, to: "firm:" + buyer.id, kind: .supply(link.status, outside: outside),
                    link: SupplierBuyer(supplier: supplier.id, buyer: buyer.id),
                    scale: range.map { ParkIndex.logScale(link.value, min: $0.0, max: $0.1) } ?? 0,
                    tooltip: linkTooltip(link, supplier: supplier, buyer: buyer, outside: outside), key: key,
                    value: link.value
                ))
        }
        return edges
    }

    func firmTooltip(_ f: Int) -> String {
        let park = index.park
        let firm = park.firms[f]
        var lines = ["\(firm.name) (\(firm.id))"]
        let stageNames = firm.stages.map { id in index.stageByID[id].map { index.stages[$0].stage.name } ?? id }
        lines.append("环节 stage: " + (stageNames.isEmpty ? "—" : stageNames.joined(separator: ", ")))
        lines.append("产品 products: " + (firm.products.isEmpty ? "—" : firm.products.joined(separator: ", ")))
        lines.append("产值 output: " + (firm.output.map(DOTText.money) ?? "未知 unknown"))
        if !firm.leads.isEmpty {
            let names = firm.leads.map { id in index.chainByID[id].map { park.chains[$0].name } ?? id }
            lines.append("链主 chain leader: " + names.joined(separator: ", "))
        }
        switch index.status[f] {
        case .own: lines.append("党组织 organization: 单独组建 own")
        case .joint: lines.append("党组织 organization: 联合组建 joint/grid")
        case .none: lines.append("党组织 organization: 无 none")
        }
        if !firm.inPark { lines.append("园区外 outside the park") }
        return lines.joined(separator: "\n")
    }

    func linkTooltip(_ link: SupplyLink, supplier: Firm, buyer: Firm, outside: Bool) -> String {
        var lines = ["\(supplier.name) → \(buyer.name)"]
        if let product = link.product { lines.append("产品 product: \(product)") }
        if let value = link.value { lines.append("年值 value: " + DOTText.money(value)) }
        if let share = link.share { lines.append("份额 share: " + DOTText.fixed(share * 100, digits: 0) + "%") }
        switch link.status {
        case .active: lines.append("状态 status: 在供 active")
        case .planned: lines.append("状态 status: 计划 planned")
        case .lost: lines.append("状态 status: 断链 lost")
        }
        if link.primary { lines.append("主配套 primary supplier") }
        lines.append(outside ? "外地配套 outside-park supply" : "就近配套 local supply")
        return lines.joined(separator: "\n")
    }

    // MARK: - Pairing layer

    private enum Party {
        case node(name: String, organization: Int?)
        case hidden
        case unknown
    }

    /// Adds organization pairings as undirected edges between drawn firms and organizations.
    /// A branch or general branch hosted by a drawn firm is drawn as that firm. In restricted
    /// views (chain, focus) a pairing needs at least one drawn firm.
    func addPairings(to scene: inout MapScene, notes: inout [String], restricted: Bool, text: MapText) {
        let park = index.park
        var drawnFirms = Set<String>()
        for node in scene.nodes { if case .firm(let id, _) = node.kind { drawnFirms.insert(id) } }
        func resolve(_ id: String) -> Party {
            if index.firmIndex(id) != nil {
                return drawnFirms.contains(id) ? .node(name: "firm:" + id, organization: nil) : .hidden
            }
            guard let o = index.organizationByID[id] else { return .unknown }
            let org = park.organizations[o]
            if org.kind == .branch || org.kind == .generalBranch, let host = org.hostFirm, index.firmIndex(host) != nil
            {
                return drawnFirms.contains(host) ? .node(name: "firm:" + host, organization: nil) : .hidden
            }
            return .node(name: "org:" + org.id, organization: o)
        }
        let order = park.pairings.indices.sorted { x, y in
            let a = park.pairings[x]
            let b = park.pairings[y]
            if a.a != b.a { return a.a < b.a }
            if a.b != b.b { return a.b < b.b }
            if a.kind.rawValue != b.kind.rawValue { return a.kind.rawValue < b.kind.rawValue }
            if (a.id ?? "") != (b.id ?? "") { return (a.id ?? "") < (b.id ?? "") }
            return x < y
        }
        var organizations = Set<Int>()
        var seen: [String: Int] = [:]
        for p in order {
            let pairing = park.pairings[p]
            let ra = resolve(pairing.a)
            let rb = resolve(pairing.b)
            guard case .node(let na, let oa) = ra, case .node(let nb, let ob) = rb else {
                if case .unknown = ra { notes.append("pairing names an unknown party: \(pairing.a)") }
                if case .unknown = rb { notes.append("pairing names an unknown party: \(pairing.b)") }
                continue
            }
            if restricted && oa != nil && ob != nil { continue }
            if na == nb { continue }
            if let oa { organizations.insert(oa) }
            if let ob { organizations.insert(ob) }
            var key = "pair-" + DOTText.token(pairing.a) + "__" + DOTText.token(pairing.b)
            let n = (seen[key] ?? 0) + 1
            seen[key] = n
            if n > 1 { key += "__\(n)" }
            var lines = ["\(partyName(pairing.a)) ⇄ \(partyName(pairing.b))", "结对 pairing: \(pairing.kind.rawValue)"]
            if let since = pairing.since { lines.append("自 since: \(since)") }
            if let outcome = pairing.outcome { lines.append("成效 outcome: \(outcome)") }
            scene.edges.append(
                MapEdge(
                    from: na, to: nb, kind: .pairing(pairing.kind), tooltip: lines.joined(separator: "\n"), key: key))
        }
        guard !organizations.isEmpty else { return }
        scene.clusters.append(
            MapCluster(key: "organizations", kind: .organizations, label: [text("box.organizations")]))
        let sorted = organizations.sorted {
            park.organizations[$0].id != park.organizations[$1].id
                ? park.organizations[$0].id < park.organizations[$1].id : $0 < $1
        }
        for o in sorted {
            let org = park.organizations[o]
            var lines = ["\(org.name) (\(org.id))", "类型 kind: \(org.kind.rawValue)"]
            if let parent = org.parent { lines.append("上级 parent: \(partyName(parent))") }
            if !org.members.isEmpty { lines.append("成员 members: \(org.members.count)") }
            scene.nodes.append(
                MapNode(
                    name: "org:" + org.id, kind: .organization(id: org.id),
                    label: [org.name.isEmpty ? org.id : org.name],
                    cluster: "organizations", tooltip: lines.joined(separator: "\n")))
        }
    }

    func partyName(_ id: String) -> String {
        let park = index.park
        if let f = index.firmIndex(id) { return park.firms[f].name }
        if let o = index.organizationByID[id] { return park.organizations[o].name }
        return id
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
