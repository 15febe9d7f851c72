import ChainGraph
import ChainModel
import Foundation

/// A scored candidate before it becomes a ``MatchSuggestion``.
struct ScoredCandidate: Sendable {
    var node: Int32
    var item: Int32  // index into supplyItems/capabilityItems of the matched item, -1 none
    var itemOwner: Int32  // whose item (the firm, or the candidate for downstream)
    var score: MatchScore
    var raw: Double  // personalized PageRank
    var links: Int  // track record: active links as supplier (upstream) or buyer (downstream)
}

extension MatchIndex {
    /// Suggestions for the firm a user names (id, exact name, or a unique part of the name).
    ///
    /// - Throws: `FirmLookupError` when no firm or several firms match.
    /// - Complexity: see ``matches(forNode:options:workspace:)``, plus O(F) for the lookup by name.
    public func matches(forFirm query: String, options: MatchOptions = MatchOptions()) throws(FirmLookupError)
        -> FirmMatches
    {
        let firm = try park.firm(matching: query)
        guard let node = graph.node(ofFirm: firm.id) else {
            return FirmMatches(firm: firm.id, firmName: firm.name, suggestions: [])
        }
        var ws = MatchWorkspace(self)
        return matches(forNode: node, options: options, workspace: &ws)
    }

    /// Suggestions for firm node `firm` in every direction of `options`, the best
    /// `options.top` per direction.
    ///
    /// Candidates come from the indexes only: upstream, the makers of the concepts the firm
    /// needs or buys and the firms of the stages that feed its stages; downstream, the firms
    /// that buy or need what it makes and the firms of the stages its stages feed; capability,
    /// the firms and organizations offering the concepts of its capability needs. Firms it
    /// already trades with in that direction (active links) are left out.
    ///
    /// Each index list is read up to ``MatchOptions/scanLimit`` firms (largest output first);
    /// firms the PageRank push reached are considered whatever their rank.
    ///
    /// - Complexity: O(push + C · (I + c)) for C ≤ lists × scanLimit + touched candidates, I
    ///   items of the firm and c concepts per set; the push of the personalized PageRank is
    ///   O(1/(ε·α)) at most. No work is proportional to the number of firms.
    public func matches(forNode firm: Int32, options: MatchOptions, workspace ws: inout MatchWorkspace) -> FirmMatches {
        var all: [MatchSuggestion] = []
        var outside: [MatchSuggestion] = []
        for direction in MatchDirection.allCases where options.directions.contains(direction) {
            let scored = candidates(for: firm, direction: direction, options: options, workspace: &ws)
            for c in scored {
                if options.outside == .separate && isOutside(c.node) {
                    outside.append(suggestion(for: firm, direction: direction, c))
                } else {
                    all.append(suggestion(for: firm, direction: direction, c))
                }
            }
        }
        return FirmMatches(
            firm: park.firms[Int(firm)].id, firmName: park.firms[Int(firm)].name, suggestions: all, outside: outside)
    }

    /// Whether a node is a firm outside the park (organizations count as local: the park's
    /// agencies, banks and colleges).
    @inline(__always)
    func isOutside(_ node: Int32) -> Bool { Int(node) < firmCount && !inPark[Int(node)] }

