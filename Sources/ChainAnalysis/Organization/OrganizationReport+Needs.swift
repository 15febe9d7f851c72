import ChainModel

extension OrganizationReport {
    /// The key of the rows for firms without chain and needs without responder.
    public static let none = "(none)"

    /// The needs list counted by status, kind, chain and responder.
    ///
    /// - Complexity: O(needs + firms' chain references) expected, plus sorting responders.
    static func needsSummary(_ ix: OrganizationIndex) -> NeedsSummary {
        let park = ix.park
        func tally(_ row: inout NeedRow, _ status: NeedStatus) {
            switch status {
            case .open: row.open += 1
            case .inProgress: row.inProgress += 1
            case .solved: row.solved += 1
            }
        }
        var total = NeedRow(key: "all", name: nil, open: 0, inProgress: 0, solved: 0)
        var kinds = NeedKind.allCases.map { NeedRow(key: $0.rawValue, name: nil, open: 0, inProgress: 0, solved: 0) }
        var chains = park.chains.map { NeedRow(key: $0.id, name: $0.name, open: 0, inProgress: 0, solved: 0) }
        var noChain = NeedRow(key: Self.none, name: nil, open: 0, inProgress: 0, solved: 0)
        var responders: [NeedRow] = []
        var responderSlot: [String: Int] = [:]
        var firmSeen = [Bool](repeating: false, count: ix.firmCount)
        var firmsWithNeeds = 0
        var unknownFirms = Set<String>()
        var orphans: [NeedRef] = []
        for need in park.needs {
            tally(&total, need.status)
            if let k = NeedKind.allCases.firstIndex(of: need.kind) { tally(&kinds[k], need.status) }
            let f = ix.firmIndex[need.firm].map(Int.init)
            if let f {
                if !firmSeen[f] { firmSeen[f] = true; firmsWithNeeds += 1 }
                let cs = ix.chains(ofFirm: f)
                if cs.isEmpty { tally(&noChain, need.status) }
                for c in cs { tally(&chains[Int(c)], need.status) }
            } else {
                if unknownFirms.insert(need.firm).inserted { firmsWithNeeds += 1 }
                tally(&noChain, need.status)
            }
            let responder = need.responder.flatMap { $0.isEmpty ? nil : $0 }
            let key = responder ?? Self.none
            let slot: Int
            if let s = responderSlot[key] {
                slot = s
            } else {
                slot = responders.count
                responderSlot[key] = slot
                responders.append(NeedRow(key: key, name: responder.map { ix.name(of: $0) }, open: 0, inProgress: 0, solved: 0))
            }
            tally(&responders[slot], need.status)
            if need.status == .open, responder == nil {
                let firm = f.map { ix.firmRef($0) } ?? FirmRef(id: need.firm, name: need.firm)
                orphans.append(NeedRef(id: need.id, firm: firm, kind: need.kind, text: need.text))
            }
        }
        responders.sort { $0.total != $1.total ? $0.total > $1.total : $0.key < $1.key }
        if noChain.total > 0 { chains.append(noChain) }
        return NeedsSummary(
            total: total, firmsWithNeeds: firmsWithNeeds, byKind: kinds.filter { $0.total > 0 },
            byChain: chains, byResponder: responders, openWithoutResponder: orphans)
    }
}
