import ChainModel

/// Proposes joint-branch groupings (联合组建) for firms with too few party members for a
/// branch of their own. See docs/ORGS.md, "Joint-branch groupings".
///
/// 1. Bucket the candidates by (first chain, first stage of that chain); buckets in chain and
///    template order, firms without a chain last. Inside a bucket, sort by zone (absent last),
///    party members descending, firm id.
/// 2. First fit into existing joint organizations of the bucket: joint branches (then grids)
///    with a firm in the same stage, by id, while they have fewer than `maxGroupFirms` firms.
/// 3. Greedy fill of new groups with the rest, closing a group when its party members reach
///    the threshold (or it has `maxGroupFirms` firms).
/// 4. A bucket's last group that stays below the threshold is a leftover: its firms join the
///    nearest bucket of the same chain (stage distance in template order, upstream first on a
///    tie) that has a group with room; else an existing joint organization of the same chain,
///    then of the same zone; else they are pooled per chain and grouped greedily, and a group
///    still below the threshold is reported as such.
///
/// No dictionary is iterated: every order comes from sorted arrays, so output is deterministic.
///
/// - Complexity: O(k log k + member references of joint organizations + buckets × stages of a
///   chain) for k candidates.
struct JointBranchPlanner {
    let ix: OrganizationIndex
    let threshold: Int
    let maxFirms: Int

    init(index: OrganizationIndex, options: OrganizationOptions) {
        ix = index
        threshold = options.effectiveThreshold
        maxFirms = options.effectiveMaxGroupFirms
    }

    private struct Candidate {
        var firm: Int
        var members: Int
        var chain: Int32
        var stage: Int32
        var zone: String?
    }

    private struct Target {
        var org: Int
        var firms: Int
        var members: Int
    }

    private struct Group {
        var firms: [Int] = []
        var members = 0
        var target = -1
        var chain: Int32
        var stage: Int32
        /// Stages the firms came from (joins of existing organizations), first-seen order.
        var stages: [Int32] = []
        /// How an existing organization was found for a leftover (nil: by stage).
        var how: OrganizationReport.JointGroup.Basis?
        /// Whether the group pools a chain's leftovers.
        var pooled = false
        /// Firms merged in from other stages of the same chain, with the stage they came from.
        var merged: [(firm: Int, stage: Int32)] = []
    }

    private func bucketKey(_ c: Int32, _ s: Int32) -> Int64 {
        // No chain sorts last; no stage sorts last within its chain.
        let cc = c < 0 ? Int64(Int32.max) : Int64(c)
        let ss = s < 0 ? Int64(Int32.max) : Int64(s)
        return cc << 32 | ss
    }

