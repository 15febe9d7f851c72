import ChainModel

extension OrganizationReport {
    /// Structure checks: chain organizations, leaders' placement, reached stages, chain
    /// mismatches.
    ///
    /// - Complexity: O(firms + stage references + organizations + member references +
    ///   leaders × depth of the organization tree).
    static func structureChecks(_ ix: OrganizationIndex) -> StructureChecks {
        let park = ix.park
        let chainCount = park.chains.count
        var chainIndex: [String: Int] = [:]
        for (c, chain) in park.chains.enumerated() where chainIndex[chain.id] == nil { chainIndex[chain.id] = c }

        // Committees and alliances per chain, in park order.
        var chainOrgs = [[Int]](repeating: [], count: chainCount)
        for (o, org) in park.organizations.enumerated() where org.kind.isChainWide {
            var seen = Set<Int>()
            for id in org.chains {
                if let c = chainIndex[id], seen.insert(c).inserted { chainOrgs[c].append(o) }
            }
        }
        let chainOrganizations = park.chains.enumerated().map { c, chain in
            ChainOrganizations(
                chain: chain.id, chainName: chain.name, organizations: chainOrgs[c].map { park.organizations[$0].id })
        }

        // Chain-wide organizations each firm is a member of (members lists only).
        var memberOf: [Int32: [Int]] = [:]
        for (o, org) in park.organizations.enumerated() where org.kind.isChainWide {
            for m in org.members { if let f = ix.firmIndex[m] { memberOf[f, default: []].append(o) } }
        }

        // Leaders.
        var leaders: [LeaderPlacement] = []
        for (i, firm) in park.firms.enumerated() where firm.isChainLeader {
            var seenChains = Set<String>()
            for chainId in firm.leads where seenChains.insert(chainId).inserted {
                guard let c = chainIndex[chainId] else { continue }
                let targets = Set(chainOrgs[c])
                var placed = false
                var placement = LeaderPlacement.Placement.noChainOrganization
                var organizations: [String] = []
                let chainList = chainOrgs[c].map { park.organizations[$0].id }
                if targets.isEmpty {
                    placement = .noChainOrganization
                } else if let o = memberOf[Int32(i)]?.first(where: { targets.contains($0) }) {
                    placed = true
                    placement = .member
                    organizations = [park.organizations[o].id]
                } else {
                    // The firm's organizations: its own, the one it names, its joint one.
                    var starts: [Int] = []
                    if ix.ownOrganization[i] >= 0 { starts.append(Int(ix.ownOrganization[i])) }
                    if let n = firm.organization, let o = ix.orgIndex[n], !starts.contains(Int(o)) {
                        starts.append(Int(o))
                    }
                    if ix.jointOrganization[i] >= 0, !starts.contains(Int(ix.jointOrganization[i])) {
                        starts.append(Int(ix.jointOrganization[i]))
                    }
                    for start in starts {
                        if let path = ix.parentPath(from: start, reaching: targets) {
                            placed = true
                            placement = .path
                            organizations = path.map { park.organizations[$0].id }
                            break
                        }
                    }
                    if !placed {
                        placement = starts.isEmpty ? .noOrganization : .notLinked
                        organizations = (starts.isEmpty ? [] : [park.organizations[starts[0]].id]) + chainList
                    }
                }
                leaders.append(
                    LeaderPlacement(
                        chain: chainId, firm: ix.firmRef(i), placed: placed, placement: placement,
                        organizations: organizations,
                        detail: Self.detail(placement, organizations, chainList)))
            }
        }
        leaders.sort { a, b in
            let ca = chainIndex[a.chain] ?? 0, cb = chainIndex[b.chain] ?? 0
            if ca != cb { return ca < cb }
            return a.firm.id < b.firm.id
        }

        // Stages reached: some in-park firm of the stage has an organization or is a member of
        // a committee or alliance of the stage's chain.
        let stageCount = ix.stageIds.count
        var stageFirms = [Int](repeating: 0, count: stageCount)
        var reached = [Bool](repeating: false, count: stageCount)
        for (i, firm) in park.firms.enumerated() where firm.inPark {
            let inChainWide = memberOf[Int32(i)] ?? []
            for s in ix.stages(ofFirm: i) {
                stageFirms[Int(s)] += 1
                if reached[Int(s)] { continue }
                if ix.hasOrganization[i] { reached[Int(s)] = true; continue }
                let c = Int(ix.stageChain[Int(s)])
                if inChainWide.contains(where: { chainOrgs[c].contains($0) }) { reached[Int(s)] = true }
            }
        }
        var unreached: [UnreachedStage] = []
        for s in 0..<stageCount where stageFirms[s] > 0 && !reached[s] {
            unreached.append(
                UnreachedStage(
                    chain: park.chains[Int(ix.stageChain[s])].id, stage: ix.stageIds[s], stageName: ix.stageNames[s],
                    firms: stageFirms[s]))
        }

        // Organizations whose chains do not follow their members' chains.
        var mismatches: [ChainMismatch] = []
        for (o, org) in park.organizations.enumerated() where !org.chains.isEmpty {
            let own = Set(org.chains.compactMap { chainIndex[$0] }.map(Int32.init))
            let firms = ix.firms(ofOrganization: o)
            var off: [OffChainMember] = []
            for f in firms {
                let chains = ix.chains(ofFirm: Int(f))
                if chains.isEmpty || chains.contains(where: own.contains) { continue }
                off.append(OffChainMember(firm: ix.firmRef(Int(f)), chains: chains.map { park.chains[Int($0)].id }))
            }
            if !off.isEmpty {
                mismatches.append(
                    ChainMismatch(
                        organization: org.id, name: org.name, chains: org.chains, memberFirms: firms.count,
                        offChain: off))
            }
        }
        return StructureChecks(
            chainOrganizations: chainOrganizations, leaders: leaders, unreachedStages: unreached, mismatches: mismatches
        )
    }
}

extension OrganizationReport {
    /// A leader's placement as a sentence.
    static func detail(_ placement: LeaderPlacement.Placement, _ organizations: [String], _ chainList: [String])
        -> Message
    {
        let chainOrgs = Message.Argument.list(chainList.map { .text($0) }, limit: 10)
        switch placement {
        case .member: return Message("orgs.leader.member", ["organization": .text(organizations.first ?? "")])
        case .path:
            // A → B → C as nested steps, so each language writes its own arrow.
            var path = Message.Argument.text(organizations.last ?? "")
            for o in organizations.dropLast().reversed() {
                path = .message(Message("orgs.path.step", ["from": .text(o), "to": path]))
            }
            return Message("orgs.leader.path", ["path": path])
        case .noChainOrganization: return Message("orgs.leader.no-chain-organization")
        case .noOrganization: return Message("orgs.leader.no-organization", ["organizations": chainOrgs])
        case .notLinked:
            return Message(
                "orgs.leader.not-linked",
                ["organization": .text(organizations.first ?? ""), "organizations": chainOrgs])
        }
    }
}

extension OrganizationIndex {
    /// The chain of parents from `start` to the first organization in `targets`, both ends
    /// included; nil when none is reached. Iterative, stops after `orgCount` steps (cycles).
    func parentPath(from start: Int, reaching targets: Set<Int>) -> [Int]? {
        var path = [start]
        var o = start
        var steps = 0
        while !targets.contains(o) {
            guard let p = park.organizations[o].parent, let next = orgIndex[p], steps < orgCount else { return nil }
            o = Int(next)
            path.append(o)
            steps += 1
        }
        return path
    }
}
