@_spi(Internals) import ChainModel

extension GapAnalyzer {
    /// Per template edge `input → stage` (numbered by its position in the stage input CSR):
    /// what reaches the stage's in-park firms, in-park supply and purchases from outside kept
    /// apart, how concentrated the in-park supply is, and what was lost.
    struct TemplateFlows {
        /// Active value from in-park suppliers (in-park supply).
        var inParkValue: [Double]
        /// Active value from suppliers outside the park (purchases from outside).
        var outsideValue: [Double]
        /// Active links from an in-park firm of the input stage to an in-park firm of the stage.
        var inParkLinks: [Int]
        /// In-park suppliers.
        var suppliers: [Int]
        /// The in-park supplier with the most value, its value, the Herfindahl index of the
        /// in-park suppliers' shares.
        var topSupplier: [Int32]
        var topValue: [Double]
        var hhi: [Double]
        /// Output of the stage's in-park firms that ``topSupplier`` supplies.
        var topBuyersOutput: [Double]
        /// In-park buyers with any supply of the input stage; those single-sourced (one
        /// supplier, in or outside the park, carries ≥ `singleSourceShare` of it); the
        /// buyers' supply (value, else link count) in all and of the single-sourced ones.
        var buyers: [Int]
        var singleSourced: [Int]
        var buyerWeight: [Double]
        var singleSourcedWeight: [Double]
        /// Biggest outside supplier by value.
        var outsideTop: [Int32]
        /// Lost links into in-park buyers: count, value, value from in-park suppliers, buyers
        /// left with no active supplier of that input.
        var lostLinks: [Int]
        var lostValue: [Double]
        var lostInPark: [Double]
        var lostInParkLinks: [Int]
        var uncovered: [Int]
        /// Active links from outside suppliers.
        var outsideLinks: [Int]

        var totalValue: [Double] { zip(inParkValue, outsideValue).map(+) }
    }

