import ChainModel

extension OrganizationReport {
    /// The report as JSON: fixed key order, lists in report order, so the same park and
    /// options give the same bytes. `limit` > 0 cuts each list to its first `limit` entries
    /// (counts stay complete).
    ///
    /// - Complexity: O(size of the report).
    public func json(limit: Int = 0) -> [UInt8] {
        var w = JSONWriter()
        func cut<T>(_ list: [T]) -> ArraySlice<T> { limit > 0 ? list.prefix(limit) : list[...] }
        func opt(_ key: String, _ value: String?) { if let value { w.key(key); w.string(value) } }
        func optNumber(_ key: String, _ value: Double?) { if let value { w.key(key); w.number(value) } }
        func firm(_ key: String, _ f: FirmRef) {
            w.key(key); w.beginObject(); w.key("id"); w.string(f.id); w.key("name"); w.string(f.name); w.endObject()
        }
        func firms(_ key: String, _ list: [FirmRef]) {
            w.key(key); w.beginArray()
            for f in list { w.element(); w.beginObject(); w.key("id"); w.string(f.id); w.key("name"); w.string(f.name); w.endObject() }
            w.endArray()
        }
        func array<T>(_ key: String, _ list: [T], _ body: (T) -> Void) {
            w.key(key); w.beginArray()
            for item in cut(list) { w.element(); w.beginObject(); body(item); w.endObject() }
            w.endArray()
            if limit > 0, list.count > limit { w.key(key + "Total"); w.int(list.count) }
        }
        func needRow(_ r: NeedRow) {
            w.key("key"); w.string(r.key); w.key("name"); w.string(r.name)
            w.key("open"); w.int(r.open); w.key("inProgress"); w.int(r.inProgress); w.key("solved"); w.int(r.solved)
            w.key("total"); w.int(r.total); optNumber("solvedPercent", r.solvedPercent)
        }

        w.beginObject()
        w.key("park"); w.string(parkId)
        w.key("name"); w.string(parkName)
        w.key("options"); w.beginObject()
        w.key("denominator"); w.string(options.denominator.rawValue)
        w.key("threshold"); w.int(options.effectiveThreshold)
        w.key("suggestJoint"); w.bool(options.suggestJoint)
        w.key("maxGroupFirms"); w.int(options.effectiveMaxGroupFirms)
        w.key("strongLinks"); w.int(max(0, options.strongLinks))
        w.key("oneToMany"); w.int(max(1, options.oneToMany))
        w.endObject()

        w.key("coverage"); w.beginArray()
        for r in coverage {
            w.element(); w.beginObject()
            w.key("scope"); w.string(r.scope.rawValue)
            opt("chain", r.chain); opt("stage", r.stage)
            opt("name", r.stageName ?? r.chainName)
            w.key("firms"); w.int(r.firms)
            w.key("withOrganization"); w.int(r.withOrganization)
            optNumber("organizationPercent", r.organizationPercent)
            w.key("workCovered"); w.int(r.workCovered)
            optNumber("workPercent", r.workPercent)
            w.key("workUnknown"); w.int(r.workUnknown)
            w.key("standaloneFirms"); w.int(r.standaloneFirms)
            w.key("jointBranches"); w.int(r.jointBranches)
            w.endObject()
        }
        w.endArray()

        array("shouldBuild", shouldBuild) { c in
            firm("firm", c.firm)
            w.key("partyMembers"); w.int(c.partyMembers)
            w.key("chainLeader"); w.bool(c.chainLeader)
            optNumber("output", c.output)
            w.key("chains"); w.inlineStrings(c.chains)
            opt("currentOrganization", c.currentOrganization)
        }
        array("shouldJoin", shouldJoin) { c in
            firm("firm", c.firm)
            w.key("partyMembers"); w.int(c.partyMembers)
            opt("chain", c.chain); opt("stage", c.stage); opt("zone", c.zone)
        }
        if options.suggestJoint {
            array("groups", groups) { g in
                w.key("number"); w.int(g.number)
                opt("chain", g.chain); opt("stage", g.stage); opt("zone", g.zone)
                opt("existing", g.existing)
                firms("firms", g.firms)
                w.key("partyMembers"); w.int(g.partyMembers)
                w.key("totalPartyMembers"); w.int(g.totalPartyMembers)
                w.key("reachesThreshold"); w.bool(g.reachesThreshold)
                w.key("reason"); w.string(g.reason)
            }
        }

        w.key("checks"); w.beginObject()
        array("chainOrganizations", checks.chainOrganizations) { c in
            w.key("chain"); w.string(c.chain); w.key("name"); w.string(c.chainName)
            w.key("organizations"); w.inlineStrings(c.organizations)
            w.key("ok"); w.bool(!c.organizations.isEmpty)
        }
        array("leaders", checks.leaders) { l in
            w.key("chain"); w.string(l.chain); firm("firm", l.firm)
            w.key("placed"); w.bool(l.placed); w.key("detail"); w.string(l.detail)
        }
        array("unreachedStages", checks.unreachedStages) { s in
            w.key("chain"); w.string(s.chain); w.key("stage"); w.string(s.stage); w.key("name"); w.string(s.stageName)
            w.key("firms"); w.int(s.firms)
        }
        array("mismatches", checks.mismatches) { m in
            w.key("organization"); w.string(m.organization); w.key("name"); w.string(m.name)
            w.key("chains"); w.inlineStrings(m.chains); w.key("memberFirms"); w.int(m.memberFirms)
            w.key("offChain"); w.beginArray()
            for o in m.offChain {
                w.element(); w.beginObject(); w.key("id"); w.string(o.firm.id); w.key("name"); w.string(o.firm.name)
                w.key("chains"); w.inlineStrings(o.chains); w.endObject()
            }
            w.endArray()
        }
        w.endObject()

        w.key("pairings"); w.beginObject()
        w.key("compared"); w.int(pairings.compared)
        w.key("notCompared"); w.int(pairings.notCompared)
        array("withoutBusiness", pairings.withoutBusiness) { p in
            w.key("index"); w.int(p.index); opt("id", p.id)
            w.key("a"); w.string(p.a); w.key("aName"); w.string(p.aName)
            w.key("b"); w.string(p.b); w.key("bName"); w.string(p.bName)
            w.key("kind"); w.string(p.kind.rawValue)
        }
        array("strongLinksWithoutPairing", pairings.strongLinksWithoutPairing) { l in
            w.key("index"); w.int(l.index); opt("id", l.id)
            firm("supplier", l.supplier); firm("buyer", l.buyer)
            opt("product", l.product); optNumber("value", l.value); w.key("primary"); w.bool(l.primary)
        }
        array("oneToMany", pairings.oneToMany) { p in
            w.key("party"); w.string(p.party); w.key("name"); w.string(p.name); w.key("isFirm"); w.bool(p.isFirm)
            w.key("pairings"); w.int(p.pairings)
            w.key("byKind"); w.beginObject()
            for k in p.byKind { w.key(k.kind.rawValue); w.int(k.count) }
            w.endObject()
            w.key("outcomes"); w.inlineStrings(p.outcomes)
        }
        w.endObject()

        w.key("needs"); w.beginObject()
        w.key("total"); w.beginObject(); needRow(needs.total); w.endObject()
        w.key("firmsWithNeeds"); w.int(needs.firmsWithNeeds)
        array("byKind", needs.byKind, needRow)
        array("byChain", needs.byChain, needRow)
        array("byResponder", needs.byResponder, needRow)
        array("openWithoutResponder", needs.openWithoutResponder) { n in
            w.key("id"); w.string(n.id); firm("firm", n.firm); w.key("kind"); w.string(n.kind.rawValue); opt("text", n.text)
        }
        w.endObject()
        w.endObject()
        return w.finish()
    }
}
