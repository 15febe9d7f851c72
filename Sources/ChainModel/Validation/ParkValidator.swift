/// A record (and field) of a park, named without reference to any file: `firms[3].stages`.
public struct RecordPlace: Sendable, Hashable, CustomStringConvertible {
    public var kind: RecordKind
    /// Index in the park's list of that kind (for stages: the chain's index).
    public var index: Int
    /// For stages: the index within the chain.
    public var stageIndex: Int?
    public var field: String?

    public init(_ kind: RecordKind, _ index: Int, stage: Int? = nil, field: String? = nil) {
        self.kind = kind
        self.index = index
        self.stageIndex = stage
        self.field = field
    }

    public var description: String {
        var s: String
        switch kind {
        case .park: s = "park"
        case .stage: s = "chains[\(index)].stages[\(stageIndex ?? 0)]"
        default: s = "\(kind.jsonKey)[\(index)]"
        }
        if let field { s += ".\(field)" }
        return s
    }
}

/// One problem with a park's content (not its syntax).
public struct ValidationIssue: Sendable, Equatable {
    public var severity: Diagnostic.Severity
    public var place: RecordPlace
    public var message: String
    public var hint: String?
    /// ``message`` from the message catalog (`problem.*`), for the reader's language.
    public var text: Message?
    /// ``hint`` from the message catalog.
    public var hintText: Message?
}