    func plan(_ candidates: [OrganizationReport.JoinCandidate]) -> [OrganizationReport.JointGroup] {
        let park = ix.park
        var cands: [Candidate] = []
        cands.reserveCapacity(candidates.count)
        for c in candidates {
            guard let f = ix.firmIndex[c.firm.id] else { continue }
            let place = ix.primaryPlace(ofFirm: Int(f))
            cands.append(
                Candidate(
                    firm: Int(f), members: c.partyMembers, chain: place.chain, stage: place.stage,
                    zone: park.firms[Int(f)].zone))
        }
        cands.sort { a, b in
            let ka = bucketKey(a.chain, a.stage), kb = bucketKey(b.chain, b.stage)
            if ka != kb { return ka < kb }
            switch (a.zone, b.zone) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.members != b.members { return a.members > b.members }
            return park.firms[a.firm].id < park.firms[b.firm].id
        }

        // Existing joint organizations, sorted: joint branches first, then grids, by id.
        var targets: [Target] = []
        for (o, org) in park.organizations.enumerated() where org.kind.isJoint {
            let firms = ix.firms(ofOrganization: o)
            guard !firms.isEmpty else { continue }
            var m = 0
            for f in firms { m += ix.partyMembers(Int(f)) }
            targets.append(Target(org: o, firms: firms.count, members: m))
        }
        targets.sort { a, b in
            let ka = park.organizations[a.org].kind == .jointBranch ? 0 : 1
            let kb = park.organizations[b.org].kind == .jointBranch ? 0 : 1
            if ka != kb { return ka < kb }
            return park.organizations[a.org].id < park.organizations[b.org].id
        }
        var byStage: [Int32: [Int]] = [:]
        var byChain: [Int32: [Int]] = [:]
        var byZone: [String: [Int]] = [:]
        for (t, target) in targets.enumerated() {
            for f in ix.firms(ofOrganization: target.org) {
                for s in ix.stages(ofFirm: Int(f)) where byStage[s]?.last != t { byStage[s, default: []].append(t) }
                for c in ix.chains(ofFirm: Int(f)) where byChain[c]?.last != t { byChain[c, default: []].append(t) }
                if let z = park.firms[Int(f)].zone, byZone[z]?.last != t { byZone[z, default: []].append(t) }
            }
        }
        // Rooms only shrink, so a cursor per list never moves back.
        var stageCursor: [Int32: Int] = [:]
        func firstWithRoom(_ list: [Int]?, cursor: Int) -> (target: Int, cursor: Int)? {
            guard let list else { return nil }
            var k = cursor
            while k < list.count, targets[list[k]].firms >= maxFirms { k += 1 }
            return k < list.count ? (list[k], k) : nil
        }

        var groups: [Group] = []
        var groupOfTarget: [Int: Int] = [:]
        /// Groups of each bucket, in creation order, per chain: (stage, group indices).
        var bucketGroups: [Int32: [(stage: Int32, groups: [Int])]] = [:]
        var leftovers: [(chain: Int32, stage: Int32, firms: [Int])] = []

        var inBucket = Set<Int>()
        func joinTarget(_ t: Int, _ c: Candidate, bucketGroupList: inout [Int]) {
            let g: Int
            if let existing = groupOfTarget[t] {
                g = existing
            } else {
                g = groups.count
                groupOfTarget[t] = g
                groups.append(Group(target: t, chain: c.chain, stage: c.stage))
            }
            groups[g].firms.append(c.firm)
            groups[g].members += c.members
            if c.stage >= 0, !groups[g].stages.contains(c.stage) { groups[g].stages.append(c.stage) }
            targets[t].firms += 1
            targets[t].members += c.members
            if inBucket.insert(g).inserted { bucketGroupList.append(g) }
        }

        var i = 0
        while i < cands.count {
            let key = bucketKey(cands[i].chain, cands[i].stage)
            var j = i
            while j < cands.count, bucketKey(cands[j].chain, cands[j].stage) == key { j += 1 }
            let chain = cands[i].chain, stage = cands[i].stage
            var local: [Int] = []
            inBucket.removeAll(keepingCapacity: true)
            var open: Group?
            for k in i..<j {
                let c = cands[k]
                if stage >= 0, let hit = firstWithRoom(byStage[stage], cursor: stageCursor[stage] ?? 0) {
                    stageCursor[stage] = hit.cursor
                    joinTarget(hit.target, c, bucketGroupList: &local)
                    continue
                }
                var g = open ?? Group(chain: chain, stage: stage)
                g.firms.append(c.firm)
                g.members += c.members
                if g.members >= threshold || g.firms.count >= maxFirms {
                    local.append(groups.count)
                    groups.append(g)
                    open = nil
                } else {
                    open = g
                }
            }
            if let g = open { leftovers.append((chain, stage, g.firms)) }
            if chain >= 0, !local.isEmpty { bucketGroups[chain, default: []].append((stage, local)) }
            i = j
        }

        // Leftovers: nearest bucket of the same chain, then existing organizations, then pools.
        func firmsNow(_ g: Group) -> Int { g.target >= 0 ? targets[g.target].firms : g.firms.count }
        var pools: [Int32: [Int]] = [:]
        var poolOrder: [Int32] = []
        var chainCursor: [Int32: Int] = [:]
        var zoneCursor: [String: Int] = [:]
        for left in leftovers {
            for f in left.firms {
                let m = ix.partyMembers(f)
                if left.chain >= 0, let buckets = bucketGroups[left.chain] {
                    var best: Int?
                    var bestKey = (Int32.max, Int32.max)
                    for b in buckets where b.stage != left.stage {
                        guard let g = b.groups.first(where: { firmsNow(groups[$0]) < maxFirms }) else { continue }
                        let d = left.stage >= 0 && b.stage >= 0 ? abs(b.stage - left.stage) : Int32.max - 1
                        let k = (d, b.stage)
                        if k < bestKey { bestKey = k; best = g }
                    }
                    if let g = best {
                        groups[g].firms.append(f)
                        groups[g].members += m
                        if groups[g].target >= 0 {
                            targets[groups[g].target].firms += 1; targets[groups[g].target].members += m
                        }
                        groups[g].merged.append((f, left.stage))
                        continue
                    }
                }
                let zone = park.firms[f].zone
                var hit: (target: Int, how: OrganizationReport.JointGroup.Basis)?
                if left.chain >= 0, let h = firstWithRoom(byChain[left.chain], cursor: chainCursor[left.chain] ?? 0) {
                    chainCursor[left.chain] = h.cursor
                    hit = (h.target, .existingSameChain)
                } else if let z = zone, let h = firstWithRoom(byZone[z], cursor: zoneCursor[z] ?? 0) {
                    zoneCursor[z] = h.cursor
                    hit = (h.target, .existingSameZone)
                }
                if let hit {
                    var unused: [Int] = []
                    let c = Candidate(firm: f, members: m, chain: left.chain, stage: left.stage, zone: zone)
                    let fresh = groupOfTarget[hit.target] == nil
                    joinTarget(hit.target, c, bucketGroupList: &unused)
                    if fresh, let g = groupOfTarget[hit.target] { groups[g].how = hit.how }
                    continue
                }
                if pools[left.chain] == nil { poolOrder.append(left.chain) }
                pools[left.chain, default: []].append(f)
            }
        }
        for chain in poolOrder {
            guard let firms = pools[chain] else { continue }
            var g = Group(chain: chain, stage: -1)
            for f in firms {
                g.firms.append(f)
                g.members += ix.partyMembers(f)
                if g.members >= threshold || g.firms.count >= maxFirms {
                    g.pooled = true
                    groups.append(g)
                    g = Group(chain: chain, stage: -1)
                }
            }
            if !g.firms.isEmpty {
                g.pooled = true
                groups.append(g)
            }
        }

        return groups.enumerated().map { n, g in render(n + 1, g, targets) }
    }