    /// The best `options.top` scored candidates of one direction, best first (ties by node).
    /// With ``MatchOutside/separate`` (the default) the best `top` in-park candidates come
    /// first, then the best `top` outside firms: local first (就近配套).
    func candidates(
        for firm: Int32, direction: MatchDirection, options: MatchOptions, workspace ws: inout MatchWorkspace
    ) -> [ScoredCandidate] {
        let stamp = ws.nextStamp()
        let top = max(0, options.top)
        guard top > 0, Int(firm) < firmCount else { return [] }
        if options.weights.proximity > 0 {
            // Once per firm: the directions of one query share it.
            localPageRank(from: firm, alpha: options.teleport, epsilon: options.pushEpsilon, workspace: &ws)
        }
        let g = graph.graph
        // Partners in this direction (active supply links) are excluded, and so is the firm.
        ws.excluded[Int(firm)] = stamp
        switch direction {
        case .upstream:
            for p in g.inEdgeRange(of: firm) where g.layers[Int(g.inEdges[p])] == .supply {
                ws.excluded[Int(g.inSources[p])] = stamp
            }
        case .downstream:
            for e in g.outEdgeRange(of: firm) where g.layers[e] == .supply { ws.excluded[Int(g.outTargets[e])] = stamp }
        case .capability:
            break
        }
        // The firm's stages, the stages next to them, its chains.
        var nearStages = Set<Int32>()
        var firmChains = Set<Int32>()
        for s in stages(of: firm) {
            firmChains.insert(stageChain[Int(s)])
            switch direction {
            case .upstream: nearStages.formUnion(stageInputs[Int(s)])
            case .downstream: nearStages.formUnion(stageConsumers[Int(s)])
            case .capability: break
            }
        }
        for c in leads[Int(firm)] { firmChains.insert(c) }

        var found: [ScoredCandidate] = []
        func consider(_ v: Int32) {
            let vi = Int(v)
            if ws.seen[vi] == stamp || ws.excluded[vi] == stamp { return }
            ws.seen[vi] = stamp
            let isFirm = vi < firmCount
            if isFirm && options.outside == .excluded && !inPark[vi] { return }
            // A firm does not buy what its own stage makes, unless the template says the
            // stage feeds itself (or another of the pair's stages feeds the buyer's).
            if isFirm && direction != .capability {
                let supplier = direction == .upstream ? v : firm
                let buyer = direction == .upstream ? firm : v
                if sameStageOnly(supplier: supplier, buyer: buyer) { return }
            }
            // Fit: the best item.
            var fit = 0.0
            var item: Int32 = -1
            var owner = firm
            switch direction {
            case .upstream:
                guard isFirm else { return }
                for it in Int(supplyItemStart[Int(firm)])..<Int(supplyItemStart[Int(firm) + 1])
                where usable(supplyItems[it], options) {
                    let c = coverage(need: supplyItems[it].set, offer: productSet[vi])
                    if c > fit {  // needs come first, so they win ties
                        fit = c
                        item = Int32(it)
                    }
                }
            case .downstream:
                guard isFirm else { return }
                owner = v
                for it in Int(supplyItemStart[vi])..<Int(supplyItemStart[vi + 1]) where usable(supplyItems[it], options)
                {
                    let c = coverage(need: supplyItems[it].set, offer: productSet[Int(firm)])
                    if c > fit {
                        fit = c
                        item = Int32(it)
                    }
                }
            case .capability:
                for it in Int(capabilityItemStart[Int(firm)])..<Int(capabilityItemStart[Int(firm) + 1])
                where usable(capabilityItems[it], options) {
                    let c = coverage(need: capabilityItems[it].set, offer: offerSet[vi])
                    if c > fit {
                        fit = c
                        item = Int32(it)
                    }
                }
            }
            // Template.
            var template: Double? = nil
            if direction != .capability {
                var t = 0.0
                for s in stages(of: v) {
                    if nearStages.contains(s) { t = 1; break }
                    if firmChains.contains(stageChain[Int(s)]) { t = max(t, 0.3) }
                }
                template = t
                if fit == 0 && t < 1 { return }
            } else if fit == 0 {
                return
            }
            // Locality.
            var locality = 0.5
            if isFirm {
                if !inPark[vi] || !inPark[Int(firm)] {
                    locality = 0
                } else if zone[vi] >= 0 && zone[vi] == zone[Int(firm)] {
                    locality = 1
                }
            }
            // Capacity against the size of the need.
            var ratio = -1.0
            let needIndex: Int32 =
                item < 0
                ? -1 : (direction == .capability ? capabilityItems[Int(item)].need : supplyItems[Int(item)].need)
            let quantity = needIndex >= 0 ? park.needs[Int(needIndex)].quantity ?? -1 : -1
            let provider = direction == .downstream ? Int(firm) : vi
            let requester = direction == .downstream ? vi : Int(firm)
            if provider < firmCount {
                if quantity > 0 && capacity[provider] >= 0 {
                    ratio = capacity[provider] / quantity
                } else if direction != .capability && demandValue[requester] > 0 && output[provider] >= 0 {
                    ratio = output[provider] / demandValue[requester]
                }
            }
            let capacityPart = ratio < 0 ? 0.5 : min(1, max(0, 0.5 + 0.25 * log10(max(ratio, 1e-9))))
            // Chain leaders.
            var leader = 0.0
            if isFirm {
                for c in leads[vi] where firmChains.contains(c) { leader = 1 }
                if leader == 0 && !leads[Int(firm)].isEmpty {
                    for s in stages(of: v) where leads[Int(firm)].contains(stageChain[Int(s)]) { leader = 1 }
                }
                if leader == 0 && tiedToLeader[vi] { leader = 0.5 }
            }
            let score = MatchScore(
                fit: fit, template: template, proximity: 0, locality: locality, capacity: capacityPart, leader: leader,
                weights: options.weights)
            var links = 0
            if isFirm && direction == .upstream {
                for e in g.outEdgeRange(of: v) where g.layers[e] == .supply { links += 1 }
            } else if isFirm && direction == .downstream {
                for p in g.inEdgeRange(of: v) where g.layers[Int(g.inEdges[p])] == .supply { links += 1 }
            }
            found.append(
                ScoredCandidate(
                    node: v, item: item, itemOwner: owner, score: score,
                    raw: options.weights.proximity > 0 ? ws.pageRank(v) : 0,
                    links: links))
        }

        let limit = max(1, options.scanLimit)
        func head(_ start: [Int32], _ i: Int) -> Range<Int> {
            Int(start[i])..<min(Int(start[i + 1]), Int(start[i]) + limit)
        }
        switch direction {
        case .upstream:
            for it in Int(supplyItemStart[Int(firm)])..<Int(supplyItemStart[Int(firm) + 1])
            where usable(supplyItems[it], options) {
                for c in concepts(supplyItems[it].set) {
                    for k in head(makersStart, Int(c)) { consider(makers[k]) }
                }
            }
        case .downstream:
            for c in concepts(productSet[Int(firm)]) {
                for k in head(buyersStart, Int(c)) { consider(buyers[k]) }
            }
        case .capability:
            for it in Int(capabilityItemStart[Int(firm)])..<Int(capabilityItemStart[Int(firm) + 1])
            where usable(capabilityItems[it], options) {
                for c in concepts(capabilityItems[it].set) {
                    for k in Int(offerersStart[Int(c)])..<Int(offerersStart[Int(c) + 1]) { consider(offerers[k]) }
                }
            }
        }
        for s in nearStages.sorted() {
            for k in head(stageFirmStart, Int(s)) { consider(stageFirms[k]) }
        }
        // Whatever the push reached (beyond the heads of the lists).
        if options.weights.proximity > 0 {
            for v in ws.touched where ws.pageRank(v) > 0 { consider(v) }
        }

        // Proximity relative to the best candidate, on a log scale; then the top ones.
        var best = 0.0
        var mostLinks = 0
        for c in found {
            if c.raw > best { best = c.raw }
            if c.links > mostLinks { mostLinks = c.links }
        }
        let decades = max(0.1, options.proximityDecades)
        var kept: [ScoredCandidate] = []
        kept.reserveCapacity(top + 1)
        var keptOutside: [ScoredCandidate] = []
        let separate = options.outside == .separate
        func better(_ a: ScoredCandidate, _ b: ScoredCandidate) -> Bool {
            a.score.total != b.score.total ? a.score.total > b.score.total : a.node < b.node
        }
        func keep(_ c: ScoredCandidate, in kept: inout [ScoredCandidate]) {
            if kept.count == top, let last = kept.last, !better(c, last) { return }
            var pos = kept.count
            while pos > 0 && better(c, kept[pos - 1]) { pos -= 1 }
            kept.insert(c, at: pos)
            if kept.count > top { kept.removeLast() }
        }
        for var c in found {
            let prox = c.raw > 0 && best > 0 ? max(0, 1 + log10(c.raw / best) / decades) : 0
            let s = c.score
            c.score = MatchScore(
                fit: s.fit, template: s.template, proximity: prox, locality: s.locality, capacity: s.capacity,
                leader: s.leader,
                record: direction == .capability
                    ? nil : (mostLinks > 0 ? (Double(c.links) / Double(mostLinks)).squareRoot() : 0),
                weights: options.weights)
            if separate && isOutside(c.node) {
                keep(c, in: &keptOutside)
            } else {
                keep(c, in: &kept)
            }
        }
        return kept + keptOutside
    }

    /// Whether `supplier` and `buyer` share a stage that does not feed itself while no stage of
    /// the supplier feeds one of the buyer's: then the buyer would be buying what its own stage
    /// makes (a module maker offered its competitors as buyers).
    func sameStageOnly(supplier: Int32, buyer: Int32) -> Bool {
        let buyerStages = stages(of: buyer)
        var shared = false
        for s in stages(of: supplier) where buyerStages.contains(s) && !stageInputs[Int(s)].contains(s) {
            shared = true
            break
        }
        return shared && feedingStages(supplier: supplier, buyer: buyer) == nil
    }

    @inline(__always)
    func usable(_ item: Item, _ options: MatchOptions) -> Bool {
        guard item.need >= 0 else { return true }
        let status = park.needs[Int(item.need)].status
        return status != .solved || options.includeSolvedNeeds
    }
}
