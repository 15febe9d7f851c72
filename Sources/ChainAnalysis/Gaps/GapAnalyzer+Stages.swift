import ChainModel

extension GapAnalyzer {
    /// Template-edge flows: per edge `input → stage` of the template (numbered by its position
    /// in the stage input CSR), what reaches the stage's in-park firms.
    struct TemplateFlows {
        var totalValue: [Double]
        var localValue: [Double]
        /// Active links from an in-park firm of the input stage to an in-park firm of the stage.
        var inParkLinks: [Int]
        var suppliers: [Int]
        var bestSupplier: [Int32]
        var bestValue: [Double]
        /// Output of the stage's in-park firms supplied by ``bestSupplier``.
        var bestBuyersOutput: [Double]
        /// Biggest non-local supplier by value.
        var outsideTop: [Int32]
    }

    func templateFlows() -> TemplateFlows {
        let q = index.stageInputValues.count
        var t = TemplateFlows(
            totalValue: .init(repeating: 0, count: q), localValue: .init(repeating: 0, count: q),
            inParkLinks: .init(repeating: 0, count: q), suppliers: .init(repeating: 0, count: q),
            bestSupplier: .init(repeating: -1, count: q), bestValue: .init(repeating: -1, count: q),
            bestBuyersOutput: .init(repeating: 0, count: q), outsideTop: .init(repeating: -1, count: q))
        var lastSupplier = [Int32](repeating: -1, count: q)
        var current = [Double](repeating: 0, count: q)
        var outsideBest = [Double](repeating: -1, count: q)
        func flush(_ k: Int) {
            let s = lastSupplier[k]
            guard s >= 0 else { return }
            t.suppliers[k] += 1
            if current[k] > t.bestValue[k] { t.bestValue[k] = current[k]; t.bestSupplier[k] = s }
        }
        let g = index.graph
        index.withTemplateWalker { walker in
        for s in 0..<g.nodeCount {
            for e in g.outEdgeRange(of: Int32(s)) {
                let b = Int(g.outTargets[e])
                guard index.inPark[b] else { continue }
                let v = index.edgeValue[e], local = index.edgeLocal[e]
                walker.forEach(s, b) { k in
                    if lastSupplier[k] != Int32(s) {
                        flush(k)
                        lastSupplier[k] = Int32(s)
                        current[k] = 0
                    }
                    current[k] += v
                    t.totalValue[k] += v
                    if local { t.localValue[k] += v }
                    if index.inPark[s] { t.inParkLinks[k] += 1 }
                    if !local && v > outsideBest[k] { outsideBest[k] = v; t.outsideTop[k] = Int32(s) }
                }
            }
        }
        for k in 0..<q { flush(k) }
        // Output of the buyers that the best supplier serves (each buyer once per edge k).
        var stamp = [Int32](repeating: -1, count: q)
        for b in 0..<g.nodeCount where index.inPark[b] {
            for i in g.inEdgeRange(of: Int32(b)) {
                let s = Int(g.inSources[i])
                walker.forEach(s, b) { k in
                    if t.bestSupplier[k] == Int32(s) && stamp[k] != Int32(b) {
                        stamp[k] = Int32(b)
                        t.bestBuyersOutput[k] += index.output[b]
                    }
                }
            }
        }
        }
        return t
    }

