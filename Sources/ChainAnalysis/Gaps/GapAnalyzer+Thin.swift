import ChainGraph
import ChainModel

extension GapAnalyzer {
    /// The thin rule's measurements of one chain (``thinMeasure(chain:)``), before they are
    /// written into the chain summary and turned into a finding.
    struct ThinMeasure: Sendable {
        /// Demand of the end-product firms.
        var demand: Double
        /// Flow (capped at the demand); nil when the demand is not positive.
        var flow: Double?
        /// Set when the chain is thin: what the finding reports.
        var thin: ThinDetail?
    }

    /// What a thin chain's finding reports: the chain's source and sink stages, the minimum
    /// cut (local edge numbers, with the network's capacities and the park edge of each local
    /// edge), and the input stage whose supply comes least from the local network.
    struct ThinDetail: Sendable {
        var sourceStages: [Int]
        var sinkStages: [Int]
        var cut: [Int]
        var capacities: [Double]
        var edgeOfLocal: [Int32]
        var hasSources: Bool
        var unmet: (key: Int, value: Double)?
    }

    /// Thin chains: per chain, the maximum flow from the in-park firms of its source stages
    /// (no inputs) to those of its end-product stages, compared with the end products' demand.
    ///
    /// The network is the chain's in-park firms and the active links between them that follow
    /// a template edge. Capacities are in *end-product demand* units, so that value added along
    /// the chain does not make every upstream stage look thin: a firm's need `in(v)` is its
    /// active input value along the chain's template edges (outside suppliers included); an
    /// end-product firm passes on its own need, `T(v) = in(v)`; any other firm `u` passes on
    /// `T(u) = Σ value(u→w) / in(w) · T(w)` over its buyers w; a link u→v then carries at most
    /// `value(u→v) · T(v) / in(v)`. With complete local data the flow equals the demand; inputs
    /// from outside, missing links or firms without recorded inputs lower it, and the minimum
    /// cut names the local links that bound it. Links into source-stage firms are left out (they
    /// need no supply; this opens recycling loops such as cell → recycling → precursor); a cycle
    /// left through firms in several stages is broken at its lowest-numbered firm.
    ///
    /// Each chain is measured by ``thinMeasure(chain:)`` (concurrently, in ``measure()``);
    /// this writes the measurements into the chain summaries and makes the findings, in chain
    /// order.
    ///
    /// - Complexity: O(chains · summaries), plus the findings' cut links; measuring is O(V + E)
    ///   per chain to build, plus Dinic's max-flow on the chain's firm graph (few phases: the
    ///   network is layered by stage).
    func thinFindings(measured: [ThinMeasure?]) -> [GapFinding] {
        var findings: [GapFinding] = []
        for (c, chain) in index.park.chains.enumerated() {
            guard c < measured.count, let m = measured[c] else { continue }
            guard let si = summaries.firstIndex(where: { $0.chain == chain.id }) else { continue }
            summaries[si].demand = m.demand
            guard let flow = m.flow else { continue }
            summaries[si].flow = flow
            guard let d = m.thin else { continue }
            findings.append(
                thinFinding(
                    chain: c, demand: m.demand, flow: flow, sourceStages: d.sourceStages, sinkStages: d.sinkStages,
                    cut: d.cut, capacities: d.capacities, edgeOfLocal: d.edgeOfLocal, hasSources: d.hasSources,
                    unmet: d.unmet))
        }
        return findings
    }

