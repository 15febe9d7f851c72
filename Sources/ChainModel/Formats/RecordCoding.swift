/// Decoding and encoding of each record kind, written once for both formats (JSON and CSV)
/// over ``RecordReader`` and ``RecordWriter``.
enum RecordCoding {
    // MARK: Decoding

    static func chain(_ r: some RecordReader) -> Chain {
        Chain(
            id: r.requiredText("id"), name: r.requiredText("name"), stages: [],
            illustrative: r.bool("illustrative") ?? false, note: r.text("note"))
    }

    static func stage(_ r: some RecordReader) -> Stage {
        Stage(
            id: r.requiredText("id"), name: r.requiredText("name"),
            tier: r.enumeration("tier") ?? .midstream,
            inputs: r.list("inputs"), required: r.bool("required") ?? true, note: r.text("note"))
    }

    static func firm(_ r: some RecordReader) -> Firm {
        typealias K = Schemas.FirmKey
        return Firm(
            id: r.requiredText(K.id), name: r.requiredText(K.name), stages: r.list(K.stages), leads: r.list(K.leads),
            products: r.list(K.products), capabilities: r.list(K.capabilities), output: r.double(K.output),
            employees: r.int(K.employees), capacity: r.double(K.capacity), capacityUnit: r.text(K.capacityUnit),
            zone: r.text(K.zone), inPark: r.bool(K.inPark) ?? true, partyMembers: r.int(K.partyMembers),
            organization: r.text(K.organization), workCovered: r.bool(K.workCovered),
            illustrative: r.bool(K.illustrative) ?? false, note: r.text(K.note))
    }

    static func link(_ r: some RecordReader) -> SupplyLink {
        typealias K = Schemas.LinkKey
        return SupplyLink(
            id: r.text(K.id), supplier: r.requiredText(K.supplier), buyer: r.requiredText(K.buyer),
            product: r.text(K.product), value: r.double(K.value), share: r.double(K.share),
            status: r.enumeration(K.status, default: LinkStatus.active) ?? .active,
            local: r.bool(K.local), primary: r.bool(K.primary) ?? false,
            illustrative: r.bool(K.illustrative) ?? false, note: r.text(K.note))
    }

    static func organization(_ r: some RecordReader) -> Organization {
        Organization(
            id: r.requiredText("id"), name: r.requiredText("name"), kind: r.enumeration("kind") ?? .branch,
            parent: r.text("parent"), hostFirm: r.text("hostFirm"), members: r.list("members"),
            chains: r.list("chains"),
            illustrative: r.bool("illustrative") ?? false, note: r.text("note"))
    }

    static func pairing(_ r: some RecordReader) -> Pairing {
        Pairing(
            id: r.text("id"), a: r.requiredText("a"), b: r.requiredText("b"),
            kind: r.enumeration("kind") ?? .coBuilding,
            since: r.text("since"), outcome: r.text("outcome"),
            illustrative: r.bool("illustrative") ?? false, note: r.text("note"))
    }

    /// A need; with no `status`, a need with a `solved` date is solved, any other open.
    static func need(_ r: some RecordReader) -> Need {
        let solved = r.text("solved")
        return Need(
            id: r.requiredText("id"), firm: r.requiredText("firm"), kind: r.enumeration("kind") ?? .service,
            tags: r.list("tags"), product: r.text("product"), quantity: r.double("quantity"), text: r.text("text"),
            status: r.enumeration("status") ?? (solved == nil ? .open : .solved), responder: r.text("responder"),
            raised: r.text("raised"), solved: solved,
            illustrative: r.bool("illustrative") ?? false, note: r.text("note"))
    }

    static func resource(_ r: some RecordReader) -> DepartmentResource {
        DepartmentResource(
            id: r.requiredText("id"), name: r.requiredText("name"), department: r.text("department"),
            kind: r.enumeration("kind"), tags: r.list("tags"), needs: r.list("needs"),
            illustrative: r.bool("illustrative") ?? false, note: r.text("note"))
    }

    static func project(_ r: some RecordReader) -> ActionProject {
        ActionProject(
            id: r.requiredText("id"), name: r.requiredText("name"), department: r.text("department"),
            needs: r.list("needs"), resources: r.list("resources"),
            status: r.enumeration("status", default: ProjectStatus.planned) ?? .planned,
            illustrative: r.bool("illustrative") ?? false, note: r.text("note"))
    }

    // MARK: Encoding

