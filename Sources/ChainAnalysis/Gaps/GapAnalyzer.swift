@_spi(Internals) import ChainModel

/// Runs the gap rules over one ``ChainIndex``; each rule lives in a `GapAnalyzer+Rule.swift`.
final class GapAnalyzer {
    let index: ChainIndex
    let remedies: GapRemedies
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

    init(park: Park, options: GapOptions, candidates: [Firm]) {
        let index = ChainIndex(park)
        self.index = index
        self.options = options
        remedies = GapRemedies(index: index, candidates: candidates, limit: options.remedyCandidates)
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
    }

    func run() -> [GapFinding] {
        var findings: [GapFinding] = []
        findings += stageFindings()
        findings += supplierFindings()
        findings += cutFindings()
        findings += thinFindings()
        findings += needFindings()
        return findings
    }

    /// Why a firm is a single point of failure.
    enum ChokeReason {
        case singleSource(buyer: Int, key: Int32)
        case stageSource(input: Int, stage: Int)
        case articulation(cutOff: Int)
    }

    func describe(_ reason: ChokeReason) -> String {
        switch reason {
        case .singleSource(let b, let key): "single source of \(index.keyLabel(key)) for \(name(b))"
        case .stageSource(let input, let g): "only supplier of \(stageName(input)) to \(stageName(g))"
        case .articulation(let n): "articulation point separating \(n) firms"
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
            if index.stages(ofFirm: Int(f)).contains(where: { index.chainId(ofStage: Int($0)) == chain }) { return true }
        }
        return false
    }

    /// Chain id and stage id where a firm is shown: its first stage (template order), else the
    /// first chain it leads.
    func home(of f: Int) -> (chain: String?, stage: String?) {
        if let g = index.stages(ofFirm: f).first { return (index.chainId(ofStage: Int(g)), index.stageIds[Int(g)]) }
        return (index.park.firms[f].leads.first, nil)
    }

    func name(_ f: Int) -> String { "\(index.park.firms[f].name) (\(index.park.firms[f].id))" }

    func stageName(_ g: Int) -> String { "\(index.stageNames[g]) (\(index.stageIds[g]))" }

    /// Records `f` as a choke point with `risk` RMB at risk.
    func markChoke(_ f: Int, risk: Double, reason: ChokeReason) {
        if risk > chokeRisk[f] || chokeReason[f] == nil {
            chokeRisk[f] = max(risk, chokeRisk[f])
            chokeReason[f] = reason
        }
    }
}