    /// The thin rule's measurement of chain `c` (see ``thinFindings(measured:)``): reads only
    /// the index and the options, so chains can be measured concurrently. Nil when the chain
    /// has no stages.
    ///
    /// - Complexity: O(firms + chain links), plus Dinic's max-flow on the chain's firm graph.
    func thinMeasure(chain c: Int) -> ThinMeasure? {
        let n = index.firmCount
        do {
            let range = Int(index.chainStageStart[c])..<Int(index.chainStageStart[c + 1])
            if range.isEmpty { return nil }
            var isInput = [Bool](repeating: false, count: range.count)
            var isRequiredInput = [Bool](repeating: false, count: range.count)
            for g in range {
                for i in index.inputs(ofStage: g) where range.contains(Int(i)) {
                    isInput[Int(i) - range.lowerBound] = true
                    if index.stageRequired[g] { isRequiredInput[Int(i) - range.lowerBound] = true }
                }
            }
            let sourceStages = range.filter { index.inputs(ofStage: $0).isEmpty }
            var sinkStages = range.filter { index.stageRequired[$0] && !isRequiredInput[$0 - range.lowerBound] }
            if sinkStages.isEmpty { sinkStages = range.filter { !isInput[$0 - range.lowerBound] } }
            let sinkSet = Set(sinkStages), sourceSet = Set(sourceStages)

            // Chain firms (in park), numbered locally.
            var local = [Int32](repeating: -1, count: n)
            var firms: [Int32] = []
            for f in 0..<n where index.inPark[f] && index.stages(ofFirm: f).contains(where: { range.contains(Int($0)) })
            {
                local[f] = Int32(firms.count)
                firms.append(Int32(f))
            }
            let m = firms.count
            var isSource = [Bool](repeating: false, count: m)
            var isSink = [Bool](repeating: false, count: m)
            for (i, f) in firms.enumerated() {
                let st = index.stages(ofFirm: Int(f))
                isSource[i] = st.contains { sourceSet.contains(Int($0)) }
                isSink[i] = !isSource[i] && st.contains { sinkSet.contains(Int($0)) }
            }
            // Needs and the local chain edges.
            var need = [Double](repeating: 0, count: m)
            var edges: [(u: Int32, v: Int32, e: Int32, value: Double)] = []
            // Inputs not carried by the local network: (template edge, buyer, value).
            var unmetInputs: [(q: Int, v: Int, value: Double)] = []
            let g = index.graph
            let inValue = self.inValue
            index.withTemplateWalker { walker in
                for (i, f) in firms.enumerated() {
                    let b = Int(f)
                    for j in g.inEdgeRange(of: f) {
                        let s = Int(g.inSources[j]), e = Int(g.inEdges[j])
                        var follows = -1
                        walker.forEach(s, b) { q in
                            if follows < 0 && range.contains(Int(index.stageInputValues[q])) { follows = q }
                        }
                        guard follows >= 0 else { continue }
                        let value = inValue.isEmpty ? index.edgeValue[e] : inValue[j]
                        need[i] += value
                        if isSource[i] { continue }  // sources need no supply; this also opens recycling loops
                        if local[s] >= 0 && local[s] != Int32(i) {
                            edges.append((local[s], Int32(i), Int32(e), value))
                        } else {
                            unmetInputs.append((follows, i, value))
                        }
                    }
                }
            }
            var demand = 0.0
            for i in 0..<m where isSink[i] { demand += need[i] }
            guard demand > 0 else { return ThinMeasure(demand: demand) }

            // Throughput T in demand units, in reverse topological order (Kahn).
            var outOff = [Int](repeating: 0, count: m + 1)
            for ed in edges { outOff[Int(ed.u) + 1] += 1 }
            for i in 0..<m { outOff[i + 1] += outOff[i] }
            var fill = outOff
            var outE = [Int](repeating: 0, count: edges.count)
            var indeg = [Int](repeating: 0, count: m)
            for (k, ed) in edges.enumerated() {
                outE[fill[Int(ed.u)]] = k
                fill[Int(ed.u)] += 1
                indeg[Int(ed.v)] += 1
            }
            var topo: [Int] = []
            topo.reserveCapacity(m)
            for i in 0..<m where indeg[i] == 0 { topo.append(i) }
            var head = 0
            var forced = 0
            var placed = [Bool](repeating: false, count: m)
            for u in topo { placed[u] = true }
            while topo.count < m {
                while head < topo.count {
                    let u = topo[head]
                    head += 1
                    for k in outOff[u]..<outOff[u + 1] {
                        let v = Int(edges[outE[k]].v)
                        indeg[v] -= 1
                        if indeg[v] == 0 && !placed[v] { placed[v] = true; topo.append(v) }
                    }
                }
                // A supply cycle (through firms in several stages): break it at the lowest
                // unplaced firm; its links from the cycle then carry nothing.
                while forced < m && placed[forced] { forced += 1 }
                if forced < m { placed[forced] = true; topo.append(forced) }
            }
            var through = [Double](repeating: 0, count: m)
            for u in topo.reversed() {
                var t = isSink[u] ? need[u] : 0
                for k in outOff[u]..<outOff[u + 1] {
                    let ed = edges[outE[k]]
                    let v = Int(ed.v)
                    if need[v] > 0 { t += ed.value / need[v] * through[v] }
                }
                through[u] = t
            }
            var capacitated: [(u: Int32, v: Int32, capacity: Double, tag: Int32)] = []
            capacitated.reserveCapacity(edges.count)
            for ed in edges {
                let v = Int(ed.v)
                let cap = need[v] > 0 ? ed.value * through[v] / need[v] : 0
                capacitated.append((ed.u, ed.v, cap.isFinite ? cap : 0, ed.e))
            }
            edges = []
            let sources = (0..<m).filter { isSource[$0] }.map(Int32.init)
            let sinks = (0..<m).filter { isSink[$0] }.map(Int32.init)
            var flow = 0.0
            var cut: [Int] = []
            var capacities: [Double] = []
            var edgeOfLocal: [Int32] = []
            // Local edge ids as a graph built from the edges would number them (by tail, in
            // order of addition): the cut, capacities and park edges are by local edge id.
            let network = ThinFlowNetwork(nodeCount: m, edges: capacitated)
            capacitated = []
            if let result = network.maxFlow(sources: sources, sinks: sinks) {
                flow = min(result.value, demand)
                cut = result.cutEdges
                capacities = network.capacities
                edgeOfLocal = network.tags
            }
            guard flow < options.thinRatio * demand else { return ThinMeasure(demand: demand, flow: flow) }
            // The input stage whose supply, in demand units, comes least from the local network.
            var unmet: [Int: Double] = [:]
            for u in unmetInputs where need[u.v] > 0 {
                unmet[Int(index.stageInputValues[u.q]), default: 0] += u.value * through[u.v] / need[u.v]
            }
            let weakest = unmet.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
            return ThinMeasure(
                demand: demand, flow: flow,
                thin: ThinDetail(
                    sourceStages: sourceStages, sinkStages: sinkStages, cut: cut, capacities: capacities,
                    edgeOfLocal: edgeOfLocal, hasSources: !sources.isEmpty, unmet: weakest))
        }
    }