    /// Missing required stages, stage pairs without a link, stage single sources, input
    /// stages sourced mostly outside, short chains; fills the chain summaries.
    func stageFindings() -> [GapFinding] {
        var findings: [GapFinding] = []
        let flows = templateFlows()
        let park = index.park
        for (c, chain) in park.chains.enumerated() {
            let range = Int(index.chainStageStart[c])..<Int(index.chainStageStart[c + 1])
            var chainFirms = 0
            for f in 0..<index.firmCount where index.inPark[f] {
                let lo = Int(index.firmStageOffsets[f]), hi = Int(index.firmStageOffsets[f + 1])
                if index.firmStageValues[lo..<hi].contains(where: { range.contains(Int($0)) }) { chainFirms += 1 }
            }
            summaries.append(GapReport.ChainSummary(
                chain: chain.id, name: chain.name, stages: range.count,
                coveredStages: range.filter { stageFirmCount[$0] > 0 }.count,
                firms: chainFirms, demand: 0, flow: nil))

            var missing: [Int] = []
            for g in range {
                if stageFirmCount[g] == 0 { missing.append(g) }
                if stageFirmCount[g] == 0 && index.stageRequired[g] { findings.append(missingStage(g)) }
                guard stageFirmCount[g] > 0 else { continue }
                for k in Int(index.stageInputOffsets[g])..<Int(index.stageInputOffsets[g + 1]) {
                    let input = Int(index.stageInputValues[k])
                    if stageFirmCount[input] > 0 && flows.inParkLinks[k] == 0 {
                        findings.append(noStageLink(stage: g, input: input, k: k, flows))
                    }
                    if flows.suppliers[k] > 0 {
                        let share = flows.totalValue[k] > 0 ? flows.bestValue[k] / flows.totalValue[k] : 1 / Double(flows.suppliers[k])
                        if flows.suppliers[k] == 1 || share >= options.singleSourceShare {
                            findings.append(stageSingleSource(stage: g, input: input, k: k, share: share, flows))
                        }
                    }
                    if flows.totalValue[k] > 0 {
                        let outside = (flows.totalValue[k] - flows.localValue[k]) / flows.totalValue[k]
                        if outside >= options.outsideShare && outside > 0 {
                            findings.append(outsideSourcing(stage: g, input: input, k: k, share: outside, flows))
                        }
                    }
                }
            }
            if let short = shortChain(c, missing: missing) { findings.append(short) }
        }
        return findings
    }

    func consumers(of g: Int) -> [Int] {
        let c = Int(index.stageChain[g])
        return (Int(index.chainStageStart[c])..<Int(index.chainStageStart[c + 1])).filter { index.inputs(ofStage: $0).contains(Int32(g)) }
    }

    func missingStage(_ g: Int) -> GapFinding {
        let users = consumers(of: g)
        let outsideFirms = (0..<index.firmCount).filter { !index.inPark[$0] && index.firm($0, isIn: Int32(g)) }
        // At risk: the in-park stages it feeds, plus the trade of in-park firms with the
        // outside firms of the stage (an end-product stage feeds no stage).
        var trade = 0.0
        let gr = index.graph
        for f in outsideFirms {
            for e in gr.outEdgeRange(of: Int32(f)) where index.inPark[Int(gr.outTargets[e])] { trade += index.edgeValue[e] }
            for i in gr.inEdgeRange(of: Int32(f)) where index.inPark[Int(gr.inSources[i])] { trade += index.edgeValue[Int(gr.inEdges[i])] }
        }
        let risk = users.reduce(0) { $0 + stageOutput[$1] } + trade
        let text = Message("gaps.evidence.missing-stage", [
            "stage": stageName(g),
            "feeds": Self.clause(!users.isEmpty, Message("gaps.evidence.missing-stage.feeds", ["stages": stageNames(users), "output": .money(risk)])),
            "outside": Self.clause(!outsideFirms.isEmpty, Message("gaps.evidence.missing-stage.outside", [
                "value": .money(trade), "firms": .list(outsideFirms.map(name)),
            ])),
        ])
        let cands = remedies.outside(stage: index.stageIds[g], product: nil)
        let remedy = Message("gaps.remedy.missing-stage", ["stage": stageName(g), "candidate": Self.candidate(cands)])
        return GapFinding(
            rule: .missingStage,
            severity: GapSeverity(value: risk, unit: .rmb, level: .critical, atRisk: risk),
            place: GapPlace(chain: index.chainId(ofStage: g), stage: index.stageIds[g]),
            evidence: GapEvidence(text, facts: [
                ("stage", .text(index.stageIds[g])), ("required", .text("true")), ("inParkFirms", .number(0)),
                ("feeds", .list(users.map { index.stageIds[$0] })), ("feedsOutput", .number(risk)),
                ("outsideFirms", .list(outsideFirms.map { index.park.firms[$0].id })), ("outsideTrade", .number(trade)),
            ]),
            remedy: GapRemedy(remedy, attractStage: index.stageIds[g], candidates: cands))
    }

