import ChainModel

extension GapAnalyzer {
    /// Articulation points (in-park firms) and bridge links of the active supply layer that
    /// separate at least ``GapOptions/minFirmsCutOff`` firms.
    ///
    /// This measures them; it reads only the index, so it runs alongside the other rules'
    /// measurements (``measure()``), and ``noteArticulation(_:)`` records the result.
    ///
    /// - Complexity: O(V + E) (one pass of ``SupplyCuts``).
    func measureSupplyCuts() -> SupplyCuts {
        // Only in-park firms count, and only their output is at risk.
        let weight = index.inPark.map { Int32($0 ? 1 : 0) }
        let output = zip(index.output, index.inPark).map { $1 ? $0 : 0 }
        return SupplyCuts(graph: index.graph, weight: weight, output: output)
    }

    /// Records the articulation points that cut off at least `minFirmsCutOff` firms.
    func noteArticulation(_ cuts: SupplyCuts) {
        let minimum = max(1, options.minFirmsCutOff)
        for cut in cuts.articulationPoints where cut.cutOff >= minimum && index.inPark[cut.id] {
            articulation[cut.id] = (cut.cutOff, cut.cutOutput)
        }
    }

    /// Articulation points and bridges not already folded into a concentration finding (the
    /// top supplier of a concentrated stage carries its cut in that finding's evidence; a
    /// bridge at an articulation point or such a supplier is implied by it).
    func cutFindings(_ cuts: SupplyCuts) -> [GapFinding] {
        var findings: [GapFinding] = []
        let minimum = max(1, options.minFirmsCutOff)
        // One finding per stage (its place): the articulation point that cuts off the most
        // output, the stage's others summed into its evidence.
        var byStage: [String: [SupplyCuts.Cut]] = [:]
        var stageOrder: [String] = []
        for cut in cuts.articulationPoints where cut.cutOff >= minimum && index.inPark[cut.id] {
            let f = cut.id
            markChoke(f, risk: cut.cutOutput, reason: .articulation(cutOff: cut.cutOff))
            if concentratedSuppliers.contains(f) { continue }
            let home = home(of: f)
            let key = (home.chain ?? "") + "/" + (home.stage ?? "")
            if byStage[key] == nil { stageOrder.append(key) }
            byStage[key, default: []].append(cut)
        }
        for key in stageOrder {
            let group = (byStage[key] ?? []).sorted { ($0.cutOutput, $1.id) > ($1.cutOutput, $0.id) }
            guard let cut = group.first else { continue }
            let others = group.dropFirst()
            let moreFirms = others.reduce(0) { $0 + $1.cutOff }
            let moreOutput = others.reduce(0.0) { $0 + $1.cutOutput }
            let f = cut.id
            let stage = index.stages(ofFirm: f).first.map(Int.init)
            let alt = remedies.suppliers(product: nil, stage: stage, excluding: [f])
            let home = home(of: f)
            let text = Message(
                "gaps.evidence.articulation-point",
                [
                    "firm": name(f), "componentFirms": .integer(cut.componentSize), "parts": .integer(cut.pieces),
                    "firmsCutOff": .integer(cut.cutOff), "output": .money(cut.cutOutput),
                    "more": Self.clause(
                        !others.isEmpty,
                        Message(
                            "gaps.evidence.articulation-point.more",
                            [
                                "points": .integer(others.count), "firms": .integer(moreFirms),
                                "output": .money(moreOutput),
                            ])),
                ])
            findings.append(
                GapFinding(
                    rule: .articulationPoint,
                    severity: GapSeverity(
                        value: Double(cut.cutOff), unit: .firms, level: .warning, atRisk: cut.cutOutput + moreOutput),
                    place: GapPlace(chain: home.chain, stage: home.stage, firm: index.park.firms[f].id),
                    evidence: GapEvidence(
                        text,
                        facts: [
                            ("firm", .text(index.park.firms[f].id)), ("firmsCutOff", .number(Double(cut.cutOff))),
                            ("outputCutOff", .number(cut.cutOutput)), ("parts", .number(Double(cut.pieces))),
                            ("componentFirms", .number(Double(cut.componentSize))),
                            ("morePoints", .number(Double(others.count))),
                            ("moreFirmsCutOff", .number(Double(moreFirms))),
                            ("moreOutputCutOff", .number(moreOutput)),
                        ]),
                    remedy: GapRemedy(
                        alt.isEmpty
                            ? Message("gaps.remedy.articulation-point.attract", ["firm": name(f)])
                            : Message("gaps.remedy.articulation-point.connect", ["firms": Self.firms(alt)]),
                        attractStage: alt.isEmpty ? stage.map { index.stageIds[$0] } : nil, inPark: alt)))
        }
        for cut in cuts.bridges where cut.cutOff >= minimum {
            let e = cut.id
            let s = Int(index.graph.source(ofEdge: e)), b = Int(index.graph.outTargets[e])
            if articulation[s] != nil || articulation[b] != nil || concentratedSuppliers.contains(s) { continue }
            let link = index.linkRef(edge: e)
            let input = self.input(index.edgeKey[e])
            let (product, stage) = remedies.productAndStage(ofKey: index.edgeKey[e], supplier: s)
            let alt = remedies.suppliers(product: product, stage: stage, excluding: [s, b])
            let home = home(of: b)
            let text = Message(
                "gaps.evidence.bridge",
                [
                    "supplier": name(s), "buyer": name(b), "input": input,
                    "firmsCutOff": .integer(cut.cutOff), "output": .money(cut.cutOutput),
                    "others": .integer(cut.componentSize - cut.cutOff),
                ])
            findings.append(
                GapFinding(
                    rule: .bridge,
                    severity: GapSeverity(
                        value: Double(cut.cutOff), unit: .firms, level: .warning, atRisk: cut.cutOutput),
                    place: GapPlace(chain: home.chain, stage: home.stage, link: link),
                    evidence: GapEvidence(
                        text,
                        facts: [
                            ("supplier", .text(link.supplier)), ("buyer", .text(link.buyer)),
                            ("input", .text(inputFact(index.edgeKey[e]))),
                            ("firmsCutOff", .number(Double(cut.cutOff))), ("outputCutOff", .number(cut.cutOutput)),
                            ("componentFirms", .number(Double(cut.componentSize))),
                            ("otherFirms", .number(Double(cut.componentSize - cut.cutOff))),
                        ]),
                    remedy: GapRemedy(
                        alt.isEmpty
                            ? Message("gaps.remedy.bridge.link")
                            : Message("gaps.remedy.bridge.supplier", ["firms": Self.firms(alt)]),
                        inPark: alt,
                        suggestedLinks: alt.prefix(1).map { GapSuggestedLink(supplier: $0.id, buyer: link.buyer) })))
        }
        return findings
    }
}
