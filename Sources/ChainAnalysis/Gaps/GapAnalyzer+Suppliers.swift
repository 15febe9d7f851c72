@_spi(Internals) import ChainModel

extension GapAnalyzer {
    /// Single-sourced inputs of in-park buyers, and lost links.
    ///
    /// - Complexity: O(E log d) for E active links and in-degree d (each buyer's in-edges are
    ///   sorted by input key), plus O(lost links).
    func supplierFindings() -> [GapFinding] {
        var findings: [GapFinding] = []
        let g = index.graph
        let links = index.park.links
        var group: [(key: Int32, supplier: Int32, edge: Int32)] = []
        for b in 0..<g.nodeCount where index.inPark[b] {
            let range = g.inEdgeRange(of: Int32(b))
            if range.isEmpty { continue }
            group.removeAll(keepingCapacity: true)
            for i in range {
                let e = g.inEdges[i]
                group.append((index.edgeKey[Int(e)], g.inSources[i], e))
            }
            group.sort { ($0.key, $0.supplier, $0.edge) < ($1.key, $1.supplier, $1.edge) }
            var start = 0
            while start < group.count {
                var end = start
                while end < group.count && group[end].key == group[start].key { end += 1 }
                if let f = singleSource(buyer: b, group[start..<end], links) { findings.append(f) }
                start = end
            }
        }
        for (i, link) in links.enumerated() where link.status == .lost {
            if let f = lostLink(i, link) { findings.append(f) }
        }
        return findings
    }

    /// A single-source finding for one (buyer, input) group, or nil. A supplier's share is
    /// the sum of its links' `share` when every link of the group gives one, else its share
    /// of the group's value (of the link count when no value is known).
    func singleSource(buyer b: Int, _ items: ArraySlice<(key: Int32, supplier: Int32, edge: Int32)>, _ links: [SupplyLink]) -> GapFinding? {
        let allShares = items.allSatisfy { links[Int(index.edgeLink[Int($0.edge)])].share != nil }
        var total = 0.0
        for it in items { total += index.edgeValue[Int(it.edge)] }
        var suppliers = 0
        var best = -1.0, bestSupplier: Int32 = -1, bestEdge: Int32 = -1, bestEdgeValue = -1.0
        var i = items.startIndex
        while i < items.endIndex {
            let s = items[i].supplier
            var amount = 0.0
            var topEdge: Int32 = -1, topValue = -1.0
            while i < items.endIndex && items[i].supplier == s {
                let e = Int(items[i].edge)
                let link = links[Int(index.edgeLink[e])]
                amount += allShares ? (link.share ?? 0) : (total > 0 ? index.edgeValue[e] : 1)
                if index.edgeValue[e] > topValue { topValue = index.edgeValue[e]; topEdge = items[i].edge }
                i += 1
            }
            suppliers += 1
            if amount > best { best = amount; bestSupplier = s; bestEdge = topEdge; bestEdgeValue = topValue }
        }
        _ = bestEdgeValue
        let share: Double
        if allShares { share = min(1, best) } else if total > 0 { share = best / total } else { share = best / Double(items.count) }
        guard share >= options.singleSourceShare else { return nil }
        let s = Int(bestSupplier)
        let key = items[items.startIndex].key
        let risk = index.output[b]
        let input = self.input(key)
        markChoke(s, risk: risk, reason: .singleSource(buyer: b, key: key))
        let text = suppliers == 1
            ? Message("gaps.evidence.single-source.one", [
                "buyer": name(b), "input": input, "supplier": name(s),
                "cover": Self.clause(allShares, Message("gaps.evidence.single-source.cover", ["share": .percent(share)])),
            ])
            : Message("gaps.evidence.single-source.share", [
                "supplier": name(s), "share": .percent(share), "buyer": name(b), "input": input, "suppliers": .integer(suppliers),
            ])
        let (product, stage) = remedies.productAndStage(ofKey: key, supplier: s)
        let alt = remedies.suppliers(product: product, stage: stage, excluding: items.map { Int($0.supplier) } + [b])
        let cands = remedies.outside(stage: stage.map { index.stageIds[$0] }, product: product)
        let candidate = Self.candidate(cands, "gaps.remedy.outsideCandidate")
        let remedy = alt.isEmpty
            ? Message("gaps.remedy.single-source.find", ["input": input, "candidate": candidate])
            : Message("gaps.remedy.single-source.second", ["firms": Self.firms(alt), "candidate": candidate])
        let home = home(of: b)
        return GapFinding(
            rule: .singleSource,
            severity: GapSeverity(value: risk, unit: .rmb, level: .warning, atRisk: risk),
            place: GapPlace(chain: home.chain, stage: home.stage, firm: index.park.firms[b].id, link: index.linkRef(edge: Int(bestEdge))),
            evidence: GapEvidence(text, facts: [
                ("buyer", .text(index.park.firms[b].id)), ("input", .text(inputFact(key))), ("supplier", .text(index.park.firms[s].id)),
                ("suppliers", .number(Double(suppliers))), ("share", .number(share)), ("inputValue", .number(total)),
                ("buyerOutput", .number(risk)),
            ]),
            remedy: GapRemedy(remedy, attractStage: alt.isEmpty ? stage.map { index.stageIds[$0] } : nil, inPark: alt, candidates: cands))
    }