    private func thinFinding(
        chain c: Int, demand: Double, flow: Double, sourceStages: [Int], sinkStages: [Int],
        cut: [Int], capacities: [Double], edgeOfLocal: [Int32], hasSources: Bool,
        unmet: (key: Int, value: Double)?
    ) -> GapFinding {
        let chain = index.park.chains[c]
        let ratio = demand > 0 ? flow / demand : 0
        // Cut links, largest capacity first, then edge id.
        let ordered = cut.sorted { capacities[$0] != capacities[$1] ? capacities[$0] > capacities[$1] : $0 < $1 }
        let shown = ordered.prefix(max(0, options.cutLinksShown)).compactMap { k -> GapLinkRef? in
            k < edgeOfLocal.count && edgeOfLocal[k] >= 0 ? index.linkRef(edge: Int(edgeOfLocal[k])) : nil
        }
        // The input stage to thicken: the one whose supply the local network carries least
        // (most demand units from outside or unlinked), else the first source stage.
        let thickest = unmet?.key ?? sourceStages.first
        var unmetClause = Message("gaps.empty")
        if let unmet, let t = thickest, unmet.key == t {
            unmetClause = Message(
                "gaps.evidence.thin-flow.unmet", ["value": .money(unmet.value), "stage": stageName(t)])
        }
        let text = Message(
            "gaps.evidence.thin-flow",
            [
                "chain": .message(Message("gaps.chain", ["name": .text(chain.name), "id": .text(chain.id)])),
                "flow": .money(flow), "demand": .money(demand), "share": .percent(ratio),
                "sources": stageNames(sourceStages), "sinks": stageNames(sinkStages),
                "noSources": Self.clause(!hasSources, Message("gaps.evidence.thin-flow.noSources")),
                "unmet": .message(unmetClause),
                "cut": Self.clause(
                    !shown.isEmpty,
                    Message(
                        "gaps.evidence.thin-flow.cut",
                        [
                            "links": .integer(cut.count),
                            "largest": .list(
                                shown.map {
                                    .message(
                                        Message(
                                            "gaps.link", ["supplier": .text($0.supplier), "buyer": .text($0.buyer)]))
                                }),
                        ])),
            ])
        let inPark = thickest.map { remedies.suppliers(product: nil, stage: $0, excluding: []) } ?? []
        let cands = thickest.map { remedies.outside(stage: index.stageIds[$0], product: nil) } ?? []
        let remedy = Message(
            "gaps.remedy.thin-flow",
            [
                "thicken": .message(
                    thickest.map { Message("gaps.remedy.thin-flow.stage", ["stage": stageName($0)]) }
                        ?? Message("gaps.empty")),
                "candidate": Self.candidate(cands),
            ])
        return GapFinding(
            rule: .thinFlow,
            severity: GapSeverity(value: 1 - ratio, unit: .share, level: .warning, atRisk: demand - flow),
            place: GapPlace(chain: chain.id),
            evidence: GapEvidence(
                text,
                facts: [
                    ("demand", .number(demand)), ("flow", .number(flow)), ("flowShare", .number(ratio)),
                    ("sourceStages", .list(sourceStages.map { index.stageIds[$0] })),
                    ("weakestInputStage", .text(thickest.map { index.stageIds[$0] } ?? "")),
                    ("weakestInputUnmet", .number(unmet.flatMap { u in thickest == u.key ? u.value : nil } ?? 0)),
                    ("sinkStages", .list(sinkStages.map { index.stageIds[$0] })),
                    ("cutLinks", .number(Double(cut.count))),
                    ("cutLinksShown", .list(shown.map { "\($0.supplier)->\($0.buyer)" })),
                ], links: shown),
            remedy: GapRemedy(
                remedy, attractStage: thickest.map { index.stageIds[$0] }, inPark: inPark, candidates: cands))
    }
}