    func templateFlows() -> TemplateFlows {
        let q = index.stageInputValues.count
        func zeros() -> [Double] { .init(repeating: 0, count: q) }
        func zeroes() -> [Int] { .init(repeating: 0, count: q) }
        var t = TemplateFlows(
            inParkValue: zeros(), outsideValue: zeros(), inParkLinks: zeroes(), suppliers: zeroes(),
            topSupplier: .init(repeating: -1, count: q), topValue: zeros(), hhi: zeros(), topBuyersOutput: zeros(),
            buyers: zeroes(), singleSourced: zeroes(), buyerWeight: zeros(), singleSourcedWeight: zeros(),
            outsideTop: .init(repeating: -1, count: q),
            lostLinks: zeroes(), lostValue: zeros(), lostInPark: zeros(), lostInParkLinks: zeroes(),
            uncovered: zeroes(),
            outsideLinks: zeroes())
        // In-park value per (template edge, supplier), in one flat array of slots: a supplier
        // s in stage X can supply only the template edges whose input is X, so the pair (edge
        // q, s) has the slot `slotBase[j] + rank[q]`, where j is X's entry in s's stage list
        // and rank[q] is q's position among the edges with input X. No hashing or list walk,
        // and each sum adds its values in the same order as before.
        let stageCount = index.stageIds.count
        var rank = [Int32](repeating: 0, count: q)
        var consumers = [Int32](repeating: 0, count: stageCount)
        for k in 0..<q {
            let x = Int(index.stageInputValues[k])
            rank[k] = consumers[x]
            consumers[x] += 1
        }
        var slotBase = [Int](repeating: 0, count: index.firmStageValues.count + 1)
        for (j, x) in index.firmStageValues.enumerated() { slotBase[j + 1] = slotBase[j] + Int(consumers[Int(x)]) }
        var slotValue = [Double](repeating: 0, count: slotBase[index.firmStageValues.count])
        var slotUsed = [Bool](repeating: false, count: slotValue.count)
        var outsideBest = [Double](repeating: -1, count: q)
        let g = index.graph
        var group: [(q: Int32, s: Int32, v: Double)] = []
        let inValue = self.inValue
        index.withTemplateWalker { walker in
            for b in 0..<g.nodeCount where index.inPark[b] {
                group.removeAll(keepingCapacity: true)
                for i in g.inEdgeRange(of: Int32(b)) {
                    let s = Int(g.inSources[i])
                    let v = inValue.isEmpty ? index.edgeValue[Int(g.inEdges[i])] : inValue[i]
                    walker.forEachWithSupplierStage(s, b) { k, j in
                        group.append((Int32(k), Int32(s), v))
                        if index.inPark[s] {
                            t.inParkValue[k] += v
                            t.inParkLinks[k] += 1
                            let slot = slotBase[j] + Int(rank[k])
                            slotUsed[slot] = true
                            slotValue[slot] += v
                        } else {
                            t.outsideValue[k] += v
                            t.outsideLinks[k] += 1
                            if v > outsideBest[k] { outsideBest[k] = v; t.outsideTop[k] = Int32(s) }
                        }
                    }
                }
                if group.isEmpty { continue }
                group.sort { ($0.q, $0.s) < ($1.q, $1.s) }
                // Per buyer group (this buyer, one template edge): is one supplier carrying it?
                var i = 0
                while i < group.count {
                    let k = Int(group[i].q)
                    var total = 0.0, count = 0.0, best = 0.0, bestCount = 0.0
                    var j = i
                    while j < group.count && group[j].q == group[i].q {
                        let s = group[j].s
                        var v = 0.0, c = 0.0
                        while j < group.count && group[j].q == group[i].q && group[j].s == s {
                            v += group[j].v; c += 1; j += 1
                        }
                        total += v; count += c
                        if v > best || (v == best && c > bestCount) { best = v; bestCount = c }
                    }
                    let share = total > 0 ? best / total : bestCount / count
                    let weight = total > 0 ? total : count
                    t.buyers[k] += 1
                    t.buyerWeight[k] += weight
                    if share >= options.singleSourceShare {
                        t.singleSourced[k] += 1
                        t.singleSourcedWeight[k] += weight
                    }
                    i = j
                }
            }
            // Per template edge, its suppliers in supplier order (the sums must not depend on the
            // order of discovery): count, the first with the most value, the HHI's sum.
            var edgesOfInput = [[Int]](repeating: [], count: stageCount)
            for k in 0..<q { edgesOfInput[Int(index.stageInputValues[k])].append(k) }
            var hhiSum = zeros()
            for s in 0..<min(g.nodeCount, index.firmCount) {
                for j in Int(index.firmStageOffsets[s])..<Int(index.firmStageOffsets[s + 1]) {
                    let base = slotBase[j]
                    for k in edgesOfInput[Int(index.firmStageValues[j])] where slotUsed[base + Int(rank[k])] {
                        let v = slotValue[base + Int(rank[k])]
                        t.suppliers[k] += 1
                        if t.topSupplier[k] < 0 || v > t.topValue[k] {
                            t.topSupplier[k] = Int32(s)
                            t.topValue[k] = v
                        }
                        let total = t.inParkValue[k]
                        if total > 0 { hhiSum[k] = hhiSum[k] + (v / total) * (v / total) }
                    }
                }
            }
            for k in 0..<q {
                if t.inParkValue[k] > 0 {
                    t.hhi[k] = hhiSum[k]
                } else if t.suppliers[k] > 0 {
                    t.hhi[k] = 1 / Double(t.suppliers[k])
                }
            }
            // Output of the buyers that the top supplier serves (each buyer once per edge).
            // Only links from a top supplier can count: the others skip the template walk.
            var isTop = [Bool](repeating: false, count: g.nodeCount)
            for s in t.topSupplier where s >= 0 { isTop[Int(s)] = true }
            var stamp = [Int32](repeating: -1, count: q)
            for b in 0..<g.nodeCount where index.inPark[b] {
                for i in g.inEdgeRange(of: Int32(b)) where isTop[Int(g.inSources[i])] {
                    let s = Int(g.inSources[i])
                    walker.forEach(s, b) { k in
                        if t.topSupplier[k] == Int32(s) && stamp[k] != Int32(b) {
                            stamp[k] = Int32(b)
                            t.topBuyersOutput[k] += index.output[b]
                        }
                    }
                }
            }
            // Lost links into in-park buyers, summed per template edge; a buyer left without an
            // active supplier of the input counts once per edge.
            // By position, through the park's resolved endpoints and the status column: a record
            // is made only for the lost links.
            var uncoveredSeen = Set<Int>()
            let links = index.park.links
            let resolution = index.park.resolution
            let resolved = resolution.linkSupplier.count == links.count && resolution.linkBuyer.count == links.count
            for i in links.indices where links.status(at: i) == .lost {
                let link = links[i]
                let s: Int, b: Int
                if resolved {
                    s = Int(resolution.linkSupplier[i])
                    b = Int(resolution.linkBuyer[i])
                } else {
                    s = index.firmIndex[link.supplier].map(Int.init) ?? -1
                    b = index.firmIndex[link.buyer].map(Int.init) ?? -1
                }
                guard s >= 0, b >= 0, index.inPark[b] else { continue }
                let v = link.value ?? 0
                var remaining = 0
                if let key = index.key(of: link) {
                    for j in g.inEdgeRange(of: Int32(b)) where index.edgeKey[Int(g.inEdges[j])] == key {
                        remaining += 1
                    }
                }
                var first = true
                walker.forEach(s, b) { k in
                    guard first else { return }  // one edge per link, so values are not counted twice
                    first = false
                    t.lostLinks[k] += 1
                    t.lostValue[k] += v
                    if index.inPark[s] { t.lostInPark[k] += v; t.lostInParkLinks[k] += 1 }
                    if remaining == 0 && uncoveredSeen.insert(k * index.firmCount + b).inserted { t.uncovered[k] += 1 }
                }
            }
        }
        return t
    }