    func noStageLink(stage g: Int, input: Int, k: Int, _ t: TemplateFlows) -> GapFinding {
        let risk = stageOutput[g]
        let outside = t.totalValue[k] - t.localValue[k]
        let text = Message("gaps.evidence.no-stage-link", [
            "inputFirms": .integer(stageFirmCount[input]), "inputStage": stageName(input),
            "stageFirms": .integer(stageFirmCount[g]), "stage": stageName(g),
            "outside": Self.clause(t.totalValue[k] > 0, Message("gaps.evidence.no-stage-link.outside", ["stage": stageName(g), "value": .money(t.totalValue[k])])),
        ])
        let sup = Array(remedies.firms(ofStage: input).prefix(remedies.limit)).map(Int.init)
        let buy = Array(remedies.firms(ofStage: g).prefix(remedies.limit)).map(Int.init)
        var links: [GapSuggestedLink] = []
        for (i, s) in sup.enumerated() where i < buy.count && s != buy[i] {
            links.append(GapSuggestedLink(supplier: index.park.firms[s].id, buyer: index.park.firms[buy[i]].id))
        }
        return GapFinding(
            rule: .noStageLink,
            severity: GapSeverity(value: risk, unit: .rmb, level: .warning, atRisk: risk),
            place: GapPlace(chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input]),
            evidence: GapEvidence(text, facts: [
                ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                ("inputFirms", .number(Double(stageFirmCount[input]))), ("stageFirms", .number(Double(stageFirmCount[g]))),
                ("localLinks", .number(0)), ("outsideValue", .number(outside)), ("stageOutput", .number(risk)),
            ]),
            remedy: GapRemedy(
                Message("gaps.remedy.no-stage-link", ["inputStage": stageName(input), "stage": stageName(g)]),
                inPark: sup.map(index.firmRef), suggestedLinks: links))
    }

    func stageSingleSource(stage g: Int, input: Int, k: Int, share: Double, _ t: TemplateFlows) -> GapFinding {
        let s = Int(t.bestSupplier[k])
        let risk = t.bestBuyersOutput[k]
        markChoke(s, risk: risk, reason: .stageSource(input: input, stage: g))
        let count = t.suppliers[k]
        let text = count == 1
            ? Message("gaps.evidence.stage-single-source.one", ["stage": stageName(g), "inputStage": stageName(input), "supplier": name(s)])
            : Message("gaps.evidence.stage-single-source.share", [
                "supplier": name(s), "share": .percent(share), "inputStage": stageName(input), "stage": stageName(g), "suppliers": .integer(count),
            ])
        let alt = remedies.suppliers(product: nil, stage: input, excluding: [s])
        let cands = remedies.outside(stage: index.stageIds[input], product: nil)
        let candidate = Self.candidate(cands, "gaps.remedy.outsideCandidate")
        let remedy = alt.isEmpty
            ? Message("gaps.remedy.second-supplier.attract", ["inputStage": stageName(input), "candidate": candidate])
            : Message("gaps.remedy.second-supplier.develop", ["firms": Self.firms(alt), "candidate": candidate])
        return GapFinding(
            rule: .stageSingleSource,
            severity: GapSeverity(value: risk, unit: .rmb, level: .warning, atRisk: risk),
            place: GapPlace(chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input], firm: index.park.firms[s].id),
            evidence: GapEvidence(text, facts: [
                ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                ("supplier", .text(index.park.firms[s].id)), ("suppliers", .number(Double(count))),
                ("share", .number(share)), ("supplierValue", .number(t.bestValue[k])), ("buyersOutput", .number(risk)),
            ]),
            remedy: GapRemedy(remedy, attractStage: alt.isEmpty ? index.stageIds[input] : nil, inPark: alt, candidates: cands))
    }

    func outsideSourcing(stage g: Int, input: Int, k: Int, share: Double, _ t: TemplateFlows) -> GapFinding {
        let outside = t.totalValue[k] - t.localValue[k]
        let top = Int(t.outsideTop[k])
        let text = Message("gaps.evidence.outside-sourcing", [
            "share": .percent(share), "inputStage": stageName(input), "stage": stageName(g),
            "outside": .money(outside), "total": .money(t.totalValue[k]),
            "top": Self.clause(top >= 0, Message("gaps.evidence.outside-sourcing.top", ["firm": self.name(top)])),
        ])
        let inPark = remedies.suppliers(product: nil, stage: input, excluding: [])
        let cands = remedies.outside(stage: index.stageIds[input], product: nil)
        let remedy = Message("gaps.remedy.outside-sourcing", [
            "inputStage": stageName(input),
            "expand": Self.clause(!inPark.isEmpty, Message("gaps.remedy.outside-sourcing.expand", ["firms": Self.firms(inPark)])),
            "candidate": Self.candidate(cands),
        ])
        return GapFinding(
            rule: .outsideSourcing,
            severity: GapSeverity(value: share, unit: .share, level: .warning, atRisk: outside),
            place: GapPlace(chain: index.chainId(ofStage: g), stage: index.stageIds[g], inputStage: index.stageIds[input]),
            evidence: GapEvidence(text, facts: [
                ("inputStage", .text(index.stageIds[input])), ("stage", .text(index.stageIds[g])),
                ("outsideShare", .number(share)), ("outsideValue", .number(outside)), ("totalValue", .number(t.totalValue[k])),
                ("largestOutsideSupplier", .text(top >= 0 ? index.park.firms[top].id : "")),
            ]),
            remedy: GapRemedy(remedy, attractStage: index.stageIds[input], inPark: inPark, candidates: cands))
    }

    /// Stages without in-park firm at the chain's ends (upstream or downstream tier) or
    /// optional ones: the chain is short.
    func shortChain(_ c: Int, missing: [Int]) -> GapFinding? {
        let ends = missing.filter { index.stageTier[$0] != .midstream || !index.stageRequired[$0] }
        guard !ends.isEmpty else { return nil }
        let chain = index.park.chains[c]
        let total = Int(index.chainStageStart[c + 1] - index.chainStageStart[c])
        let up = ends.filter { index.stageTier[$0] == .upstream }
        let down = ends.filter { index.stageTier[$0] == .downstream }
        let mid = ends.filter { index.stageTier[$0] == .midstream }
        let text = Message("gaps.evidence.short-chain", [
            "chain": .message(Message("gaps.chain", ["name": .text(chain.name), "id": .text(chain.id)])),
            "covered": .integer(total - missing.count), "stages": .integer(total),
            "upstream": Self.clause(!up.isEmpty, Message("gaps.evidence.short-chain.upstream", ["stages": stageNames(up)])),
            "midstream": Self.clause(!mid.isEmpty, Message("gaps.evidence.short-chain.midstream", ["stages": stageNames(mid)])),
            "downstream": Self.clause(!down.isEmpty, Message("gaps.evidence.short-chain.downstream", ["stages": stageNames(down)])),
        ])
        let first = ends[0]
        let cands = ends.flatMap { remedies.outside(stage: index.stageIds[$0], product: nil) }
        let remedy = Message("gaps.remedy.short-chain", ["stages": stageNames(ends), "candidate": Self.candidate(cands)])
        return GapFinding(
            rule: .shortChain,
            severity: GapSeverity(value: Double(ends.count), unit: .stages, level: ends.contains { index.stageRequired[$0] } ? .warning : .info, atRisk: 0),
            place: GapPlace(chain: chain.id),
            evidence: GapEvidence(text, facts: [
                ("stages", .number(Double(total))), ("covered", .number(Double(total - missing.count))),
                ("missingUpstream", .list(up.map { index.stageIds[$0] })), ("missingMidstream", .list(mid.map { index.stageIds[$0] })),
                ("missingDownstream", .list(down.map { index.stageIds[$0] })),
            ]),
            remedy: GapRemedy(remedy, attractStage: index.stageIds[first], candidates: Array(cands.prefix(remedies.limit))))
    }
}
