import ChainModel

extension GapReport {
    /// The report as JSON: fixed key order, findings in rank order, so the same park and
    /// options give the same bytes. `limit` > 0 keeps the first `limit` findings (and adds
    /// `findingsTotal`).
    ///
    /// - Complexity: O(size of the report).
    public func json(limit: Int = 0) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("park"); w.string(parkId)
        w.key("name"); w.string(parkName)
        w.key("options"); w.beginObject()
        if let chain = options.chain { w.key("chain"); w.string(chain) }
        w.key("singleSourceShare"); w.number(options.singleSourceShare)
        w.key("outsideShare"); w.number(options.outsideShare)
        w.key("thinRatio"); w.number(options.thinRatio)
        w.key("minFirmsCutOff"); w.int(options.minFirmsCutOff)
        w.key("blockingNeedKinds"); w.inlineStrings(NeedKind.allCases.filter { options.blockingNeedKinds.contains($0) }.map(\.rawValue))
        w.endObject()
        w.key("chains"); w.beginArray()
        for c in chains {
            w.element(); w.beginObject()
            w.key("chain"); w.string(c.chain); w.key("name"); w.string(c.name)
            w.key("stages"); w.int(c.stages); w.key("coveredStages"); w.int(c.coveredStages)
            w.key("firms"); w.int(c.firms); w.key("demand"); w.number(c.demand)
            if let flow = c.flow { w.key("flow"); w.number(flow) }
            w.endObject()
        }
        w.endArray()
        w.key("counts"); w.beginObject()
        for kind in GapKind.allCases { w.key(kind.rawValue); w.int(findings.lazy.filter { $0.kind == kind }.count) }
        w.endObject()
        let shown = limit > 0 ? findings.prefix(limit) : findings[...]
        w.key("findings"); w.beginArray()
        for (i, f) in shown.enumerated() {
            w.element()
            Self.write(f, rank: i + 1, &w)
        }
        w.endArray()
        if limit > 0, findings.count > limit { w.key("findingsTotal"); w.int(findings.count) }
        w.endObject()
        return w.finish()
    }

    static func write(_ f: GapFinding, rank: Int, _ w: inout JSONWriter) {
        func link(_ l: GapLinkRef) {
            w.beginObject()
            w.key("index"); w.int(l.index)
            if let id = l.id { w.key("id"); w.string(id) }
            w.key("supplier"); w.string(l.supplier); w.key("buyer"); w.string(l.buyer)
            if let p = l.product { w.key("product"); w.string(p) }
            if let v = l.value { w.key("value"); w.number(v) }
            w.endObject()
        }
        func firms(_ key: String, _ list: [GapFirmRef]) {
            w.key(key); w.beginArray()
            for x in list { w.element(); w.beginObject(); w.key("id"); w.string(x.id); w.key("name"); w.string(x.name); w.endObject() }
            w.endArray()
        }
        w.beginObject()
        w.key("rank"); w.int(rank)
        w.key("kind"); w.string(f.kind.rawValue)
        w.key("term"); w.string(f.kind.term)
        w.key("rule"); w.string(f.rule.rawValue)
        w.key("severity"); w.beginObject()
        w.key("value"); w.number(f.severity.value); w.key("unit"); w.string(f.severity.unit.rawValue)
        w.key("level"); w.string(f.severity.level.rawValue); w.key("atRisk"); w.number(f.severity.atRisk)
        w.endObject()
        w.key("place"); w.beginObject()
        w.key("id"); w.string(f.place.id)
        if let v = f.place.chain { w.key("chain"); w.string(v) }
        if let v = f.place.stage { w.key("stage"); w.string(v) }
        if let v = f.place.inputStage { w.key("inputStage"); w.string(v) }
        if let v = f.place.firm { w.key("firm"); w.string(v) }
        if let l = f.place.link { w.key("link"); link(l) }
        w.endObject()
        w.key("evidence"); w.beginObject()
        w.key("text"); w.string(f.evidence.text)
        w.key("facts"); w.beginObject()
        for fact in f.evidence.facts {
            w.key(fact.key)
            switch fact.value {
            case .number(let d): w.number(d)
            case .text(let s): w.string(s)
            case .list(let l): w.inlineStrings(l)
            }
        }
        w.endObject()
        if !f.evidence.links.isEmpty {
            w.key("links"); w.beginArray()
            for l in f.evidence.links { w.element(); link(l) }
            w.endArray()
        }
        w.endObject()
        w.key("remedy"); w.beginObject()
        w.key("text"); w.string(f.remedy.text)
        if let s = f.remedy.attractStage { w.key("attractStage"); w.string(s) }
        firms("inPark", f.remedy.inPark)
        firms("candidates", f.remedy.candidates)
        if !f.remedy.suggestedLinks.isEmpty {
            w.key("suggestedLinks"); w.beginArray()
            for l in f.remedy.suggestedLinks {
                w.element(); w.beginObject(); w.key("supplier"); w.string(l.supplier); w.key("buyer"); w.string(l.buyer); w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.endObject()
    }
}

extension WhatIfReport {
    /// The scenario as JSON, fixed key order. `limit` > 0 cuts the lists of cut and weakened
    /// firms (totals stay complete).
    ///
    /// - Complexity: O(size of the report).
    public func json(limit: Int = 0) -> [UInt8] {
        var w = JSONWriter()
        func firms(_ key: String, _ list: [GapFirmRef]) {
            w.key(key); w.beginArray()
            for x in limit > 0 ? list.prefix(limit) : list[...] {
                w.element(); w.beginObject(); w.key("id"); w.string(x.id); w.key("name"); w.string(x.name); w.endObject()
            }
            w.endArray()
        }
        w.beginObject()
        w.key("park"); w.string(parkId)
        w.key("name"); w.string(parkName)
        firms("removed", removed)
        if !unknown.isEmpty { w.key("unknown"); w.inlineStrings(unknown) }
        w.key("outputAtRisk"); w.number(outputAtRisk)
        w.key("removedOutput"); w.number(removedOutput)
        w.key("cutOutput"); w.number(cutOutput)
        w.key("lostLinks"); w.int(lostLinks)
        w.key("lostLinkValue"); w.number(lostLinkValue)
        w.key("brokenStages"); w.inlineStrings(brokenStages)
        w.key("cutTotal"); w.int(cut.count)
        w.key("cut"); w.beginArray()
        for c in limit > 0 ? cut.prefix(limit) : cut[...] {
            w.element(); w.beginObject()
            w.key("id"); w.string(c.firm.id); w.key("name"); w.string(c.firm.name)
            w.key("round"); w.int(c.round); w.key("input"); w.string(c.input)
            w.key("lostSuppliers"); w.inlineStrings(c.lostSuppliers)
            if let o = c.output { w.key("output"); w.number(o) }
            w.key("inPark"); w.bool(c.inPark)
            w.endObject()
        }
        w.endArray()
        w.key("weakenedTotal"); w.int(weakened.count)
        firms("weakened", weakened)
        w.key("stages"); w.beginArray()
        for s in stages {
            w.element(); w.beginObject()
            w.key("chain"); w.string(s.chain); w.key("stage"); w.string(s.stage); w.key("name"); w.string(s.name)
            w.key("required"); w.bool(s.required)
            w.key("firmsBefore"); w.int(s.firmsBefore); w.key("firmsAfter"); w.int(s.firmsAfter)
            w.key("outputBefore"); w.number(s.outputBefore); w.key("outputAfter"); w.number(s.outputAfter)
            w.key("broken"); w.bool(s.broken)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