    /// A stage `g` of its chain is mid-chain when it is required, a required stage takes it as
    /// input, and it is not upstream — or it is, but one of its own input stages has in-park
    /// firms (a yarn stage between in-park fibre and weaving): missing it cuts the chain between
    /// in-park stages (断链). Other missing stages make the chain short (短链): it starts after
    /// its upstream or stops before its end.
    func isMidChain(_ g: Int) -> Bool {
        guard index.stageRequired[g], consumers(of: g).contains(where: { index.stageRequired[$0] }) else {
            return false
        }
        if index.stageTier[g] != .upstream { return true }
        return (Int(index.stageInputOffsets[g])..<Int(index.stageInputOffsets[g + 1])).contains {
            stageFirmCount[Int(index.stageInputValues[$0])] > 0
        }
    }

    /// Missing mid-chain stages, stage pairs without (or with lost) in-park supply, input
    /// stages sourced mostly outside, concentrated supply, short chains; fills the chain
    /// summaries. One finding per place (template edge): broken, else weak, else thin, the
    /// facts of the others folded into its evidence.
    func stageFindings(flows: TemplateFlows) -> [GapFinding] {
        var findings: [GapFinding] = []
        let park = index.park
        for (c, chain) in park.chains.enumerated() {
            let range = Int(index.chainStageStart[c])..<Int(index.chainStageStart[c + 1])
            var chainFirms = 0
            for f in 0..<index.firmCount where index.inPark[f] {
                let lo = Int(index.firmStageOffsets[f]), hi = Int(index.firmStageOffsets[f + 1])
                if index.firmStageValues[lo..<hi].contains(where: { range.contains(Int($0)) }) { chainFirms += 1 }
            }
            var lostLinks = 0, lostValue = 0.0
            for g in range {
                for k in Int(index.stageInputOffsets[g])..<Int(index.stageInputOffsets[g + 1]) {
                    lostLinks += flows.lostLinks[k]; lostValue += flows.lostValue[k]
                }
            }
            summaries.append(
                GapReport.ChainSummary(
                    chain: chain.id, name: chain.name, stages: range.count,
                    coveredStages: range.filter { stageFirmCount[$0] > 0 }.count,
                    firms: chainFirms, demand: 0, flow: nil, lostLinks: lostLinks, lostValue: lostValue))

            var missing: [Int] = []
            for g in range {
                if stageFirmCount[g] == 0 { missing.append(g) }
                if stageFirmCount[g] == 0 && isMidChain(g) { findings.append(missingStage(g)) }
                guard stageFirmCount[g] > 0 else { continue }
                for k in Int(index.stageInputOffsets[g])..<Int(index.stageInputOffsets[g + 1]) {
                    let input = Int(index.stageInputValues[k])
                    // An input stage without in-park firm is a missing stage or a short chain.
                    guard stageFirmCount[input] > 0 else { continue }
                    if flows.inParkLinks[k] == 0 && flows.lostInParkLinks[k] == 0 {
                        findings.append(noStageLink(stage: g, input: input, k: k, flows))
                    } else if flows.lostInParkLinks[k] > 0 && lostShares(k, flows).ofInPark >= options.lostShare {
                        findings.append(lostSupply(stage: g, input: input, k: k, flows))
                    } else if let share = outsideShare(k, flows), share >= options.outsideShare && share > 0 {
                        findings.append(outsideSourcing(stage: g, input: input, k: k, share: share, flows))
                    } else if isConcentrated(k, flows) {
                        findings.append(concentration(stage: g, input: input, k: k, flows))
                    }
                }
            }
            if let short = shortChain(c, missing: missing.filter { !isMidChain($0) }, allMissing: missing.count) {
                findings.append(short)
            }
        }
        return findings
    }

