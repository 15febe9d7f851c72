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
