import ChainModel

extension OrganizationReport {
    /// The key of the rows for firms without chain and needs without responder.
    public static let none = "(none)"

    /// The needs list counted by status, kind, chain and responder, with ages at the park's
    /// data date; the resources and project lists checked against it (三张清单).
    ///
    /// - Complexity: O(needs + resources' and projects' need references + firms' chain
    ///   references) expected, plus sorting responders, ages and open needs.
    static func needsSummary(_ ix: OrganizationIndex, _ options: OrganizationOptions) -> NeedsSummary {
        let park = ix.park
        let asOf = park.dataDay
        let overdueDays = options.effectiveOverdueDays
        // Ageing of a row: days to solve of its dated solved needs, ages of its open ones.
        var solveDays: [[Int]] = []
        func newRow(_ key: String, _ name: String?) -> NeedRow {
            solveDays.append([])
            return NeedRow(key: key, name: name, open: 0, inProgress: 0, solved: 0, slot: solveDays.count - 1)
        }
        func tally(_ row: inout NeedRow, _ need: Need, age: Int?, toSolve: Int?) {
            switch need.status {
            case .open: row.open += 1
            case .inProgress: row.inProgress += 1
            case .solved: row.solved += 1
            }
            if let age {
                row.oldestOpenDays = max(row.oldestOpenDays ?? 0, age)
                if age > overdueDays { row.overdue += 1 }
            }
            if let toSolve { solveDays[row.slot].append(toSolve) }
        }
        var total = newRow("all", nil)
        var kinds = NeedKind.allCases.map { newRow($0.rawValue, nil) }
        var chains = park.chains.map { newRow($0.id, $0.name) }
        var noChain = newRow(Self.none, nil)
        var responders: [NeedRow] = []
        var responderSlot: [String: Int] = [:]
        var firmSeen = [Bool](repeating: false, count: ix.firmCount)
        var firmsWithNeeds = 0
        var unknownFirms = Set<String>()
        var orphans: [NeedRef] = []
        var openNeeds: [AgedNeed] = []

        // Needs some resource or project names, and resources a project with needs uses.
        var named = Set<String>()
        for r in park.resources { named.formUnion(r.needs) }
        var usedByProjectWithNeeds = Set<String>()
        for p in park.projects {
            named.formUnion(p.needs)
            if !p.needs.isEmpty { usedByProjectWithNeeds.formUnion(p.resources) }
        }
        var withoutAction: [NeedRef] = []

        for need in park.needs {
            let raised = need.raisedDay
            let unsolved = need.status != .solved
            let age: Int? = unsolved ? raised.flatMap { r in asOf.map { r.days(to: $0) } } : nil
            let toSolve: Int? =
                need.status == .solved ? raised.flatMap { r in need.solvedDay.map { r.days(to: $0) } } : nil
            tally(&total, need, age: age, toSolve: toSolve)
            if let k = NeedKind.allCases.firstIndex(of: need.kind) {
                tally(&kinds[k], need, age: age, toSolve: toSolve)
            }
            let f = ix.firmIndex[need.firm].map(Int.init)
            if let f {
                if !firmSeen[f] { firmSeen[f] = true; firmsWithNeeds += 1 }
                let cs = ix.chains(ofFirm: f)
                if cs.isEmpty { tally(&noChain, need, age: age, toSolve: toSolve) }
                for c in cs { tally(&chains[Int(c)], need, age: age, toSolve: toSolve) }
            } else {
                if unknownFirms.insert(need.firm).inserted { firmsWithNeeds += 1 }
                tally(&noChain, need, age: age, toSolve: toSolve)
            }
            let responder = need.responder.flatMap { $0.isEmpty ? nil : $0 }
            let key = responder ?? Self.none
            let slot: Int
            if let s = responderSlot[key] {
                slot = s
            } else {
                slot = responders.count
                responderSlot[key] = slot
                responders.append(newRow(key, responder.map { ix.name(of: $0) }))
            }
            tally(&responders[slot], need, age: age, toSolve: toSolve)
            let firm = f.map { ix.firmRef($0) } ?? FirmRef(id: need.firm, name: need.firm)
            let ref = NeedRef(id: need.id, firm: firm, kind: need.kind, text: need.text)
            if need.status == .open, responder == nil { orphans.append(ref) }
            if unsolved {
                openNeeds.append(
                    AgedNeed(
                        id: need.id, firm: firm, kind: need.kind, status: need.status, responder: responder,
                        responderName: responder.map { ix.name(of: $0) },
                        raised: raised?.description, ageDays: age, overdue: age.map { $0 > overdueDays } ?? false,
                        text: need.text))
                if !named.contains(need.id) { withoutAction.append(ref) }
            }
        }
        func finish(_ row: inout NeedRow) {
            row.solvedWithDates = solveDays[row.slot].count
            row.medianDaysToSolve = Self.median(solveDays[row.slot])
        }
        finish(&total)
        for i in kinds.indices { finish(&kinds[i]) }
        for i in chains.indices { finish(&chains[i]) }
        finish(&noChain)
        for i in responders.indices { finish(&responders[i]) }
        responders.sort { $0.total != $1.total ? $0.total > $1.total : $0.key < $1.key }
        if noChain.total > 0 { chains.append(noChain) }
        // Oldest first; undated last, by id.
        openNeeds.sort { a, b in
            switch (a.ageDays, b.ageDays) {
            case (let x?, let y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: a.id < b.id
            }
        }
        let idle = park.resources.filter { $0.needs.isEmpty && !usedByProjectWithNeeds.contains($0.id) }
            .map { ResourceRef(id: $0.id, name: $0.name, department: $0.department) }
        return NeedsSummary(
            asOf: asOf?.description, overdueDays: overdueDays,
            total: total, firmsWithNeeds: firmsWithNeeds, byKind: kinds.filter { $0.total > 0 },
            byChain: chains, byResponder: responders, openWithoutResponder: orphans, openNeeds: openNeeds,
            overdue: openNeeds.lazy.filter(\.overdue).count,
            undatedOpen: openNeeds.lazy.filter { $0.ageDays == nil }.count,
            resources: park.resources.count, projects: park.projects.count,
            resourcesWithoutNeed: idle, needsWithoutAction: withoutAction)
    }

    /// The median of `values` (the mean of the middle two for an even count), nil when empty.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? Double(s[m]) : Double(s[m - 1] + s[m]) / 2
    }
}