    /// The lost in-park supply of edge `k` as a share of the in-park supply before the loss
    /// (active + lost) and of all supply before the loss (with purchases from outside): by
    /// value, or by link count when the lost links carry no value.
    func lostShares(_ k: Int, _ t: TemplateFlows) -> (ofInPark: Double, ofSupply: Double) {
        if t.lostInPark[k] > 0 {
            let before = t.inParkValue[k] + t.lostInPark[k]
            return (t.lostInPark[k] / before, t.lostInPark[k] / (before + t.outsideValue[k]))
        }
        let lost = Double(t.lostInParkLinks[k])
        guard lost > 0 else { return (0, 0) }
        let before = Double(t.inParkLinks[k]) + lost
        return (lost / before, lost / (before + Double(t.outsideLinks[k])))
    }

    /// Share of a stage's supply of an input stage bought from outside: purchases from outside
    /// over all active supply; nil without supply.
    func outsideShare(_ k: Int, _ t: TemplateFlows) -> Double? {
        let total = t.inParkValue[k] + t.outsideValue[k]
        return total > 0 ? t.outsideValue[k] / total : nil
    }

    func topShare(_ k: Int, _ t: TemplateFlows) -> Double {
        t.inParkValue[k] > 0 ? t.topValue[k] / t.inParkValue[k] : (t.suppliers[k] > 0 ? 1 / Double(t.suppliers[k]) : 0)
    }

    func singleSourcedShare(_ k: Int, _ t: TemplateFlows) -> Double {
        t.buyerWeight[k] > 0 ? t.singleSourcedWeight[k] / t.buyerWeight[k] : 0
    }

    /// 细链: one in-park supplier carries ≥ `singleSourceShare` of the in-park supply, or the
    /// suppliers' HHI ≥ `concentrationHHI`, or single-sourced buyers get ≥ `singleSourcedBuyers`
    /// of the supply.
    func isConcentrated(_ k: Int, _ t: TemplateFlows) -> Bool {
        guard t.suppliers[k] > 0 else { return false }
        return topShare(k, t) >= options.singleSourceShare || t.hhi[k] >= options.concentrationHHI
            || singleSourcedShare(k, t) >= options.singleSourcedBuyers
    }

    func consumers(of g: Int) -> [Int] {
        let c = Int(index.stageChain[g])
        return (Int(index.chainStageStart[c])..<Int(index.chainStageStart[c + 1])).filter {
            index.inputs(ofStage: $0).contains(Int32(g))
        }
    }

    /// Trade of in-park firms with the outside firms of stage `g`: what they buy from them
    /// (purchases) and sell to them (sales), and those firms.
    func outsideTrade(_ g: Int) -> (purchases: Double, sales: Double, firms: [Int]) {
        let outsideFirms = (0..<index.firmCount).filter { !index.inPark[$0] && index.firm($0, isIn: Int32(g)) }
        var purchases = 0.0, sales = 0.0
        let gr = index.graph
        for f in outsideFirms {
            for e in gr.outEdgeRange(of: Int32(f)) where index.inPark[Int(gr.outTargets[e])] {
                purchases += index.edgeValue[e]
            }
            for i in gr.inEdgeRange(of: Int32(f)) where index.inPark[Int(gr.inSources[i])] {
                sales += index.edgeValue[Int(gr.inEdges[i])]
            }
        }
        return (purchases, sales, outsideFirms)
    }