/// Checks a park's references, ranges and structure. Syntax and types are checked by the
/// readers; this checks what only the whole park can tell.
///
/// Errors: duplicate ids; references to unknown firms, stages, chains or organizations; a
/// firm id used as an organization id; self-links; negative numbers; shares outside 0–1; a
/// stage template that is not a DAG; an organization whose parents form a cycle.
/// Warnings: firms with no links or no stage; chains without stages; shares of one buyer's
/// product summing over 1; duplicate active links; a chain leader outside its chain.
///
/// - Complexity: O(V + E + stages²) with hashing; suggestions ("did you mean") only on parks
///   of up to 5,000 ids of a kind.
public enum ParkValidator {
    public static func validate(_ park: Park) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        // Each problem carries its English words (`message`, `hint`) and the same as catalog
        // messages (`problem.*`), which the command line prints in the reader's language.
        func error(
            _ place: RecordPlace, _ message: String, hint: String? = nil, _ text: Message, _ hintText: Message? = nil
        ) {
            issues.append(
                ValidationIssue(
                    severity: .error, place: place, message: message, hint: hint, text: text, hintText: hintText))
        }
        func warning(
            _ place: RecordPlace, _ message: String, hint: String? = nil, _ text: Message, _ hintText: Message? = nil
        ) {
            issues.append(
                ValidationIssue(
                    severity: .warning, place: place, message: message, hint: hint, text: text, hintText: hintText))
        }
        func m(_ id: String, _ arguments: [String: Message.Argument] = [:]) -> Message {
            Message("problem." + id, arguments)
        }
        func checkId(_ id: String, _ place: RecordPlace) {
            if id.isEmpty { return }  // reported by the reader as missing
            if id.first?.isWhitespace == true || id.last?.isWhitespace == true {
                error(
                    place, "id \"\(id)\" has leading or trailing spaces", hint: "remove the spaces",
                    m("id.spaces", ["id": .text(id)]), m("id.spaces.hint"))
            }
            if id.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                error(
                    place, "id contains a control character (line break or tab)", hint: "ids are one line of text",
                    m("id.control"), m("id.control.hint"))
            }
        }
        // `addTo` names the list in English, `list` the same as a catalog message.
        func unknown(
            _ what: String, _ id: String, in ids: some Collection<String>, _ place: RecordPlace, addTo: String,
            _ list: Message
        ) {
            let suggestion = Suggest.closest(to: id, in: ids)
            let hint =
                suggestion.map { "did you mean \"\($0)\"? Otherwise add it to \(addTo)" }
                ?? "add it to \(addTo) or fix the id"
            let hintText =
                suggestion.map { m("unknown.didYouMean", ["suggestion": .text($0), "list": .message(list)]) }
                ?? m("unknown.add", ["list": .message(list)])
            error(place, "unknown \(what) \"\(id)\"", hint: hint, m("unknown." + what, ["id": .text(id)]), hintText)
        }
        func nonNegative(
            _ value: Double?, _ place: RecordPlace, unit: String, _ unitText: Message,
            maximum: Double = ParkLimits.maxAmount
        ) {
            if let value, value < 0 {
                error(
                    place, "negative value \(NumberFormat.shortest(value))", hint: "\(unit) cannot be negative",
                    m("negative", ["value": .text(NumberFormat.shortest(value))]),
                    m("negative.hint", ["unit": .message(unitText)]))
            }
            // Bounded so that sums over a million firms stay finite and exact enough.
            if let value, value > maximum {
                let limit = String(Int64(maximum))  // a constant ≤ 10^15
                error(
                    place, "value \(NumberFormat.shortest(value)) is above the maximum \(limit)",
                    hint: "\(unit) is at most \(limit); check the unit and for extra digits",
                    m("aboveMaximum", ["value": .text(NumberFormat.shortest(value)), "limit": .text(limit)]),
                    m("aboveMaximum.hint", ["unit": .message(unitText), "limit": .text(limit)]))
            }
        }

        if park.id.isEmpty == false { checkId(park.id, RecordPlace(.park, 0, field: "id")) }

        // Chains and stages.
        var chainIndex: [String: Int] = [:]
        var stageChain: [String: Int] = [:]  // stage id → chain index
        for (ci, chain) in park.chains.enumerated() {
            let place = RecordPlace(.chain, ci, field: "id")
            checkId(chain.id, place)
            if !chain.id.isEmpty {
                if let first = chainIndex[chain.id] {
                    error(
                        place, "duplicate chain id \"\(chain.id)\" (first at chains[\(first)])",
                        hint: "chain ids must be unique",
                        m("duplicate.chain", ["id": .text(chain.id), "first": .integer(first)]),
                        m("duplicate.chain.hint"))
                } else {
                    chainIndex[chain.id] = ci
                }
            }
            if chain.stages.isEmpty {
                warning(
                    RecordPlace(.chain, ci, field: "stages"), "chain \"\(chain.id)\" has no stages",
                    hint: "add its stages so firms can be placed and gaps found",
                    m("chain.noStages", ["chain": .text(chain.id)]), m("chain.noStages.hint"))
            }
            for (si, stage) in chain.stages.enumerated() {
                let sp = RecordPlace(.stage, ci, stage: si, field: "id")
                checkId(stage.id, sp)
                guard !stage.id.isEmpty else { continue }
                if let other = stageChain[stage.id] {
                    error(
                        sp, "duplicate stage id \"\(stage.id)\" (also in chain \"\(park.chains[other].id)\")",
                        hint:
                            "stage ids must be unique in the park; prefix them with the chain, e.g. \"\(chain.id)-\(stage.id)\"",
                        m("duplicate.stage", ["id": .text(stage.id), "chain": .text(park.chains[other].id)]),
                        m("duplicate.stage.hint", ["example": .text("\(chain.id)-\(stage.id)")]))
                } else {
                    stageChain[stage.id] = ci
                }
            }
        }
        for (ci, chain) in park.chains.enumerated() {
            let local = Set(chain.stages.map(\.id))
            for (si, stage) in chain.stages.enumerated() {
                let sp = RecordPlace(.stage, ci, stage: si, field: "inputs")
                for input in stage.inputs {
                    if input == stage.id {
                        error(
                            sp, "stage \"\(stage.id)\" lists itself as an input", hint: "remove it from inputs",
                            m("stage.selfInput", ["stage": .text(stage.id)]), m("stage.selfInput.hint"))
                    } else if !local.contains(input) {
                        if let other = stageChain[input] {
                            error(
                                sp,
                                "input \"\(input)\" belongs to chain \"\(park.chains[other].id)\", not \"\(chain.id)\"",
                                hint: "inputs are stages of the same chain",
                                m(
                                    "stage.otherChainInput",
                                    [
                                        "input": .text(input), "other": .text(park.chains[other].id),
                                        "chain": .text(chain.id),
                                    ]),
                                m("stage.otherChainInput.hint"))
                        } else {
                            unknown(
                                "stage", input, in: chain.stages.map(\.id), sp, addTo: "chain \"\(chain.id)\"",
                                m("list.chainStages", ["chain": .text(chain.id)]))
                        }
                    }
                }
            }
            if let cycle = templateCycle(chain) {
                let si = chain.stages.firstIndex { $0.id == cycle[0] } ?? 0
                error(
                    RecordPlace(.stage, ci, stage: si, field: "inputs"),
                    "the stage template is not a DAG: cycle " + (cycle + [cycle[0]]).joined(separator: " → "),
                    hint: "stages must feed forward from upstream to downstream; remove one input of the cycle",
                    m("stage.cycle", ["cycle": .sequence((cycle + [cycle[0]]).map { .text($0) })]),
                    m("stage.cycle.hint"))
            }
        }

        // Firms and organizations share one id space for pairings.
        let resolution = park.resolution
        let firmIndex = resolution.firms.index
        for (fi, firm) in park.firms.enumerated() where !firm.id.isEmpty {
            let place = RecordPlace(.firm, fi, field: "id")
            checkId(firm.id, place)
            if let first = firmIndex[firm.id], Int(first) != fi {
                error(
                    place, "duplicate firm id \"\(firm.id)\" (first at firms[\(first)])",
                    hint: "firm ids must be unique; merge the two rows or rename one",
                    m("duplicate.firm", ["id": .text(firm.id), "first": .integer(Int(first))]), m("duplicate.firm.hint")
                )
            }
        }
        var orgIndex: [String: Int] = [:]
        for (oi, org) in park.organizations.enumerated() where !org.id.isEmpty {
            let place = RecordPlace(.organization, oi, field: "id")
            checkId(org.id, place)
            if let first = orgIndex[org.id] {
                error(
                    place, "duplicate organization id \"\(org.id)\" (first at organizations[\(first)])",
                    hint: "organization ids must be unique",
                    m("duplicate.organization", ["id": .text(org.id), "first": .integer(first)]),
                    m("duplicate.organization.hint"))
            } else {
                orgIndex[org.id] = oi
            }
            if firmIndex[org.id] != nil {
                error(
                    place, "organization id \"\(org.id)\" is also a firm id",
                    hint:
                        "pairings name firms and organizations by id, so the two must differ; e.g. \"\(org.id)-branch\"",
                    m("organization.firmId", ["id": .text(org.id)]),
                    m("organization.firmId.hint", ["example": .text("\(org.id)-branch")]))
            }
        }

        // Firms.
        var linked = [Bool](repeating: false, count: park.firms.count)
        for (fi, firm) in park.firms.enumerated() {
            for s in firm.stages where stageChain[s] == nil {
                unknown(
                    "stage", s, in: stageChain.keys, RecordPlace(.firm, fi, field: "stages"), addTo: "a chain's stages",
                    m("list.stages"))
            }
            // Only chain leaders need their chains (most firms lead none: no set to build).
            let firmChains = firm.leads.isEmpty ? [] : Set(firm.stages.compactMap { stageChain[$0] })
            for c in firm.leads {
                if let ci = chainIndex[c] {
                    if !firmChains.contains(ci) {
                        warning(
                            RecordPlace(.firm, fi, field: "leads"), "leads chain \"\(c)\" but has no stage in it",
                            hint: "add the firm's stage in that chain",
                            m("firm.leadsWithoutStage", ["chain": .text(c)]), m("firm.leadsWithoutStage.hint"))
                    }
                } else {
                    unknown(
                        "chain", c, in: chainIndex.keys, RecordPlace(.firm, fi, field: "leads"), addTo: "chains",
                        m("list.chains"))
                }
            }
            if firm.stages.isEmpty && firm.inPark {
                warning(
                    RecordPlace(.firm, fi, field: "stages"), "firm \"\(firm.id)\" is in no stage",
                    hint: "give it a stage so it appears in its chain", m("firm.noStage", ["firm": .text(firm.id)]),
                    m("firm.noStage.hint"))
            }
            nonNegative(
                firm.output, RecordPlace(.firm, fi, field: "output"), unit: "output value (RMB)", m("unit.output"))
            nonNegative(firm.capacity, RecordPlace(.firm, fi, field: "capacity"), unit: "capacity", m("unit.capacity"))
            nonNegative(
                firm.employees.map(Double.init), RecordPlace(.firm, fi, field: "employees"), unit: "a head count",
                m("unit.headCount"), maximum: ParkLimits.maxCount)
            nonNegative(
                firm.partyMembers.map(Double.init), RecordPlace(.firm, fi, field: "partyMembers"), unit: "a head count",
                m("unit.headCount"), maximum: ParkLimits.maxCount)
            if let org = firm.organization, orgIndex[org] == nil {
                unknown(
                    "organization", org, in: orgIndex.keys, RecordPlace(.firm, fi, field: "organization"),
                    addTo: "organizations", m("list.organizations"))
            }
        }

        // Links: references and ranges, one pass.
        var linkIds: [String: Int] = [:]
        var endpoints = [(supplier: Int32, buyer: Int32)](repeating: (-1, -1), count: park.links.count)
        let resolved = (supplier: resolution.linkSupplier, buyer: resolution.linkBuyer)
        // Fields read from the link columns: no record is made per link.
        let links = park.links
        for li in links.indices {
            let supplier = links.supplier(at: li), buyer = links.buyer(at: li)
            if let id = links.id(at: li) {
                checkId(id, RecordPlace(.link, li, field: "id"))
                if let first = linkIds[id] {
                    error(
                        RecordPlace(.link, li, field: "id"), "duplicate link id \"\(id)\" (first at links[\(first)])",
                        hint: "link ids must be unique",
                        m("duplicate.link", ["id": .text(id), "first": .integer(first)]), m("duplicate.link.hint"))
                } else {
                    linkIds[id] = li
                }
            }
            let s = resolved.supplier[li] >= 0 ? Int(resolved.supplier[li]) : nil
            let b = resolved.buyer[li] >= 0 ? Int(resolved.buyer[li]) : nil
            if s == nil && !supplier.isEmpty {
                unknown(
                    "firm", supplier, in: firmIndex.keys, RecordPlace(.link, li, field: "supplier"),
                    addTo: "firms", m("list.firms"))
            }
            if b == nil && !buyer.isEmpty {
                unknown(
                    "firm", buyer, in: firmIndex.keys, RecordPlace(.link, li, field: "buyer"), addTo: "firms",
                    m("list.firms"))
            }
            if !supplier.isEmpty && supplier == buyer {
                error(
                    RecordPlace(.link, li, field: "buyer"), "firm \"\(supplier)\" supplies itself",
                    hint: "a link joins two different firms; remove the row",
                    m("link.self", ["firm": .text(supplier)]), m("link.self.hint"))
            }
            nonNegative(
                links.value(at: li), RecordPlace(.link, li, field: "value"), unit: "link value (RMB)",
                m("unit.linkValue"))
            if let share = links.share(at: li), !(0...1).contains(share) {
                error(
                    RecordPlace(.link, li, field: "share"), "share \(NumberFormat.shortest(share)) is outside 0–1",
                    hint: "write the share as a fraction, e.g. 0.35 for 35%",
                    m("link.shareRange", ["share": .text(NumberFormat.shortest(share))]), m("link.shareRange.hint"))
            }
            guard let s, let b else { continue }
            linked[s] = true
            linked[b] = true
            if links.status(at: li) == .active { endpoints[li] = (Int32(s), Int32(b)) }
        }
        checkBuyerInputs(park, endpoints: endpoints, firmCount: park.firms.count) { warning($0, $1, hint: $2, $3, $4) }
        if !park.links.isEmpty {
            for (fi, firm) in park.firms.enumerated() where !linked[fi] && !firm.id.isEmpty {
                warning(
                    RecordPlace(.firm, fi, field: "id"), "firm \"\(firm.id)\" has no supply links",
                    hint: "add its suppliers or buyers, or ignore if it is new",
                    m("firm.noLinks", ["firm": .text(firm.id)]), m("firm.noLinks.hint"))
            }
        }

        // Organizations.
        for (oi, org) in park.organizations.enumerated() {
            if let p = org.parent {
                if p == org.id {
                    error(
                        RecordPlace(.organization, oi, field: "parent"), "organization is its own parent",
                        hint: "remove the parent", m("organization.ownParent"), m("organization.ownParent.hint"))
                } else if orgIndex[p] == nil {
                    unknown(
                        "organization", p, in: orgIndex.keys, RecordPlace(.organization, oi, field: "parent"),
                        addTo: "organizations", m("list.organizations"))
                }
            }
            if let h = org.hostFirm, firmIndex[h] == nil {
                unknown(
                    "firm", h, in: firmIndex.keys, RecordPlace(.organization, oi, field: "hostFirm"), addTo: "firms",
                    m("list.firms"))
            }
            for member in org.members where firmIndex[member] == nil {
                unknown(
                    "firm", member, in: firmIndex.keys, RecordPlace(.organization, oi, field: "members"),
                    addTo: "firms", m("list.firms"))
            }
            for c in org.chains where chainIndex[c] == nil {
                unknown(
                    "chain", c, in: chainIndex.keys, RecordPlace(.organization, oi, field: "chains"), addTo: "chains",
                    m("list.chains"))
            }
        }
        // Parent cycles (walk each chain of parents; each org visited once overall).
        var state = [UInt8](repeating: 0, count: park.organizations.count)  // 0 new, 1 on path, 2 done
        for start in park.organizations.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let c = current, state[c] == 0 {
                state[c] = 1
                path.append(c)
                current = park.organizations[c].parent.flatMap { orgIndex[$0] }
            }
            if let c = current, state[c] == 1, let from = path.firstIndex(of: c) {
                let names = path[from...].map { park.organizations[$0].id }
                error(
                    RecordPlace(.organization, c, field: "parent"),
                    "parent cycle: " + (names + [names[0]]).joined(separator: " → "),
                    hint: "an organization cannot be its own ancestor",
                    m("organization.parentCycle", ["cycle": .sequence((names + [names[0]]).map { .text($0) })]),
                    m("organization.parentCycle.hint"))
            }
            for p in path { state[p] = 2 }
        }

        // Pairings.
        var pairingIds: [String: Int] = [:]
        for (pi, pairing) in park.pairings.enumerated() {
            if let id = pairing.id {
                if let first = pairingIds[id] {
                    error(
                        RecordPlace(.pairing, pi, field: "id"),
                        "duplicate pairing id \"\(id)\" (first at pairings[\(first)])",
                        hint: "pairing ids must be unique",
                        m("duplicate.pairing", ["id": .text(id), "first": .integer(first)]), m("duplicate.pairing.hint")
                    )
                } else {
                    pairingIds[id] = pi
                }
            }
            for (field, party) in [("a", pairing.a), ("b", pairing.b)] where !party.isEmpty {
                if firmIndex[party] == nil && orgIndex[party] == nil {
                    let few = firmIndex.count + orgIndex.count <= 5000
                    let suggestion =
                        few ? Suggest.closest(to: party, in: Array(firmIndex.keys) + Array(orgIndex.keys)) : nil
                    let hint =
                        suggestion.map { "did you mean \"\($0)\"?" } ?? "a party is a firm id or an organization id"
                    error(
                        RecordPlace(.pairing, pi, field: field),
                        "unknown party \"\(party)\" (neither a firm nor an organization)", hint: hint,
                        m("pairing.unknownParty", ["party": .text(party)]),
                        suggestion.map { m("didYouMean", ["suggestion": .text($0)]) } ?? m("pairing.unknownParty.hint"))
                }
            }
            if !pairing.a.isEmpty && pairing.a == pairing.b {
                error(
                    RecordPlace(.pairing, pi, field: "b"), "a pairing joins \"\(pairing.a)\" with itself",
                    hint: "name two different parties", m("pairing.self", ["party": .text(pairing.a)]),
                    m("pairing.self.hint"))
            }
        }

        // Needs.
        var needIds: [String: Int] = [:]
        for (ni, need) in park.needs.enumerated() {
            if !need.id.isEmpty {
                checkId(need.id, RecordPlace(.need, ni, field: "id"))
                if let first = needIds[need.id] {
                    error(
                        RecordPlace(.need, ni, field: "id"),
                        "duplicate need id \"\(need.id)\" (first at needs[\(first)])", hint: "need ids must be unique",
                        m("duplicate.need", ["id": .text(need.id), "first": .integer(first)]), m("duplicate.need.hint"))
                } else {
                    needIds[need.id] = ni
                }
            }
            if !need.firm.isEmpty && firmIndex[need.firm] == nil {
                unknown(
                    "firm", need.firm, in: firmIndex.keys, RecordPlace(.need, ni, field: "firm"), addTo: "firms",
                    m("list.firms"))
            }
            nonNegative(
                need.quantity, RecordPlace(.need, ni, field: "quantity"), unit: "a quantity", m("unit.quantity"))
        }
        checkNeedDates(park, error: error, warning: warning)
        checkLists(
            park, needIds: needIds, error: error,
            unknown: { what, id, ids, place, addTo, list in
                unknown(what, id, in: ids, place, addTo: addTo, list)
            }, checkId: checkId)
        return issues
    }

    /// Needs' `raised` and `solved` dates: each a real day written `yyyy-mm-dd`; solved not
    /// before raised; neither after the day the park's data date stands for; a solved date
    /// only on a solved need. A park whose needs have dates and whose data date is not a date
    /// gets a warning (ages cannot be computed).
    static func checkNeedDates(
        _ park: Park,
        error: (RecordPlace, String, String?, Message, Message?) -> Void,
        warning: (RecordPlace, String, String?, Message, Message?) -> Void
    ) {
        func m(_ id: String, _ arguments: [String: Message.Argument] = [:]) -> Message {
            Message("problem." + id, arguments)
        }
        let dataDay = park.dataDay
        var anyDated = false
        for (ni, need) in park.needs.enumerated() {
            func day(_ field: String, _ text: String?) -> ParkDay? {
                guard let text else { return nil }
                anyDated = true
                if let d = ParkDay(iso: text) { return d }
                error(
                    RecordPlace(.need, ni, field: field), "\"\(text)\" is not a date written yyyy-mm-dd",
                    "write the day as year-month-day with leading zeros, e.g. 2024-03-05 (a real calendar day)",
                    m("need.date.malformed", ["value": .text(text)]), m("need.date.malformed.hint"))
                return nil
            }
            let raised = day("raised", need.raised)
            let solved = day("solved", need.solved)
            if let raised, let solved, solved < raised {
                error(
                    RecordPlace(.need, ni, field: "solved"), "solved on \(solved), before it was raised (\(raised))",
                    "a need is solved on or after the day it was raised; check both dates",
                    m(
                        "need.date.solvedBeforeRaised",
                        ["solved": .text(solved.description), "raised": .text(raised.description)]),
                    m("need.date.solvedBeforeRaised.hint"))
            }
            if let dataDay, let dataDate = park.dataDate {
                func notAfterDataDate(_ field: String, _ d: ParkDay?) {
                    guard let d, d > dataDay else { return }
                    error(
                        RecordPlace(.need, ni, field: field),
                        "\(field) on \(d), after the park's data date \(dataDate) (\(dataDay))",
                        "a park describes the state on its data date; fix the date or move the data date (park.dataDate) later",
                        m(
                            "need.date.afterDataDate",
                            [
                                "field": .text(field), "date": .text(d.description), "dataDate": .text(dataDate),
                                "day": .text(dataDay.description),
                            ]),
                        m("need.date.afterDataDate.hint"))
                }
                notAfterDataDate("raised", raised)
                notAfterDataDate("solved", solved)
            }
            if need.solved != nil, need.status != .solved {
                error(
                    RecordPlace(.need, ni, field: "status"),
                    "status \(need.status.rawValue) but the need has a solved date",
                    "set status to solved (or leave status out: a need with a solved date is solved), or remove the solved date",
                    m("need.date.solvedButOpen", ["status": .text(need.status.rawValue)]),
                    m("need.date.solvedButOpen.hint"))
            }
        }
        if anyDated, dataDay == nil {
            warning(
                RecordPlace(.park, 0, field: "dataDate"),
                park.dataDate.map {
                    "needs have dates but the data date \"\($0)\" is not a date; their ages cannot be computed"
                }
                    ?? "needs have dates but the park has no data date; their ages cannot be computed",
                "write the data date as yyyy-mm-dd, yyyy-mm or yyyy (a month or year counts as its last day)",
                m("need.date.noDataDate", ["dataDate": .text(park.dataDate ?? "")]), m("need.date.noDataDate.hint"))
        }
    }

    /// The resources list and the project list (三张清单): unique ids, and the needs and
    /// resources they name exist.
    static func checkLists(
        _ park: Park, needIds: [String: Int],
        error: (RecordPlace, String, String?, Message, Message?) -> Void,
        unknown: (String, String, [String], RecordPlace, String, Message) -> Void,
        checkId: (String, RecordPlace) -> Void
    ) {
        func m(_ id: String, _ arguments: [String: Message.Argument] = [:]) -> Message {
            Message("problem." + id, arguments)
        }
        // Suggestions only on an error, and only among up to 5,000 ids.
        func keys(_ ids: [String: Int]) -> [String] { ids.count <= 5000 ? ids.keys.sorted() : [] }
        var resourceIds: [String: Int] = [:]
        for (ri, r) in park.resources.enumerated() {
            let place = RecordPlace(.resource, ri, field: "id")
            checkId(r.id, place)
            if !r.id.isEmpty {
                if let first = resourceIds[r.id] {
                    error(
                        place, "duplicate resource id \"\(r.id)\" (first at resources[\(first)])",
                        "resource ids must be unique",
                        m("duplicate.resource", ["id": .text(r.id), "first": .integer(first)]),
                        m("duplicate.resource.hint"))
                } else {
                    resourceIds[r.id] = ri
                }
            }
            for id in r.needs where needIds[id] == nil {
                unknown("need", id, keys(needIds), RecordPlace(.resource, ri, field: "needs"), "needs", m("list.needs"))
            }
        }
        var projectIds: [String: Int] = [:]
        for (pi, p) in park.projects.enumerated() {
            let place = RecordPlace(.project, pi, field: "id")
            checkId(p.id, place)
            if !p.id.isEmpty {
                if let first = projectIds[p.id] {
                    error(
                        place, "duplicate project id \"\(p.id)\" (first at projects[\(first)])",
                        "project ids must be unique",
                        m("duplicate.project", ["id": .text(p.id), "first": .integer(first)]),
                        m("duplicate.project.hint"))
                } else {
                    projectIds[p.id] = pi
                }
            }
            for id in p.needs where needIds[id] == nil {
                unknown("need", id, keys(needIds), RecordPlace(.project, pi, field: "needs"), "needs", m("list.needs"))
            }
            for id in p.resources where resourceIds[id] == nil {
                unknown(
                    "resource", id, keys(resourceIds), RecordPlace(.project, pi, field: "resources"), "resources",
                    m("list.resources"))
            }
        }
    }

    /// Per buyer, over its active links in link order: the same supplier and product twice
    /// (a duplicate), and shares of one product adding up to more than 1. Links are grouped by
    /// buyer with a counting sort, so products are compared only within one buyer's inputs
    /// (no park-wide dictionary keyed by product text).
    /// - Complexity: O(links) plus O(d²) per buyer with d ≤ 32 inputs, hashing above that.
    static func checkBuyerInputs(
        _ park: Park, endpoints: [(supplier: Int32, buyer: Int32)], firmCount: Int,
        warning: (RecordPlace, String, String?, Message, Message?) -> Void
    ) {
        var start = [Int](repeating: 0, count: firmCount + 1)
        for e in endpoints where e.buyer >= 0 { start[Int(e.buyer) + 1] += 1 }
        for f in 0..<firmCount { start[f + 1] += start[f] }
        var order = [Int](repeating: 0, count: start[firmCount])
        var cursor = start
        for (li, e) in endpoints.enumerated() where e.buyer >= 0 {
            order[cursor[Int(e.buyer)]] = li
            cursor[Int(e.buyer)] += 1
        }
        struct Input: Hashable {
            var supplier: Int32
            var product: String
        }
        for f in 0..<firmCount where start[f + 1] > start[f] {
            let group = order[start[f]..<start[f + 1]]
            let small = group.count <= 32
            var seenSmall: [(input: Input, link: Int)] = []
            var seenLarge: [Input: Int] = [:]
            var sumsSmall: [(product: String, total: Double)] = []
            var sumsLarge: [String: Double] = [:]
            for li in group {
                let link = park.links[li]
                let product = link.product ?? ""
                let input = Input(supplier: endpoints[li].supplier, product: product)
                let first = small ? seenSmall.first { $0.input == input }?.link : seenLarge[input]
                if let first {
                    warning(
                        RecordPlace(.link, li),
                        "same active link as links[\(first)] (\(link.supplier) → \(link.buyer)\(link.product.map { ", \($0)" } ?? ""))",
                        "merge the two rows",
                        Message(
                            link.product == nil ? "problem.link.duplicate" : "problem.link.duplicate.product",
                            [
                                "first": .integer(first), "supplier": .text(link.supplier), "buyer": .text(link.buyer),
                                "product": .text(link.product ?? ""),
                            ]),
                        Message("problem.link.duplicate.hint"))
                } else if small {
                    seenSmall.append((input, li))
                } else {
                    seenLarge[input] = li
                }
                guard let share = link.share else { continue }
                let before: Double
                if small {
                    if let k = sumsSmall.firstIndex(where: { $0.product == product }) {
                        before = sumsSmall[k].total
                        sumsSmall[k].total += share
                    } else {
                        before = 0
                        sumsSmall.append((product, share))
                    }
                } else {
                    before = sumsLarge[product, default: 0]
                    sumsLarge[product] = before + share
                }
                if before + share > 1 + 1e-9 && before <= 1 + 1e-9 {
                    warning(
                        RecordPlace(.link, li, field: "share"),
                        "shares of \"\(link.buyer)\"'s need\(link.product.map { " for \($0)" } ?? "") add up to more than 1",
                        "check the shares of its suppliers",
                        Message(
                            link.product == nil ? "problem.link.sharesOver" : "problem.link.sharesOver.product",
                            [
                                "buyer": .text(link.buyer), "product": .text(link.product ?? ""),
                            ]),
                        Message("problem.link.sharesOver.hint"))
                }
            }
        }
    }

    /// One cycle of the chain's stage template (stage ids in order), or nil for a DAG.
    /// Iterative three-colour DFS over the `inputs` relation.
    static func templateCycle(_ chain: Chain) -> [String]? {
        var index: [String: Int] = [:]
        for (i, s) in chain.stages.enumerated() where index[s.id] == nil { index[s.id] = i }
        let inputs = chain.stages.map { $0.inputs.compactMap { index[$0] } }
        var color = [UInt8](repeating: 0, count: chain.stages.count)
        for root in chain.stages.indices where color[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            color[root] = 1
            while let top = stack.last {
                if top.next < inputs[top.node].count {
                    stack[stack.count - 1].next += 1
                    let w = inputs[top.node][top.next]
                    if color[w] == 1 {
                        // Cycle: from w up the stack to the top.
                        let nodes = stack.map(\.node)
                        let from = nodes.lastIndex(of: w) ?? 0
                        return nodes[from...].reversed().map { chain.stages[$0].id }
                    }
                    if color[w] == 0 {
                        color[w] = 1
                        stack.append((w, 0))
                    }
                } else {
                    color[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}
