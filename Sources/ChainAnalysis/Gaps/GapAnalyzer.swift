import ChainGraph
@_spi(Internals) import ChainModel

/// Runs the gap rules over one ``ChainIndex``; each rule lives in a `GapAnalyzer+Rule.swift`.
final class GapAnalyzer {
    let index: ChainIndex
    /// Who could fill a gap, read only by the rules' findings: built on first use, by a unit
    /// of ``measure()`` alongside the other measurements (0.3 s at a million firms).
    lazy var remedies = GapRemedies(
        index: index, candidates: candidates, limit: options.remedyCandidates, vocabulary: options.vocabulary)
    /// Outside firms that could be attracted (`--candidates`), for ``remedies``.
    let candidates: [Firm]
    let options: GapOptions
    var summaries: [GapReport.ChainSummary] = []
    /// Per firm: output value at risk when it fails, from the choke findings (single source,
    /// stage single source, articulation point); -1 when it is no choke point.
    var chokeRisk: [Double]
    /// Per firm: why it is a choke point (the reason with the most at risk), rendered only
    /// for the firms that raise a blocking need.
    var chokeReason: [ChokeReason?]
    /// In-park firms per stage.
    let stageFirmCount: [Int]
    /// Summed output of the in-park firms per stage.
    let stageOutput: [Double]
    /// Articulation points of the supply layer (in-park firms separating at least
    /// `minFirmsCutOff` firms): firms and output cut off. Computed before the stage rules, which
    /// fold them into concentration findings.
    var articulation: [Int: (firms: Int, output: Double)] = [:]
    /// Top suppliers of reported concentration findings (their cut findings are folded in).
    var concentratedSuppliers: Set<Int> = []
    /// Value of each in-edge, by position in the graph's in-adjacency (`edgeValue[inEdges[i]]`),
    /// filled by ``measure()``: the rules that walk buyers' in-edges read it in order instead
    /// of jumping through the edge-value array once per edge and rule.
    var inValue: [Double] = []

    init(park: Park, options: GapOptions, candidates: [Firm]) {
        let index = ChainIndex(park)
        var trace = PhaseTrace()
        self.index = index
        self.options = options
        self.candidates = candidates
        chokeRisk = [Double](repeating: -1, count: index.firmCount)
        chokeReason = [ChokeReason?](repeating: nil, count: index.firmCount)
        var count = [Int](repeating: 0, count: index.stageIds.count)
        var output = [Double](repeating: 0, count: index.stageIds.count)
        for f in 0..<index.firmCount where index.inPark[f] {
            for g in index.stages(ofFirm: f) {
                count[Int(g)] += 1
                output[Int(g)] += index.output[f]
            }
        }
        stageFirmCount = count
        stageOutput = output
        trace.mark("gaps.stage-totals")
    }

    func run() -> [GapFinding] {
        var findings: [GapFinding] = []
        var trace = PhaseTrace()
        let (cuts, flows, thin) = measure()
        trace.mark("gaps.cuts-flows-thin.concurrent")
        noteArticulation(cuts)
        findings += stageFindings(flows: flows)
        trace.mark("gaps.stage-rules")
        findings += cutFindings(cuts)
        trace.mark("gaps.cut-rules")
        findings += thinFindings(measured: thin)
        trace.mark("gaps.thin-chains")
        findings += needFindings()
        trace.mark("gaps.needs")
        // One finding per chain: a chain that starts after its upstream (short, upstream stages
        // without in-park firm) has little end-to-end in-park flow for that reason; the thin
        // flow is folded into the short finding's facts.
        func startsLate(_ f: GapFinding) -> Bool {
            if f.rule == .shortChain, case .list(let up)? = f.evidence.fact("missingUpstream") { return !up.isEmpty }
            return false
        }
        for i in findings.indices where findings[i].rule == .thinFlow {
            guard let s = findings.firstIndex(where: { startsLate($0) && $0.place.chain == findings[i].place.chain })
            else { continue }
            for key in ["demand", "flow", "flowShare"] {
                if let v = findings[i].evidence.fact(key) {
                    findings[s].evidence.facts.append(("thin" + key.prefix(1).uppercased() + key.dropFirst(), v))
                }
            }
        }
        let short = Set(findings.filter(startsLate).compactMap(\.place.chain))
        findings.removeAll { $0.rule == .thinFlow && short.contains($0.place.chain ?? "") }
        return findings
    }