    /// The facts of lost links on edge `k`, as an evidence clause and facts (folded into the
    /// edge's finding).
    func lostClause(_ k: Int, _ t: TemplateFlows) -> (Message.Argument, [(key: String, value: GapFactValue)]) {
        let facts: [(key: String, value: GapFactValue)] = [
            ("lostLinks", .number(Double(t.lostLinks[k]))), ("lostValue", .number(t.lostValue[k])),
            ("lostInParkValue", .number(t.lostInPark[k])), ("buyersWithoutSupplier", .number(Double(t.uncovered[k]))),
        ]
        let clause = Self.clause(
            t.lostLinks[k] > 0,
            Message(
                "gaps.evidence.lost",
                [
                    "links": .integer(t.lostLinks[k]), "value": .money(t.lostValue[k]),
                    "inPark": .money(t.lostInPark[k]),
                    "uncovered": Self.clause(
                        t.uncovered[k] > 0,
                        Message("gaps.evidence.lost.uncovered", ["buyers": .integer(t.uncovered[k])])),
                ]))
        return (clause, facts)
    }

    /// The supply of edge `k` by origin: in-park supply and purchases from outside, labelled.
    func supplyClause(_ k: Int, _ t: TemplateFlows) -> (Message.Argument, [(key: String, value: GapFactValue)]) {
        let facts: [(key: String, value: GapFactValue)] = [
            ("inParkSupply", .number(t.inParkValue[k])), ("outsidePurchases", .number(t.outsideValue[k])),
        ]
        return (
            .message(
                Message(
                    "gaps.evidence.supply", ["inPark": .money(t.inParkValue[k]), "outside": .money(t.outsideValue[k])])),
            facts
        )
    }

    func missingStage(_ g: Int) -> GapFinding {
        let users = consumers(of: g).filter { stageFirmCount[$0] > 0 }
        let trade = outsideTrade(g)
        // At risk: the in-park output of the stages it feeds (they get none of it in the park).
        let risk = users.reduce(0) { $0 + stageOutput[$1] }
        let text = Message(
            "gaps.evidence.missing-stage",
            [
                "stage": stageName(g),
                "feeds": Self.clause(
                    !users.isEmpty,
                    Message("gaps.evidence.missing-stage.feeds", ["stages": stageNames(users), "output": .money(risk)])),
                "outside": Self.clause(
                    !trade.firms.isEmpty,
                    Message(
                        "gaps.evidence.missing-stage.outside",
                        [
                            "purchases": .money(trade.purchases), "sales": .money(trade.sales),
                            "firms": .list(trade.firms.map(name)),
                        ])),
            ])
        let cands = remedies.outside(stage: index.stageIds[g], product: nil)
        let remedy = Message("gaps.remedy.missing-stage", ["stage": stageName(g), "candidate": Self.candidate(cands)])
        return GapFinding(
            rule: .missingStage,
            severity: GapSeverity(value: risk, unit: .rmb, level: .critical, atRisk: risk),
            place: GapPlace(chain: index.chainId(ofStage: g), stage: index.stageIds[g]),
            evidence: GapEvidence(
                text,
                facts: [
                    ("stage", .text(index.stageIds[g])), ("required", .text("true")), ("inParkFirms", .number(0)),
                    ("feeds", .list(users.map { index.stageIds[$0] })), ("feedsInParkOutput", .number(risk)),
                    ("outsideFirms", .list(trade.firms.map { index.park.firms[$0].id })),
                    ("outsidePurchases", .number(trade.purchases)), ("outsideSales", .number(trade.sales)),
                ]),
            remedy: GapRemedy(remedy, attractStage: index.stageIds[g], candidates: cands))
    }

