import ChainModel

/// JSON output of matchmaking: fixed key order, scores rounded to 4 decimals, so the same
/// park and options give the same bytes.
enum MatchJSON {
    static func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

    static func suggestion(_ w: inout JSONWriter, _ s: MatchSuggestion, withFirm: Bool = false) {
        if withFirm { w.key("firm"); w.string(s.firm) }
        w.key("direction"); w.string(s.direction.rawValue)
        w.key("candidate"); w.string(s.candidate)
        w.key("candidateName"); w.string(s.candidateName)
        w.key("candidateIsFirm"); w.bool(s.candidateIsFirm)
        if let need = s.need { w.key("need"); w.string(need) }
        w.key("offer"); w.string(s.offer)
        w.key("wanted"); w.string(s.wanted)
        w.key("score"); w.number(round4(s.score.total))
        w.key("parts"); w.beginObject()
        w.key("fit"); w.number(round4(s.score.fit))
        if let t = s.score.template { w.key("template"); w.number(round4(t)) }
        w.key("proximity"); w.number(round4(s.score.proximity))
        w.key("locality"); w.number(round4(s.score.locality))
        w.key("capacity"); w.number(round4(s.score.capacity))
        w.key("leader"); w.number(round4(s.score.leader))
        if let r = s.score.record { w.key("record"); w.number(round4(r)) }
        w.endObject()
        w.key("channels"); w.inlineStrings(s.channels)
        w.key("explanation"); w.string(s.explanation)
    }

    static func weights(_ w: inout JSONWriter, _ m: MatchWeights) {
        w.key("weights"); w.beginObject()
        w.key("fit"); w.number(m.fit)
        w.key("template"); w.number(m.template)
        w.key("proximity"); w.number(m.proximity)
        w.key("locality"); w.number(m.locality)
        w.key("capacity"); w.number(m.capacity)
        w.key("leader"); w.number(m.leader)
        w.key("record"); w.number(m.record)
        w.endObject()
    }
}

extension FirmMatches {
    /// The suggestions as JSON (see `docs/MATCHING.md`).
    /// - Complexity: O(size of the result).
    public func json(options: MatchOptions) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("firm"); w.string(firm)
        w.key("name"); w.string(firmName)
        MatchJSON.weights(&w, options.weights)
        w.key("suggestions"); w.beginArray()
        for s in suggestions {
            w.element(); w.beginObject(); MatchJSON.suggestion(&w, s); w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}

extension MatchAgenda {
    /// The agenda as JSON: totals, then the meetings.
    /// - Complexity: O(meetings).
    public func json(options: MatchAgendaOptions) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("perFirm"); w.int(perFirm)
        w.key("candidatesPerFirm"); w.int(options.candidatesPerFirm)
        MatchJSON.weights(&w, options.match.weights)
        w.key("candidatePairs"); w.int(candidatePairs)
        w.key("meetings"); w.int(meetings.count)
        w.key("total"); w.number(MatchJSON.round4(total))
        w.key("upperBound"); w.number(MatchJSON.round4(upperBound))
        w.key("greedyTotal"); w.number(MatchJSON.round4(greedyTotal))
        w.key("greedyMeetings"); w.int(greedyMeetings)
        w.key("agenda"); w.beginArray()
        for m in meetings {
            w.element(); w.beginObject()
            w.key("requester"); w.string(m.requester)
            w.key("requesterName"); w.string(m.requesterName)
            w.key("offerer"); w.string(m.offerer)
            w.key("offererName"); w.string(m.offererName)
            MatchJSON.suggestion(&w, m.suggestion)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}

extension MatchEvaluation {
    /// The benchmark as JSON.
    public func json() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("hide"); w.number(options.hide)
        w.key("seed"); w.string(String(options.seed))
        w.key("k"); w.int(options.k)
        w.key("depth"); w.int(options.depth)
        w.key("activeLinks"); w.int(activeLinks)
        w.key("hiddenLinks"); w.int(hiddenLinks)
        w.key("rows"); w.beginArray()
        for r in rows {
            w.element(); w.beginObject()
            w.key("direction"); w.string(r.direction.rawValue)
            w.key("method"); w.string(r.method)
            w.key("queries"); w.int(r.queries)
            w.key("precisionAtK"); w.number(MatchJSON.round4(r.precision))
            w.key("recallAtK"); w.number(MatchJSON.round4(r.recall))
            w.key("mrr"); w.number(MatchJSON.round4(r.mrr))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