    /// The rules' heavy measurements, which read only the index and the options: the supply
    /// cuts, the template flows and each chain's thin-flow measurement, run as independent units
    /// on all cores, with two builds the findings need later (``remedies`` and, when a need
    /// will be looked up, the park's firm index). Each unit writes its own slot, so the results
    /// are the same for any number of threads.
    ///
    /// - Complexity: the units' work (O(V + E) each, plus one max-flow per chain) divided
    ///   among the cores.
    func measure() -> (SupplyCuts, TemplateFlows, [ThinMeasure?]) {
        let chains = index.park.chains.count
        var cuts: SupplyCuts?
        var flows: TemplateFlows?
        var thin = [ThinMeasure?](repeating: nil, count: chains)
        let g = index.graph, values = index.edgeValue
        var inValue = [Double](repeating: 0, count: g.edgeCount)
        // In bounds: in-adjacency positions are 0..<edgeCount and each holds an edge id below
        // edgeCount, the count of `values` (one value per edge); chunks write disjoint slots.
        assert(g.inEdges.count == g.edgeCount && values.count == g.edgeCount)
        inValue.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            Parallel.forEachChunk(count: g.edgeCount) { range in
                g.inEdges.withUnsafeBufferPointer { inEdges in
                    values.withUnsafeBufferPointer { values in
                        for i in range { out[i] = values[Int(inEdges[i])] }
                    }
                }
            }
        }
        self.inValue = inValue
        // The blocking-need rule looks needs' firms up by id: the park's firm index is hashed
        // on first use (a million ids, 0.2 s), so hash it here, alongside, when that rule will.
        let needsFirmIndex = index.park.needs.contains {
            $0.status != .solved && options.blockingNeedKinds.contains($0.kind)
        }
        let units = chains + (needsFirmIndex ? 4 : 3)
        // Unit 0: template flows, 1...chains: chain u - 1, chains + 1: supply cuts, chains + 2:
        // the remedies, then the firm index (long units first).
        // In bounds: unit u in 1...chains writes only thin slot u - 1 (< chains); units 0 and
        // chains + 1 write their own variables, chains + 2 the lazy remedies; the firm index
        // guards its own build.
        thin.withUnsafeMutableBufferPointer { slots in
            Parallel.forEachUnit(units: units, workers: Parallel.workers(requested: nil, units: units)) { u in
                var unitTrace = PhaseTrace()
                if u == 0 {
                    flows = templateFlows()
                    unitTrace.mark("gaps.unit.template-flows")
                } else if u <= chains {
                    slots[u - 1] = thinMeasure(chain: u - 1)
                    unitTrace.mark("gaps.unit.thin-chain")
                } else if u == chains + 1 {
                    cuts = measureSupplyCuts()
                    unitTrace.mark("gaps.unit.supply-cuts")
                } else if u == chains + 2 {
                    _ = remedies  // no other unit reads it
                    unitTrace.mark("gaps.unit.remedies")
                } else {
                    _ = index.firmIndex.index.count
                    unitTrace.mark("gaps.unit.firm-index")
                }
            }
        }
        // Both units ran (forEachUnit returns after all units).
        return (cuts ?? measureSupplyCuts(), flows ?? templateFlows(), thin)
    }

    /// Why a firm is a single point of failure.
    enum ChokeReason {
        case stageSource(input: Int, stage: Int)
        case articulation(cutOff: Int)
    }

    /// The reason as a message (`gaps.choke.*`).
    func describe(_ reason: ChokeReason) -> Message {
        switch reason {
        case .stageSource(let i, let g):
            Message("gaps.choke.stage-source", ["inputStage": stageName(i), "stage": stageName(g)])
        case .articulation(let n): Message("gaps.choke.articulation-point", ["firms": .integer(n)])
        }
    }

    /// The reason as a stable key for the evidence facts.
    func key(_ reason: ChokeReason) -> String {
        switch reason {
        case .stageSource: GapRule.concentration.rawValue
        case .articulation: GapRule.articulationPoint.rawValue
        }
    }

    /// Whether a finding concerns `chain`: its place names the chain, or its firm or link
    /// endpoints sit in one of the chain's stages.
    func concerns(_ finding: GapFinding, chain: String) -> Bool {
        if finding.place.chain == chain { return true }
        var firms: [String] = []
        if let f = finding.place.firm { firms.append(f) }
        if let l = finding.place.link { firms += [l.supplier, l.buyer] }
        for id in firms {
            guard let f = index.firmIndex[id] else { continue }
            if index.stages(ofFirm: Int(f)).contains(where: { index.chainId(ofStage: Int($0)) == chain }) {
                return true
            }
        }
        return false
    }

    /// Chain id and stage id where a firm is shown: its first stage (template order), else the
    /// first chain it leads.
    func home(of f: Int) -> (chain: String?, stage: String?) {
        if let g = index.stages(ofFirm: f).first { return (index.chainId(ofStage: Int(g)), index.stageIds[Int(g)]) }
        return (index.park.firms[f].leads.first, nil)
    }

    /// A firm in a sentence: its name and id (`gaps.firm`).
    func name(_ f: Int) -> Message.Argument { Self.firm(index.firmRef(f)) }

    /// A stage in a sentence: its name and id (`gaps.stage`).
    func stageName(_ g: Int) -> Message.Argument {
        .message(Message("gaps.stage", ["name": .text(index.stageNames[g]), "id": .text(index.stageIds[g])]))
    }

    /// Stages in a sentence, at most five named.
    func stageNames(_ list: [Int]) -> Message.Argument { .list(list.map(stageName)) }

    static func firm(_ f: GapFirmRef) -> Message.Argument {
        .message(Message("gaps.firm", ["name": .text(f.name), "id": .text(f.id)]))
    }

    /// Firms in a sentence, at most five named.
    static func firms(_ list: [GapFirmRef]) -> Message.Argument { .list(list.map(firm)) }

    /// What a buyer gets over an edge with input key `k`: the product, else the supplier's
    /// stage, else "unspecified".
    func input(_ k: Int32) -> Message.Argument {
        if k >= 0 { return .text(index.productNames[Int(k)]) }
        if let g = index.keyStage(k) { return stageName(g) }
        return .message(Message("gaps.input.unspecified"))
    }

    /// The input key as a fact: the product, the stage id, or empty.
    func inputFact(_ k: Int32) -> String {
        if k >= 0 { return index.productNames[Int(k)] }
        if let g = index.keyStage(k) { return index.stageIds[g] }
        return ""
    }

    /// The clause naming the best outside candidate (`{candidate}` of the remedies), or
    /// nothing.
    static func candidate(_ list: [GapFirmRef], _ id: String = "gaps.remedy.candidate") -> Message.Argument {
        .message(list.first.map { Message(id, ["firm": firm($0)]) } ?? Message("gaps.empty"))
    }

    /// An optional clause: `message` when `present`, else nothing.
    static func clause(_ present: Bool, _ message: @autoclosure () -> Message) -> Message.Argument {
        .message(present ? message() : Message("gaps.empty"))
    }

    /// Records `f` as a choke point with `risk` RMB at risk.
    func markChoke(_ f: Int, risk: Double, reason: ChokeReason) {
        if risk > chokeRisk[f] || chokeReason[f] == nil {
            chokeRisk[f] = max(risk, chokeRisk[f])
            chokeReason[f] = reason
        }
    }
}