    func suggestedLinks(input: Int, stage g: Int) -> (inPark: [GapFirmRef], links: [GapSuggestedLink]) {
        let sup = Array(remedies.firms(ofStage: input).prefix(remedies.limit)).map(Int.init)
        let buy = Array(remedies.firms(ofStage: g).prefix(remedies.limit)).map(Int.init)
        var links: [GapSuggestedLink] = []
        for (i, s) in sup.enumerated() where i < buy.count && s != buy[i] {
            links.append(GapSuggestedLink(supplier: index.park.firms[s].id, buyer: index.park.firms[buy[i]].id))
        }
        return (sup.map(index.firmRef), links)
    }

    func noStageLink(stage g: Int, input: Int, k: Int, _ t: TemplateFlows) -> GapFinding {
        let risk = stageOutput[g]
        let (supply, supplyFacts) = supplyClause(k, t)
        let (lost, lostFacts) = lostClause(k, t)
        let text = Message(
            "gaps.evidence.no-stage-link",
            [
                "inputFirms": .integer(stageFirmCount[input]), "inputStage": stageName(input),
                "stageFirms": .integer(stageFirmCount[g]), "stage": stageName(g), "output": .money(risk),
                "supply": supply, "lost": lost,
            ])
        let (sup, links) = suggestedLinks(input: input, stage: g)
        return GapFinding(
            rule: .noStageLink,
            severity: GapSeverity(value: risk, unit: .rmb, level: .warning, atRisk: risk),
            place: GapPlace(
                chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input]),
            evidence: GapEvidence(
                text,
                facts: [
                    ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                    ("inputFirms", .number(Double(stageFirmCount[input]))),
                    ("stageFirms", .number(Double(stageFirmCount[g]))),
                    ("inParkLinks", .number(0)), ("stageInParkOutput", .number(risk)),
                ] + supplyFacts + lostFacts),
            remedy: GapRemedy(
                Message("gaps.remedy.no-stage-link", ["inputStage": stageName(input), "stage": stageName(g)]),
                inPark: sup, suggestedLinks: links))
    }

    /// Broken: the in-park supply over edge `k` was lost (all of it, or at least `lostShare`).
    func lostSupply(stage g: Int, input: Int, k: Int, _ t: TemplateFlows) -> GapFinding {
        let before = t.inParkValue[k] + t.lostInPark[k]
        let (share, lostOfSupply) = lostShares(k, t)
        // Buyers left without any supplier of the input stop: critical.
        let stops = t.uncovered[k] > 0
        // At risk: the stage's in-park output in proportion to the part of its supply of the
        // input that was lost (purchases from outside still arrive).
        let risk = stageOutput[g] * lostOfSupply
        let (supply, supplyFacts) = supplyClause(k, t)
        let text = Message(
            "gaps.evidence.lost-link",
            [
                "links": .integer(t.lostLinks[k]), "inputStage": stageName(input), "stage": stageName(g),
                "lost": .money(t.lostInPark[k]), "share": .percent(share),
                "supply": supply,
                "uncovered": Self.clause(
                    t.uncovered[k] > 0, Message("gaps.evidence.lost.uncovered", ["buyers": .integer(t.uncovered[k])])),
            ])
        let (sup, links) = suggestedLinks(input: input, stage: g)
        let cands = remedies.outside(stage: index.stageIds[input], product: nil)
        let remedy = Message(
            "gaps.remedy.lost-link",
            [
                "inputStage": stageName(input), "stage": stageName(g),
                "replace": Self.clause(
                    !sup.isEmpty, Message("gaps.remedy.lost-link.replace", ["firms": Self.firms(sup)])),
                "candidate": Self.candidate(cands, "gaps.remedy.outsideCandidate"),
            ])
        return GapFinding(
            rule: .lostLink,
            severity: GapSeverity(value: risk, unit: .rmb, level: stops ? .critical : .warning, atRisk: risk),
            place: GapPlace(
                chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input]),
            evidence: GapEvidence(
                text,
                facts: [
                    ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                    ("lostLinks", .number(Double(t.lostLinks[k]))), ("lostInParkValue", .number(t.lostInPark[k])),
                    ("lostShare", .number(share)), ("inParkSupplyBefore", .number(before)),
                    ("buyersWithoutSupplier", .number(Double(t.uncovered[k]))),
                    ("stageInParkOutput", .number(stageOutput[g])),
                    ("lostShareOfSupply", .number(lostOfSupply)),
                ] + supplyFacts),
            remedy: GapRemedy(remedy, inPark: sup, candidates: cands, suggestedLinks: links))
    }

    func outsideSourcing(stage g: Int, input: Int, k: Int, share: Double, _ t: TemplateFlows) -> GapFinding {
        let top = Int(t.outsideTop[k])
        let risk = stageOutput[g] * share
        let (lost, lostFacts) = lostClause(k, t)
        let text = Message(
            "gaps.evidence.outside-sourcing",
            [
                "share": .percent(share), "inputStage": stageName(input), "stage": stageName(g),
                "outside": .money(t.outsideValue[k]), "inPark": .money(t.inParkValue[k]),
                "top": Self.clause(top >= 0, Message("gaps.evidence.outside-sourcing.top", ["firm": self.name(top)])),
                "lost": lost,
            ])
        let inPark = remedies.suppliers(product: nil, stage: input, excluding: [])
        let cands = remedies.outside(stage: index.stageIds[input], product: nil)
        let remedy = Message(
            "gaps.remedy.outside-sourcing",
            [
                "inputStage": stageName(input),
                "expand": Self.clause(
                    !inPark.isEmpty, Message("gaps.remedy.outside-sourcing.expand", ["firms": Self.firms(inPark)])),
                "candidate": Self.candidate(cands),
            ])
        return GapFinding(
            rule: .outsideSourcing,
            severity: GapSeverity(value: share, unit: .share, level: .warning, atRisk: risk),
            place: GapPlace(
                chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input]),
            evidence: GapEvidence(
                text,
                facts: [
                    ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                    ("outsideShare", .number(share)), ("outsidePurchases", .number(t.outsideValue[k])),
                    ("inParkSupply", .number(t.inParkValue[k])),
                    ("largestOutsideSupplier", .text(top >= 0 ? index.park.firms[top].id : "")),
                    ("stageInParkOutput", .number(stageOutput[g])),
                ] + lostFacts),
            remedy: GapRemedy(remedy, attractStage: index.stageIds[input], inPark: inPark, candidates: cands))
    }

    /// Thin: the in-park supply of `input` into `g` rests on one or two firms.
    func concentration(stage g: Int, input: Int, k: Int, _ t: TemplateFlows) -> GapFinding {
        let s = Int(t.topSupplier[k])
        let share = topShare(k, t)
        let buyersShare = singleSourcedShare(k, t)
        let risk = t.topBuyersOutput[k] * share
        markChoke(s, risk: risk, reason: .stageSource(input: input, stage: g))
        concentratedSuppliers.insert(s)
        let (lost, lostFacts) = lostClause(k, t)
        let cutOff = articulation[s]
        let text = Message(
            "gaps.evidence.concentration",
            [
                "supplier": name(s), "share": .percent(share), "inParkSupply": .money(t.inParkValue[k]),
                "inputStage": stageName(input), "stage": stageName(g), "suppliers": .integer(t.suppliers[k]),
                "hhi": .number(t.hhi[k]), "singleSourced": .integer(t.singleSourced[k]),
                "buyers": .integer(t.buyers[k]),
                "buyersShare": .percent(buyersShare),
                "cut": Self.clause(
                    cutOff != nil,
                    Message(
                        "gaps.evidence.concentration.cut",
                        [
                            "firms": .integer(cutOff?.firms ?? 0), "output": .money(cutOff?.output ?? 0),
                        ])),
                "lost": lost,
            ])
        let alt = remedies.suppliers(product: nil, stage: input, excluding: [s])
        let cands = remedies.outside(stage: index.stageIds[input], product: nil)
        let candidate = Self.candidate(cands, "gaps.remedy.outsideCandidate")
        let remedy =
            alt.isEmpty
            ? Message("gaps.remedy.second-supplier.attract", ["inputStage": stageName(input), "candidate": candidate])
            : Message("gaps.remedy.second-supplier.develop", ["firms": Self.firms(alt), "candidate": candidate])
        return GapFinding(
            rule: .concentration,
            severity: GapSeverity(value: share, unit: .share, level: .warning, atRisk: risk),
            place: GapPlace(
                chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input],
                firm: index.park.firms[s].id),
            evidence: GapEvidence(
                text,
                facts: [
                    ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                    ("supplier", .text(index.park.firms[s].id)), ("inParkSuppliers", .number(Double(t.suppliers[k]))),
                    ("topShare", .number(share)), ("hhi", .number(t.hhi[k])), ("supplierValue", .number(t.topValue[k])),
                    ("inParkSupply", .number(t.inParkValue[k])), ("outsidePurchases", .number(t.outsideValue[k])),
                    ("buyers", .number(Double(t.buyers[k]))),
                    ("singleSourcedBuyers", .number(Double(t.singleSourced[k]))),
                    ("singleSourcedShare", .number(buyersShare)), ("buyersInParkOutput", .number(t.topBuyersOutput[k])),
                    ("firmsCutOff", .number(Double(cutOff?.firms ?? 0))),
                    ("outputCutOff", .number(cutOff?.output ?? 0)),
                ] + lostFacts),
            remedy: GapRemedy(
                remedy, attractStage: alt.isEmpty ? index.stageIds[input] : nil, inPark: alt, candidates: cands))
    }

    /// Stages without in-park firm that are not mid-chain: upstream (the chain starts after
    /// them), ends (it stops before them) or optional ones. Value at risk: what in-park firms
    /// buy from the outside firms of those stages plus what they sell to them.
    func shortChain(_ c: Int, missing ends: [Int], allMissing: Int) -> GapFinding? {
        guard !ends.isEmpty else { return nil }
        let chain = index.park.chains[c]
        let total = Int(index.chainStageStart[c + 1] - index.chainStageStart[c])
        let up = ends.filter { index.stageTier[$0] == .upstream }
        let down = ends.filter { index.stageTier[$0] == .downstream }
        let mid = ends.filter { index.stageTier[$0] == .midstream }
        var purchases = 0.0, sales = 0.0
        for g in ends {
            let t = outsideTrade(g)
            purchases += t.purchases
            sales += t.sales
        }
        let risk = purchases + sales
        let text = Message(
            "gaps.evidence.short-chain",
            [
                "chain": .message(Message("gaps.chain", ["name": .text(chain.name), "id": .text(chain.id)])),
                "covered": .integer(total - allMissing), "stages": .integer(total),
                "upstream": Self.clause(
                    !up.isEmpty, Message("gaps.evidence.short-chain.upstream", ["stages": stageNames(up)])),
                "midstream": Self.clause(
                    !mid.isEmpty, Message("gaps.evidence.short-chain.midstream", ["stages": stageNames(mid)])),
                "downstream": Self.clause(
                    !down.isEmpty, Message("gaps.evidence.short-chain.downstream", ["stages": stageNames(down)])),
                "trade": Self.clause(
                    risk > 0,
                    Message(
                        "gaps.evidence.short-chain.trade", ["purchases": .money(purchases), "sales": .money(sales)])),
            ])
        let first = ends[0]
        let cands = ends.flatMap { remedies.outside(stage: index.stageIds[$0], product: nil) }
        let remedy = Message(
            "gaps.remedy.short-chain", ["stages": stageNames(ends), "candidate": Self.candidate(cands)])
        return GapFinding(
            rule: .shortChain,
            severity: GapSeverity(
                value: Double(ends.count), unit: .stages,
                level: ends.contains { index.stageRequired[$0] } ? .warning : .info, atRisk: risk),
            place: GapPlace(chain: chain.id),
            evidence: GapEvidence(
                text,
                facts: [
                    ("stages", .number(Double(total))), ("covered", .number(Double(total - allMissing))),
                    ("missingUpstream", .list(up.map { index.stageIds[$0] })),
                    ("missingMidstream", .list(mid.map { index.stageIds[$0] })),
                    ("missingDownstream", .list(down.map { index.stageIds[$0] })),
                    ("outsidePurchases", .number(purchases)), ("outsideSales", .number(sales)),
                ]),
            remedy: GapRemedy(
                remedy, attractStage: index.stageIds[first], candidates: Array(cands.prefix(remedies.limit))))
    }
}
