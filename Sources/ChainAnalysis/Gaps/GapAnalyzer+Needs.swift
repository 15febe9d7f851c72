@_spi(Internals) import ChainModel

extension GapAnalyzer {
    /// Open or in-progress needs of the blocking kinds (finance → 难点, talent and capability
    /// → 卡点) raised by firms that are single points of failure: the supplier of a single
    /// source (firm or stage), or a reported articulation point. Runs after the rules that
    /// mark those firms.
    ///
    /// - Complexity: O(needs).
    func needFindings() -> [GapFinding] {
        var findings: [GapFinding] = []
        for need in index.park.needs where need.status != .solved && options.blockingNeedKinds.contains(need.kind) {
            guard let f = index.firmIndex[need.firm].map(Int.init), chokeRisk[f] >= 0 else { continue }
            let risk = chokeRisk[f]
            let term = need.kind == .finance ? "难点 (capital difficulty)" : "卡点 (\(need.kind.rawValue) choke point)"
            let what = need.text ?? (need.tags.isEmpty ? need.kind.rawValue : need.tags.joined(separator: ", "))
            let text = "\(name(f)) is the \(chokeReason[f].map(describe) ?? "single point of failure") and has an \(need.status.rawValue) \(need.kind.rawValue) need: \(what)"
            let home = home(of: f)
            let remedy: String
            if let r = need.responder {
                remedy = "\(term): press the responder \(r) to solve need \(need.id) first; the chain depends on this firm"
            } else {
                remedy = "\(term): no responder — route need \(need.id) to an agency (企业吹哨、部门响应)"
            }
            findings.append(GapFinding(
                rule: .blockingNeed,
                severity: GapSeverity(value: risk, unit: .rmb, level: .warning, atRisk: risk),
                place: GapPlace(chain: home.chain, stage: home.stage, firm: index.park.firms[f].id),
                evidence: GapEvidence(text: text, facts: [
                    ("need", .text(need.id)), ("needKind", .text(need.kind.rawValue)), ("status", .text(need.status.rawValue)),
                    ("firm", .text(need.firm)), ("chokeReason", .text(chokeReason[f].map(describe) ?? "")), ("atRisk", .number(risk)),
                    ("responder", .text(need.responder ?? "")),
                ]),
                remedy: GapRemedy(text: remedy)))
        }
        return findings
    }
}
