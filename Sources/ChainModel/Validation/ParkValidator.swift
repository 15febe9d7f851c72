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
        func error(_ place: RecordPlace, _ message: String, hint: String? = nil) {
            issues.append(ValidationIssue(severity: .error, place: place, message: message, hint: hint))
        }
        func warning(_ place: RecordPlace, _ message: String, hint: String? = nil) {
            issues.append(ValidationIssue(severity: .warning, place: place, message: message, hint: hint))
        }
        func checkId(_ id: String, _ place: RecordPlace) {
            if id.isEmpty { return }  // reported by the reader as missing
            if id.first?.isWhitespace == true || id.last?.isWhitespace == true {
                error(place, "id \"\(id)\" has leading or trailing spaces", hint: "remove the spaces")
            }
            if id.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                error(place, "id contains a control character (line break or tab)", hint: "ids are one line of text")
            }
        }
        func unknown(_ what: String, _ id: String, in ids: some Collection<String>, _ place: RecordPlace, addTo: String) {
            let hint = Suggest.closest(to: id, in: ids).map { "did you mean \"\($0)\"? Otherwise add it to \(addTo)" } ?? "add it to \(addTo) or fix the id"
            error(place, "unknown \(what) \"\(id)\"", hint: hint)
        }
        func nonNegative(_ value: Double?, _ place: RecordPlace, unit: String, maximum: Double = ParkLimits.maxAmount) {
            if let value, value < 0 { error(place, "negative value \(NumberFormat.shortest(value))", hint: "\(unit) cannot be negative") }
            // Bounded so that sums over a million firms stay finite and exact enough.
            if let value, value > maximum {
                let limit = String(Int64(maximum))  // a constant ≤ 10^15
                error(place, "value \(NumberFormat.shortest(value)) is above the maximum \(limit)", hint: "\(unit) is at most \(limit); check the unit and for extra digits")
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
                    error(place, "duplicate chain id \"\(chain.id)\" (first at chains[\(first)])", hint: "chain ids must be unique")
                } else {
                    chainIndex[chain.id] = ci
                }
            }
            if chain.stages.isEmpty {
                warning(RecordPlace(.chain, ci, field: "stages"), "chain \"\(chain.id)\" has no stages", hint: "add its stages so firms can be placed and gaps found")
            }
            for (si, stage) in chain.stages.enumerated() {
                let sp = RecordPlace(.stage, ci, stage: si, field: "id")
                checkId(stage.id, sp)
                guard !stage.id.isEmpty else { continue }
                if let other = stageChain[stage.id] {
                    error(sp, "duplicate stage id \"\(stage.id)\" (also in chain \"\(park.chains[other].id)\")", hint: "stage ids must be unique in the park; prefix them with the chain, e.g. \"\(chain.id)-\(stage.id)\"")
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
                        error(sp, "stage \"\(stage.id)\" lists itself as an input", hint: "remove it from inputs")
                    } else if !local.contains(input) {
                        if let other = stageChain[input] {
                            error(sp, "input \"\(input)\" belongs to chain \"\(park.chains[other].id)\", not \"\(chain.id)\"", hint: "inputs are stages of the same chain")
                        } else {
                            unknown("stage", input, in: chain.stages.map(\.id), sp, addTo: "chain \"\(chain.id)\"")
                        }
                    }
                }
            }
            if let cycle = templateCycle(chain) {
                let si = chain.stages.firstIndex { $0.id == cycle[0] } ?? 0
                error(RecordPlace(.stage, ci, stage: si, field: "inputs"), "the stage template is not a DAG: cycle " + (cycle + [cycle[0]]).joined(separator: " → "), hint: "stages must feed forward from upstream to downstream; remove one input of the cycle")
            }
        }

        // Firms and organizations share one id space for pairings.
        let resolution = park.resolution
        let firmIndex = resolution.firms.index
        for (fi, firm) in park.firms.enumerated() where !firm.id.isEmpty {
            let place = RecordPlace(.firm, fi, field: "id")
            checkId(firm.id, place)
            if let first = firmIndex[firm.id], Int(first) != fi {
                error(place, "duplicate firm id \"\(firm.id)\" (first at firms[\(first)])", hint: "firm ids must be unique; merge the two rows or rename one")
            }
        }
        var orgIndex: [String: Int] = [:]
        for (oi, org) in park.organizations.enumerated() where !org.id.isEmpty {
            let place = RecordPlace(.organization, oi, field: "id")
            checkId(org.id, place)
            if let first = orgIndex[org.id] {
                error(place, "duplicate organization id \"\(org.id)\" (first at organizations[\(first)])", hint: "organization ids must be unique")
            } else {
                orgIndex[org.id] = oi
            }
            if firmIndex[org.id] != nil {
                error(place, "organization id \"\(org.id)\" is also a firm id", hint: "pairings name firms and organizations by id, so the two must differ; e.g. \"\(org.id)-branch\"")
            }
        }

        // Firms.
        var linked = [Bool](repeating: false, count: park.firms.count)
        for (fi, firm) in park.firms.enumerated() {
            for s in firm.stages where stageChain[s] == nil {
                unknown("stage", s, in: stageChain.keys, RecordPlace(.firm, fi, field: "stages"), addTo: "a chain's stages")
            }
            // Only chain leaders need their chains (most firms lead none: no set to build).
            let firmChains = firm.leads.isEmpty ? [] : Set(firm.stages.compactMap { stageChain[$0] })
            for c in firm.leads {
                if let ci = chainIndex[c] {
                    if !firmChains.contains(ci) {
                        warning(RecordPlace(.firm, fi, field: "leads"), "leads chain \"\(c)\" but has no stage in it", hint: "add the firm's stage in that chain")
                    }
                } else {
                    unknown("chain", c, in: chainIndex.keys, RecordPlace(.firm, fi, field: "leads"), addTo: "chains")
                }
            }
            if firm.stages.isEmpty && firm.inPark {
                warning(RecordPlace(.firm, fi, field: "stages"), "firm \"\(firm.id)\" is in no stage", hint: "give it a stage so it appears in its chain")
            }
            nonNegative(firm.output, RecordPlace(.firm, fi, field: "output"), unit: "output value (RMB)")
            nonNegative(firm.capacity, RecordPlace(.firm, fi, field: "capacity"), unit: "capacity")
            nonNegative(firm.employees.map(Double.init), RecordPlace(.firm, fi, field: "employees"), unit: "a head count", maximum: ParkLimits.maxCount)
            nonNegative(firm.partyMembers.map(Double.init), RecordPlace(.firm, fi, field: "partyMembers"), unit: "a head count", maximum: ParkLimits.maxCount)
            if let org = firm.organization, orgIndex[org] == nil {
                unknown("organization", org, in: orgIndex.keys, RecordPlace(.firm, fi, field: "organization"), addTo: "organizations")
            }
        }

        // Links: references and ranges, one pass.
        var linkIds: [String: Int] = [:]
        var endpoints = [(supplier: Int32, buyer: Int32)](repeating: (-1, -1), count: park.links.count)
        let resolved = (supplier: resolution.linkSupplier, buyer: resolution.linkBuyer)
        for (li, link) in park.links.enumerated() {
            if let id = link.id {
                checkId(id, RecordPlace(.link, li, field: "id"))
                if let first = linkIds[id] {
                    error(RecordPlace(.link, li, field: "id"), "duplicate link id \"\(id)\" (first at links[\(first)])", hint: "link ids must be unique")
                } else {
                    linkIds[id] = li
                }
            }
            let s = resolved.supplier[li] >= 0 ? Int(resolved.supplier[li]) : nil
            let b = resolved.buyer[li] >= 0 ? Int(resolved.buyer[li]) : nil
            if s == nil && !link.supplier.isEmpty {
                unknown("firm", link.supplier, in: firmIndex.keys, RecordPlace(.link, li, field: "supplier"), addTo: "firms")
            }
            if b == nil && !link.buyer.isEmpty {
                unknown("firm", link.buyer, in: firmIndex.keys, RecordPlace(.link, li, field: "buyer"), addTo: "firms")
            }
            if !link.supplier.isEmpty && link.supplier == link.buyer {
                error(RecordPlace(.link, li, field: "buyer"), "firm \"\(link.supplier)\" supplies itself", hint: "a link joins two different firms; remove the row")
            }
            nonNegative(link.value, RecordPlace(.link, li, field: "value"), unit: "link value (RMB)")
            if let share = link.share, !(0...1).contains(share) {
                error(RecordPlace(.link, li, field: "share"), "share \(NumberFormat.shortest(share)) is outside 0–1", hint: "write the share as a fraction, e.g. 0.35 for 35%")
            }
            guard let s, let b else { continue }
            linked[s] = true
            linked[b] = true
            if link.status == .active { endpoints[li] = (Int32(s), Int32(b)) }
        }
        checkBuyerInputs(park, endpoints: endpoints, firmCount: park.firms.count, warning: warning)
        if !park.links.isEmpty {
            for (fi, firm) in park.firms.enumerated() where !linked[fi] && !firm.id.isEmpty {
                warning(RecordPlace(.firm, fi, field: "id"), "firm \"\(firm.id)\" has no supply links", hint: "add its suppliers or buyers, or ignore if it is new")
            }
        }

        // Organizations.
        for (oi, org) in park.organizations.enumerated() {
            if let p = org.parent {
                if p == org.id {
                    error(RecordPlace(.organization, oi, field: "parent"), "organization is its own parent", hint: "remove the parent")
                } else if orgIndex[p] == nil {
                    unknown("organization", p, in: orgIndex.keys, RecordPlace(.organization, oi, field: "parent"), addTo: "organizations")
                }
            }
            if let h = org.hostFirm, firmIndex[h] == nil {
                unknown("firm", h, in: firmIndex.keys, RecordPlace(.organization, oi, field: "hostFirm"), addTo: "firms")
            }
            for m in org.members where firmIndex[m] == nil {
                unknown("firm", m, in: firmIndex.keys, RecordPlace(.organization, oi, field: "members"), addTo: "firms")
            }
            for c in org.chains where chainIndex[c] == nil {
                unknown("chain", c, in: chainIndex.keys, RecordPlace(.organization, oi, field: "chains"), addTo: "chains")
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
                error(RecordPlace(.organization, c, field: "parent"), "parent cycle: " + (names + [names[0]]).joined(separator: " → "), hint: "an organization cannot be its own ancestor")
            }
            for p in path { state[p] = 2 }
        }

        // Pairings.
        var pairingIds: [String: Int] = [:]
        for (pi, pairing) in park.pairings.enumerated() {
            if let id = pairing.id {
                if let first = pairingIds[id] {
                    error(RecordPlace(.pairing, pi, field: "id"), "duplicate pairing id \"\(id)\" (first at pairings[\(first)])", hint: "pairing ids must be unique")
                } else {
                    pairingIds[id] = pi
                }
            }
            for (field, party) in [("a", pairing.a), ("b", pairing.b)] where !party.isEmpty {
                if firmIndex[party] == nil && orgIndex[party] == nil {
                    let few = firmIndex.count + orgIndex.count <= 5000
                    let hint = (few ? Suggest.closest(to: party, in: Array(firmIndex.keys) + Array(orgIndex.keys)) : nil)
                        .map { "did you mean \"\($0)\"?" } ?? "a party is a firm id or an organization id"
                    error(RecordPlace(.pairing, pi, field: field), "unknown party \"\(party)\" (neither a firm nor an organization)", hint: hint)
                }
            }
            if !pairing.a.isEmpty && pairing.a == pairing.b {
                error(RecordPlace(.pairing, pi, field: "b"), "a pairing joins \"\(pairing.a)\" with itself", hint: "name two different parties")
            }
        }

        // Needs.
        var needIds: [String: Int] = [:]
        for (ni, need) in park.needs.enumerated() {
            if !need.id.isEmpty {
                checkId(need.id, RecordPlace(.need, ni, field: "id"))
                if let first = needIds[need.id] {
                    error(RecordPlace(.need, ni, field: "id"), "duplicate need id \"\(need.id)\" (first at needs[\(first)])", hint: "need ids must be unique")
                } else {
                    needIds[need.id] = ni
                }
            }
            if !need.firm.isEmpty && firmIndex[need.firm] == nil {
                unknown("firm", need.firm, in: firmIndex.keys, RecordPlace(.need, ni, field: "firm"), addTo: "firms")
            }
            nonNegative(need.quantity, RecordPlace(.need, ni, field: "quantity"), unit: "a quantity")
        }
        return issues
    }

    /// Per buyer, over its active links in link order: the same supplier and product twice
    /// (a duplicate), and shares of one product adding up to more than 1. Links are grouped by
    /// buyer with a counting sort, so products are compared only within one buyer's inputs
    /// (no park-wide dictionary keyed by product text).
    /// - Complexity: O(links) plus O(d²) per buyer with d ≤ 32 inputs, hashing above that.
    static func checkBuyerInputs(
        _ park: Park, endpoints: [(supplier: Int32, buyer: Int32)], firmCount: Int,
        warning: (RecordPlace, String, String?) -> Void
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
                        "merge the two rows")
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
                        "check the shares of its suppliers")
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
