import ChainGraph
import ChainModel

extension MatchIndex {
    /// Turns a scored candidate into a suggestion with the matched words, the trust channels
    /// and one sentence of explanation.
    func suggestion(for firm: Int32, direction: MatchDirection, _ c: ScoredCandidate) -> MatchSuggestion {
        let f = park.firms[Int(firm)]
        let candidateId = graph.ids[Int(c.node)]
        let candidateName = name(of: c.node)
        let isFirm = Int(c.node) < firmCount
        var needId: String? = nil
        var wantedSet: Int32 = -1
        var offerTexts: [String] = []
        var wantedTexts: [String] = []
        if c.item >= 0 {
            let item = direction == .capability ? capabilityItems[Int(c.item)] : supplyItems[Int(c.item)]
            wantedSet = item.set
            if item.need >= 0 {
                let need = park.needs[Int(item.need)]
                needId = need.id
                wantedTexts =
                    direction == .capability && !need.tags.isEmpty
                    ? need.tags : need.tags + (need.product.map { [$0] } ?? [])
            } else {
                wantedTexts = setText[Int(item.set)]
            }
        }
        switch direction {
        case .upstream: offerTexts = park.firms[Int(c.node)].products
        case .downstream: offerTexts = f.products
        case .capability: offerTexts = isFirm ? park.firms[Int(c.node)].capabilities : [candidateName]
        }
        let wantedConcepts = Set(concepts(wantedSet).map { conceptNames[Int($0)] })
        let offer =
            offerTexts.first { !wantedConcepts.isDisjoint(with: vocabulary.concepts(of: $0)) } ?? offerTexts.first ?? ""
        let offerConcepts = Set(vocabulary.concepts(of: offer))
        let wanted =
            wantedTexts.first { !offerConcepts.isDisjoint(with: vocabulary.concepts(of: $0)) } ?? wantedTexts.first
            ?? ""
        let channels = trustChannels(firm, c.node)

        // The sentence, as clauses of named parts (at most five: what is offered, what is
        // needed, the template link, a trust channel, the zone; or that they are close).
        var clauses: [Message] = []
        let requesterName = direction == .downstream ? candidateName : f.name
        let providerName = direction == .downstream ? f.name : candidateName
        if !offer.isEmpty {
            clauses.append(
                Message(
                    direction == .capability ? "match.why.offers" : "match.why.makes",
                    ["provider": .text(providerName), "offer": .text(offer)]))
        }
        if !wanted.isEmpty {
            clauses.append(
                Message(
                    needId != nil ? "match.why.needs" : "match.why.buys",
                    ["requester": .text(requesterName), "wanted": .text(wanted)]))
        }
        if c.score.template == 1 {
            let supplier = direction == .downstream ? firm : c.node
            let buyer = direction == .downstream ? c.node : firm
            if let link = feedingStages(supplier: supplier, buyer: buyer) {
                clauses.append(
                    Message(
                        "match.why.feeds",
                        ["from": .text(stageNames[Int(link.0)]), "to": .text(stageNames[Int(link.1)])]))
            }
        }
        if let first = channels.first { clauses.append(first.message) }
        if c.score.locality == 1, isFirm, zone[Int(c.node)] >= 0 {
            clauses.append(Message("match.why.sameZone", ["zone": .text(zoneNames[Int(zone[Int(c.node)])])]))
        }
        if clauses.isEmpty {
            clauses.append(Message("match.why.close", ["candidate": .text(candidateName), "firm": .text(f.name)]))
        }
        // One sentence of 1…5 clauses: `match.why.N` with arguments c1…cN.
        var arguments: [String: Message.Argument] = [:]
        for (i, clause) in clauses.prefix(5).enumerated() { arguments["c\(i + 1)"] = .message(clause) }
        return MatchSuggestion(
            firm: f.id, direction: direction, candidate: candidateId, candidateName: candidateName,
            candidateIsFirm: isFirm,
            need: needId, offer: offer, wanted: wanted, score: c.score, channels: channels,
            explanation: Message("match.why.\(min(clauses.count, 5))", arguments))
    }

    /// A stage of `supplier` that is an input of a stage of `buyer`, first in template order.
    func feedingStages(supplier: Int32, buyer: Int32) -> (Int32, Int32)? {
        for b in stages(of: buyer) {
            for s in stages(of: supplier) where stageInputs[Int(b)].contains(s) { return (s, b) }
        }
        return nil
    }

    /// Organizations of a node: for a firm, those it is a member of (membership edges); for an
    /// organization, itself.
    func organizations(of node: Int32) -> [Int32] {
        if Int(node) >= firmCount { return [node] }
        let g = graph.graph
        var result: [Int32] = []
        for e in g.outEdgeRange(of: node) where g.layers[e] == .membership { result.append(g.outTargets[e]) }
        return Array(Set(result)).sorted()
    }

    /// Trust channels between two nodes: organizations both belong to (in node order), then
    /// pairings between them or their organizations.
    func trustChannels(_ a: Int32, _ b: Int32) -> [MatchChannel] {
        let oa = organizations(of: a)
        let ob = Set(organizations(of: b))
        var result: [MatchChannel] = []
        if Int(a) < firmCount && Int(b) < firmCount {
            for o in oa where ob.contains(o) { result.append(MatchChannel(kind: .organization, name: name(of: o))) }
        }
        let g = graph.graph
        let sideA = Set(oa + [a])
        let sideB = ob.union([b])
        for x in sideA.sorted() {
            for e in g.outEdgeRange(of: x) where g.layers[e] == .pairing && sideB.contains(g.outTargets[e]) {
                result.append(MatchChannel(kind: .pairing, name: name(of: x), partner: name(of: g.outTargets[e])))
            }
            for p in g.inEdgeRange(of: x)
            where g.layers[Int(g.inEdges[p])] == .pairing && sideB.contains(g.inSources[p]) {
                result.append(MatchChannel(kind: .pairing, name: name(of: g.inSources[p]), partner: name(of: x)))
            }
        }
        return result
    }
}
