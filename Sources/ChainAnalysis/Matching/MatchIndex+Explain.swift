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
                wantedTexts = direction == .capability && !need.tags.isEmpty ? need.tags : need.tags + (need.product.map { [$0] } ?? [])
            } else {
                wantedTexts = [setText[Int(item.set)]]
            }
        }
        switch direction {
        case .upstream: offerTexts = park.firms[Int(c.node)].products
        case .downstream: offerTexts = f.products
        case .capability: offerTexts = isFirm ? park.firms[Int(c.node)].capabilities : [candidateName]
        }
        let wantedConcepts = Set(concepts(wantedSet).map { conceptNames[Int($0)] })
        let offer = offerTexts.first { !wantedConcepts.isDisjoint(with: vocabulary.concepts(of: $0)) } ?? offerTexts.first ?? ""
        let offerConcepts = Set(vocabulary.concepts(of: offer))
        let wanted = wantedTexts.first { !offerConcepts.isDisjoint(with: vocabulary.concepts(of: $0)) } ?? wantedTexts.first ?? ""
        let channels = trustChannels(firm, c.node)

        // The sentence.
        var parts: [String] = []
        let requesterName = direction == .downstream ? candidateName : f.name
        let providerName = direction == .downstream ? f.name : candidateName
        let verb = direction == .capability ? "offers" : "makes"
        if !offer.isEmpty { parts.append("\(providerName) \(verb) \(offer)") }
        if !wanted.isEmpty {
            let needs = needId != nil ? "needs" : "buys"
            parts.append("\(requesterName) \(needs) \(wanted)")
        }
        if c.score.template == 1 {
            let supplier = direction == .downstream ? firm : c.node
            let buyer = direction == .downstream ? c.node : firm
            if let link = feedingStages(supplier: supplier, buyer: buyer) {
                parts.append("\(stageNames[Int(link.0)]) feeds \(stageNames[Int(link.1)])")
            }
        }
        if let first = channels.first {
            parts.append(first.hasPrefix("paired") ? first : "both sit in \(first)")
        }
        if c.score.locality == 1, isFirm, zone[Int(c.node)] >= 0 {
            parts.append("same zone (\(zoneNames[Int(zone[Int(c.node)])]))")
        }
        var sentence = parts.joined(separator: "; ")
        if sentence.isEmpty { sentence = "\(candidateName) is close to \(f.name) in the chain" }
        return MatchSuggestion(
            firm: f.id, direction: direction, candidate: candidateId, candidateName: candidateName, candidateIsFirm: isFirm,
            need: needId, offer: offer, wanted: wanted, score: c.score, channels: channels, explanation: sentence + ".")
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

    /// Trust channels between two nodes: organizations both belong to (names, in node order),
    /// then pairings between them or their organizations (`paired: A – B (kind)`).
    func trustChannels(_ a: Int32, _ b: Int32) -> [String] {
        let oa = organizations(of: a)
        let ob = Set(organizations(of: b))
        var result: [String] = []
        if Int(a) < firmCount && Int(b) < firmCount {
            for o in oa where ob.contains(o) { result.append(name(of: o)) }
        }
        let g = graph.graph
        let sideA = Set(oa + [a])
        let sideB = ob.union([b])
        for x in sideA.sorted() {
            for e in g.outEdgeRange(of: x) where g.layers[e] == .pairing && sideB.contains(g.outTargets[e]) {
                result.append("paired: \(name(of: x)) – \(name(of: g.outTargets[e]))")
            }
            for p in g.inEdgeRange(of: x) where g.layers[Int(g.inEdges[p])] == .pairing && sideB.contains(g.inSources[p]) {
                result.append("paired: \(name(of: g.inSources[p])) – \(name(of: x))")
            }
        }
        return result
    }
}