    func lostLink(_ i: Int, _ link: SupplyLink) -> GapFinding? {
        guard let s = index.firmIndex[link.supplier].map(Int.init), let b = index.firmIndex[link.buyer].map(Int.init) else { return nil }
        let key = index.key(of: link)
        // Active suppliers the buyer still has for the same input.
        var remaining = 0
        if let key {
            for j in index.graph.inEdgeRange(of: Int32(b)) where index.edgeKey[Int(index.graph.inEdges[j])] == key { remaining += 1 }
        }
        let value = link.value ?? 0
        let uncovered = remaining == 0
        let risk = uncovered ? max(index.output[b], value) : value
        let input: Message.Argument = link.product.map { .text($0) } ?? self.input(key ?? -1)
        let text = Message("gaps.evidence.lost-link", [
            "supplier": name(s), "buyer": name(b), "input": input, "value": .money(value),
            "rest": .message(uncovered
                ? Message("gaps.evidence.lost-link.uncovered", ["input": input])
                : Message("gaps.evidence.lost-link.remaining", ["links": .integer(remaining), "input": input])),
        ])
        let (product, stage) = key.map { remedies.productAndStage(ofKey: $0, supplier: s) } ?? (link.product, index.stages(ofFirm: s).first.map(Int.init))
        let alt = remedies.suppliers(product: product, stage: stage, excluding: [s, b])
        let cands = remedies.outside(stage: stage.map { index.stageIds[$0] }, product: product)
        let remedy = Message("gaps.remedy.lost-link", [
            "replace": Self.clause(!alt.isEmpty, Message("gaps.remedy.lost-link.replace", ["firms": Self.firms(alt)])),
            "candidate": Self.candidate(cands, "gaps.remedy.outsideCandidate"),
        ])
        let home = home(of: b)
        return GapFinding(
            rule: .lostLink,
            severity: GapSeverity(value: risk, unit: .rmb, level: uncovered ? .critical : .warning, atRisk: risk),
            place: GapPlace(chain: home.chain, stage: home.stage, firm: link.buyer, link: index.linkRef(index: i)),
            evidence: GapEvidence(text, facts: [
                ("supplier", .text(link.supplier)), ("buyer", .text(link.buyer)), ("input", .text(link.product ?? key.map(inputFact) ?? "")),
                ("value", .number(value)), ("remainingActiveLinks", .number(Double(remaining))),
            ]),
            remedy: GapRemedy(remedy, inPark: alt, candidates: cands, suggestedLinks: alt.prefix(1).map { GapSuggestedLink(supplier: $0.id, buyer: link.buyer) }))
    }
}
