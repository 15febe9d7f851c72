@_spi(Internals) import ChainModel

extension GapAnalyzer {
    /// Open or in-progress needs of the blocking kinds (finance → 难点, talent and capability
    /// → 卡点) raised by firms that are single points of failure: the supplier of a single
    /// source (firm or stage), or a reported articulation point. Runs after the rules that
    /// mark those firms.
    ///
    /// - Complexity: O(firms + needs).
    func needFindings() -> [GapFinding] {
        var findings: [GapFinding] = []
        // The choke points by id, each only under the id's position in the firm index (the
        // first firm with that id): a need's firm is a choke point exactly when it is found
        // here. A look-up in this small table is a cache hit; in the park's firm index it
        // missed memory a few times per need (0.2 s for a 1M-firm park's needs).
        var chokeFirm: [String: Int] = [:]
        for f in 0..<index.firmCount where chokeRisk[f] >= 0 {
            let id = index.park.firms[f].id
            if index.firmIndex[id].map(Int.init) == f { chokeFirm[id] = f }
        }
        let blocking = options.blockingNeedKinds
        for need in index.park.needs where need.status != .solved && blocking.contains(need.kind) {
            guard let f = chokeFirm[need.firm] else { continue }
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
