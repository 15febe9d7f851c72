import ChainModel

extension OrganizationReport {
    /// Park, chain and stage coverage in one pass over the firms.
    ///
    /// - Complexity: O(firms + firm stage references + joint-branch member references).
    static func coverageRows(_ ix: OrganizationIndex, _ options: OrganizationOptions) -> [CoverageRow] {
        let park = ix.park
        let chainCount = park.chains.count
        let stageCount = ix.stageIds.count
        // Counters: slot 0 = park, 1 ..< 1 + chains, then stages.
        let slots = 1 + chainCount + stageCount
        var firms = [Int](repeating: 0, count: slots)
        var withOrg = [Int](repeating: 0, count: slots)
        var work = [Int](repeating: 0, count: slots)
        var unknown = [Int](repeating: 0, count: slots)
        var standalone = [Int](repeating: 0, count: slots)
        var joint = [Int](repeating: 0, count: slots)

        for (i, f) in park.firms.enumerated() where f.inPark {
            let own = ix.ownOrganization[i] >= 0
            let counted = options.denominator == .allInPark || (f.partyMembers ?? 0) > 0
            let has = ix.hasOrganization[i]
            let covered = has || f.workCovered == true
            let unknownWork = !has && f.workCovered == nil
            func add(_ s: Int) {
                if own { standalone[s] += 1 }
                guard counted else { return }
                firms[s] += 1
                if has { withOrg[s] += 1 }
                if covered { work[s] += 1 }
                if unknownWork { unknown[s] += 1 }
            }
            add(0)
            for c in ix.chains(ofFirm: i) { add(1 + Int(c)) }
            for s in ix.stages(ofFirm: i) { add(1 + chainCount + Int(s)) }
        }

        // Joint branches per scope: a stamp per slot so that each branch counts once.
        var stamp = [Int32](repeating: -1, count: slots)
        for (o, org) in park.organizations.enumerated() where org.kind == .jointBranch {
            let tag = Int32(o)
            func mark(_ s: Int) {
                if stamp[s] != tag { stamp[s] = tag; joint[s] += 1 }
            }
            var any = false
            for f in ix.firms(ofOrganization: o) where park.firms[Int(f)].inPark {
                any = true
                for c in ix.chains(ofFirm: Int(f)) { mark(1 + Int(c)) }
                for s in ix.stages(ofFirm: Int(f)) { mark(1 + chainCount + Int(s)) }
            }
            if any { mark(0) }
        }

        func row(_ scope: Scope, _ slot: Int, chain: Chain?, stage: Int?) -> CoverageRow {
            CoverageRow(
                scope: scope, chain: chain?.id, chainName: chain?.name,
                stage: stage.map { ix.stageIds[$0] }, stageName: stage.map { ix.stageNames[$0] },
                firms: firms[slot], withOrganization: withOrg[slot], workCovered: work[slot],
                workUnknown: unknown[slot], standaloneFirms: standalone[slot], jointBranches: joint[slot])
        }
        var rows: [CoverageRow] = [row(.park, 0, chain: nil, stage: nil)]
        rows.reserveCapacity(slots)
        for (c, chain) in park.chains.enumerated() {
            rows.append(row(.chain, 1 + c, chain: chain, stage: nil))
            for s in Int(ix.chainStageStart[c])..<Int(ix.chainStageStart[c + 1]) {
                rows.append(row(.stage, 1 + chainCount + s, chain: chain, stage: s))
            }
        }
        return rows
    }

    /// 应建尽建: in-park firms with at least `threshold` party members and no own branch.
    ///
    /// - Complexity: O(firms + k log k) for k candidates.
    static func buildCandidates(_ ix: OrganizationIndex, _ options: OrganizationOptions) -> [BuildCandidate] {
        let park = ix.park
        let threshold = options.effectiveThreshold
        var picked: [Int] = []
        for (i, f) in park.firms.enumerated()
        where f.inPark && (f.partyMembers ?? 0) >= threshold && ix.ownOrganization[i] < 0 {
            picked.append(i)
        }
        picked.sort { x, y in
            let a = park.firms[x], b = park.firms[y]
            if (a.partyMembers ?? 0) != (b.partyMembers ?? 0) { return (a.partyMembers ?? 0) > (b.partyMembers ?? 0) }
            if a.isChainLeader != b.isChainLeader { return a.isChainLeader }
            let oa = a.output ?? -1, ob = b.output ?? -1
            if oa != ob { return oa > ob }
            if a.id != b.id { return a.id < b.id }
            return x < y
        }
        return picked.map { i in
            let f = park.firms[i]
            var current: String?
            if let o = f.organization, ix.orgIndex[o] != nil { current = o }
            if current == nil, ix.jointOrganization[i] >= 0 {
                current = park.organizations[Int(ix.jointOrganization[i])].id
            }
            return BuildCandidate(
                firm: ix.firmRef(i), partyMembers: f.partyMembers ?? 0, chainLeader: f.isChainLeader,
                output: f.output, chains: ix.chains(ofFirm: i).map { park.chains[Int($0)].id },
                currentOrganization: current)
        }
    }

    /// Firms that should join a joint branch: in park, 1 … threshold − 1 party members, no
    /// organization at all (so neither an own branch nor a joint or grid membership).
    ///
    /// - Complexity: O(firms + k log k) for k candidates.
    static func joinCandidates(_ ix: OrganizationIndex, _ options: OrganizationOptions) -> [JoinCandidate] {
        let park = ix.park
        let threshold = options.effectiveThreshold
        var picked: [Int] = []
        for (i, f) in park.firms.enumerated() where f.inPark && !ix.hasOrganization[i] {
            let m = f.partyMembers ?? 0
            if m >= 1 && m < threshold { picked.append(i) }
        }
        picked.sort { x, y in
            let a = park.firms[x], b = park.firms[y]
            if (a.partyMembers ?? 0) != (b.partyMembers ?? 0) { return (a.partyMembers ?? 0) > (b.partyMembers ?? 0) }
            if a.id != b.id { return a.id < b.id }
            return x < y
        }
        return picked.map { i in
            let f = park.firms[i]
            let place = ix.primaryPlace(ofFirm: i)
            return JoinCandidate(
                firm: ix.firmRef(i), partyMembers: f.partyMembers ?? 0,
                chain: place.chain >= 0 ? park.chains[Int(place.chain)].id : nil,
                stage: place.stage >= 0 ? ix.stageIds[Int(place.stage)] : nil,
                zone: f.zone)
        }
    }
}

extension OrganizationIndex {
    /// The firm's first chain in park order, and its first stage of that chain (template
    /// order); -1 when none.
    func primaryPlace(ofFirm f: Int) -> (chain: Int32, stage: Int32) {
        let chains = self.chains(ofFirm: f)
        guard let c = chains.first else { return (-1, -1) }
        for s in stages(ofFirm: f) where stageChain[Int(s)] == c { return (c, s) }
        return (c, -1)
    }
}