    static func encode(park: Park, into w: inout some RecordWriter) {
        w.text("format", ParkFormat.formatTag)
        w.text("id", park.id)
        w.text("name", park.name)
        w.text("region", park.region)
        w.text("dataDate", park.dataDate)
        w.text("source", park.source)
        w.text("note", park.note)
    }

    static func encode(_ c: Chain, into w: inout some RecordWriter) {
        w.text("id", c.id)
        w.text("name", c.name)
        w.bool("illustrative", c.illustrative, default: false)
        w.text("note", c.note)
    }

    /// `chain` is written by the CSV writer only (JSON nests stages in their chain).
    static func encode(_ s: Stage, chain: String?, into w: inout some RecordWriter) {
        if let chain { w.text("chain", chain) }
        w.text("id", s.id)
        w.text("name", s.name)
        w.text("tier", s.tier.rawValue)
        w.list("inputs", s.inputs)
        w.bool("required", s.required, default: true)
        w.text("note", s.note)
    }

    static func encode(_ f: Firm, into w: inout some RecordWriter) {
        w.text("id", f.id)
        w.text("name", f.name)
        w.list("stages", f.stages)
        w.list("leads", f.leads)
        w.list("products", f.products)
        w.list("capabilities", f.capabilities)
        w.double("output", f.output)
        w.int("employees", f.employees)
        w.double("capacity", f.capacity)
        w.text("capacityUnit", f.capacityUnit)
        w.text("zone", f.zone)
        w.bool("inPark", f.inPark, default: true)
        w.int("partyMembers", f.partyMembers)
        w.text("organization", f.organization)
        w.optionalBool("workCovered", f.workCovered)
        w.bool("illustrative", f.illustrative, default: false)
        w.text("note", f.note)
    }

    static func encode(_ l: SupplyLink, into w: inout some RecordWriter) {
        w.text("id", l.id)
        w.text("supplier", l.supplier)
        w.text("buyer", l.buyer)
        w.text("product", l.product)
        w.double("value", l.value)
        w.double("share", l.share)
        w.text("status", l.status == .active ? nil : l.status.rawValue)
        w.optionalBool("local", l.local)
        w.bool("primary", l.primary, default: false)
        w.bool("illustrative", l.illustrative, default: false)
        w.text("note", l.note)
    }

    static func encode(_ o: Organization, into w: inout some RecordWriter) {
        w.text("id", o.id)
        w.text("name", o.name)
        w.text("kind", o.kind.rawValue)
        w.text("parent", o.parent)
        w.text("hostFirm", o.hostFirm)
        w.list("members", o.members)
        w.list("chains", o.chains)
        w.bool("illustrative", o.illustrative, default: false)
        w.text("note", o.note)
    }

    static func encode(_ p: Pairing, into w: inout some RecordWriter) {
        w.text("id", p.id)
        w.text("a", p.a)
        w.text("b", p.b)
        w.text("kind", p.kind.rawValue)
        w.text("since", p.since)
        w.text("outcome", p.outcome)
        w.bool("illustrative", p.illustrative, default: false)
        w.text("note", p.note)
    }

    static func encode(_ n: Need, into w: inout some RecordWriter) {
        w.text("id", n.id)
        w.text("firm", n.firm)
        w.text("kind", n.kind.rawValue)
        w.list("tags", n.tags)
        w.text("product", n.product)
        w.double("quantity", n.quantity)
        w.text("text", n.text)
        w.text("status", n.status == .open ? nil : n.status.rawValue)
        w.text("responder", n.responder)
        w.text("raised", n.raised)
        w.text("solved", n.solved)
        w.bool("illustrative", n.illustrative, default: false)
        w.text("note", n.note)
    }

    static func encode(_ x: DepartmentResource, into w: inout some RecordWriter) {
        w.text("id", x.id)
        w.text("name", x.name)
        w.text("department", x.department)
        w.text("kind", x.kind?.rawValue)
        w.list("tags", x.tags)
        w.list("needs", x.needs)
        w.bool("illustrative", x.illustrative, default: false)
        w.text("note", x.note)
    }

    static func encode(_ p: ActionProject, into w: inout some RecordWriter) {
        w.text("id", p.id)
        w.text("name", p.name)
        w.text("department", p.department)
        w.list("needs", p.needs)
        w.list("resources", p.resources)
        w.text("status", p.status == .planned ? nil : p.status.rawValue)
        w.bool("illustrative", p.illustrative, default: false)
        w.text("note", p.note)
    }
}
