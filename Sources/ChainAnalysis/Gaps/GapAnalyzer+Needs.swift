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
            let kind = Message.Argument.message(Message("needKind." + need.kind.rawValue))
            let term =
                need.kind == .finance
                ? Message("gaps.needTerm.difficulty") : Message("gaps.needTerm.choke", ["kind": kind])
            let what: Message.Argument =
                need.text.map { .text($0) } ?? (need.tags.isEmpty ? kind : .list(need.tags.map { .text($0) }))
            let reason = chokeReason[f].map(describe) ?? Message("gaps.choke.unknown")
            let text = Message(
                "gaps.evidence.blocking-need",
                [
                    "firm": name(f), "reason": .message(reason),
                    "status": .message(Message("needStatus." + need.status.rawValue)),
                    "kind": kind, "what": what,
                ])
            let home = home(of: f)
            let remedy =
                need.responder.map {
                    Message(
                        "gaps.remedy.blocking-need.responder",
                        ["term": .message(term), "responder": .text($0), "need": .text(need.id)])
                } ?? Message("gaps.remedy.blocking-need.route", ["term": .message(term), "need": .text(need.id)])
            findings.append(
                GapFinding(
                    rule: .blockingNeed,
                    severity: GapSeverity(value: risk, unit: .rmb, level: .warning, atRisk: risk),
                    place: GapPlace(chain: home.chain, stage: home.stage, firm: index.park.firms[f].id),
                    evidence: GapEvidence(
                        text,
                        facts: [
                            ("need", .text(need.id)), ("needKind", .text(need.kind.rawValue)),
                            ("status", .text(need.status.rawValue)),
                            ("firm", .text(need.firm)), ("chokeReason", .text(chokeReason[f].map(key) ?? "")),
                            ("atRisk", .number(risk)),
                            ("responder", .text(need.responder ?? "")),
                            (
                                "chokeFirmsCutOff",
                                .number(
                                    Double(
                                        chokeReason[f].flatMap { if case .articulation(let n) = $0 { n } else { nil } }
                                            ?? 0))
                            ),
                        ]),
                    remedy: GapRemedy(remedy)))
        }
        return findings
    }
}