    private func chainName(_ c: Int32) -> Message.Argument {
        c >= 0 ? .text(ix.park.chains[Int(c)].name) : .message(Message("orgs.noChain"))
    }

    private func stageName(_ s: Int32) -> Message.Argument {
        s >= 0 ? .text(ix.stageNames[Int(s)]) : .message(Message("orgs.noStage"))
    }

    private func firmName(_ f: Int) -> Message.Argument {
        .message(Message("orgs.firm", ["name": .text(ix.park.firms[f].name), "id": .text(ix.park.firms[f].id)]))
    }

    private func render(_ number: Int, _ g: Group, _ targets: [Target]) -> OrganizationReport.JointGroup {
        let park = ix.park
        var zone: String? = g.firms.first.flatMap { park.firms[$0].zone }
        for f in g.firms where park.firms[f].zone != zone { zone = nil; break }
        let total = g.target >= 0 ? targets[g.target].members : g.members
        let reaches = total >= threshold
        let basis: OrganizationReport.JointGroup.Basis
        let reason: Message
        let merged = Message.Argument.message(
            g.merged.isEmpty
                ? Message("orgs.empty")
                : Message(
                    "orgs.group.merged",
                    [
                        "firms": .list(
                            g.merged.map {
                                .message(
                                    Message(
                                        "orgs.group.mergedFirm",
                                        ["firm": firmName($0.firm), "stage": stageName($0.stage)]))
                            }, limit: 20)
                    ]))
        if g.target >= 0 {
            let org = park.organizations[targets[g.target].org]
            basis = g.how ?? .existingSameStage
            let why =
                g.how.map { Message("orgs.group.why." + $0.rawValue) }
                ?? Message("orgs.group.why.stages", ["stages": .list(g.stages.map(stageName), limit: 20)])
            reason = Message(
                "orgs.group.existing",
                [
                    "organization": .message(Message("orgs.firm", ["name": .text(org.name), "id": .text(org.id)])),
                    "why": .message(why),
                    "firms": .integer(targets[g.target].firms), "members": .integer(total), "merged": merged,
                ])
        } else if g.pooled {
            basis = .pool
            reason = Message(
                reaches ? "orgs.group.pool" : "orgs.group.pool.below",
                [
                    "firms": .integer(g.firms.count), "chain": chainName(g.chain), "members": .integer(g.members),
                    "threshold": .integer(threshold),
                    "merged": merged,
                ])
        } else {
            basis = .stage
            let mergedMembers = g.merged.reduce(0) { $0 + ix.partyMembers($1.firm) }
            reason = Message(
                "orgs.group.new",
                [
                    "firms": .integer(g.firms.count - g.merged.count),
                    "place": .message(
                        Message(
                            "orgs.group.place",
                            [
                                "chain": chainName(g.chain),
                                "stage": .message(
                                    g.stage >= 0
                                        ? Message("orgs.group.place.stage", ["stage": stageName(g.stage)])
                                        : Message("orgs.empty")),
                                "zone": .message(
                                    zone.map { Message("orgs.group.place.zone", ["zone": .text($0)]) }
                                        ?? Message("orgs.empty")),
                            ])),
                    "members": .integer(g.members - mergedMembers), "threshold": .integer(threshold), "merged": merged,
                ])
        }
        return OrganizationReport.JointGroup(
            number: number, chain: g.chain >= 0 ? park.chains[Int(g.chain)].id : nil,
            stage: g.stage >= 0 ? ix.stageIds[Int(g.stage)] : nil, zone: zone,
            firms: g.firms.map { ix.firmRef($0) }, partyMembers: g.members,
            existing: g.target >= 0 ? park.organizations[targets[g.target].org].id : nil,
            totalPartyMembers: total, reachesThreshold: reaches, basis: basis,
            merged: g.merged.map { ix.firmRef($0.firm) }, reason: reason)
    }
}
