@_spi(Internals) import ChainModel

extension ParkDiff {
    /// Coverage rows matched by scope key; rows of the new snapshot in its order, then rows
    /// only the old one has (their `after` counts are zero).
    ///
    /// - Complexity: O(rows).
    static func coverageChanges(_ old: [OrganizationReport.CoverageRow], _ new: [OrganizationReport.CoverageRow])
        -> [CoverageChange]
    {
        func key(_ r: OrganizationReport.CoverageRow) -> String {
            r.scope.rawValue + "|" + (r.chain ?? "") + "|" + (r.stage ?? "")
        }
        func empty(_ r: OrganizationReport.CoverageRow) -> OrganizationReport.CoverageRow {
            var e = r
            e.firms = 0; e.withOrganization = 0; e.workCovered = 0; e.workUnknown = 0; e.standaloneFirms = 0;
            e.jointBranches = 0
            return e
        }
        var oldByKey: [String: Int] = [:]
        for (i, r) in old.enumerated() where oldByKey[key(r)] == nil { oldByKey[key(r)] = i }
        var used = Set<Int>()
        var rows: [CoverageChange] = []
        for r in new {
            let o = oldByKey[key(r)]
            if let o { used.insert(o) }
            rows.append(
                CoverageChange(
                    scope: r.scope, chain: r.chain, chainName: r.chainName, stage: r.stage, stageName: r.stageName,
                    before: o.map { old[$0] } ?? empty(r), after: r))
        }
        for (i, r) in old.enumerated() where !used.contains(i) {
            rows.append(
                CoverageChange(
                    scope: r.scope, chain: r.chain, chainName: r.chainName, stage: r.stage, stageName: r.stageName,
                    before: r, after: empty(r)))
        }
        return rows
    }

    /// Organizations founded and closed, by id; an id with another name and kind changed
    /// meaning (listed, and counted as closed and founded).
    ///
    /// - Complexity: O(organizations), hashing each id once.
    static func organizationChanges(old: Park, new: Park, meaning: inout [MeaningChange]) -> OrganizationChanges {
        func ref(_ o: Organization) -> OrganizationRef {
            OrganizationRef(id: o.id, name: o.name, kind: o.kind, hostFirm: o.hostFirm)
        }
        var oldIndex = [String: Int](minimumCapacity: old.organizations.count)
        for (i, o) in old.organizations.enumerated() where oldIndex[o.id] == nil { oldIndex[o.id] = i }
        var kept = [Bool](repeating: false, count: old.organizations.count)
        var opened: [OrganizationRef] = []
        for o in new.organizations {
            if let i = oldIndex[o.id], !kept[i] {
                let was = old.organizations[i]
                if was.name != o.name && was.kind != o.kind {
                    meaning.append(MeaningChange(kind: .organization, id: o.id, before: was.name, after: o.name))
                } else {
                    kept[i] = true
                    continue
                }
            }
            opened.append(ref(o))
        }
        var closed: [OrganizationRef] = []
        for (i, o) in old.organizations.enumerated() where !kept[i] { closed.append(ref(o)) }
        return OrganizationChanges(opened: opened, closed: closed)
    }

    /// Pairings added and removed (by id, or parties and kind), and the pairings of the new
    /// snapshot whose parties' firms trade over a link that is active now and was not before.
    ///
    /// - Complexity: O(pairings + won links) plus, per pairing, the pairs of its parties'
    ///   firms (at most 100,000 looked at per pairing).
    static func pairingChanges(old: Park, new: Park, newIndex: OrganizationIndex, wonLinks: [Int32]) -> PairingChanges {
        func key(_ p: Pairing) -> String { p.id ?? (p.a + "|" + p.b + "|" + p.kind.rawValue) }
        func ref(_ p: Pairing) -> PairingRef { PairingRef(key: key(p), id: p.id, a: p.a, b: p.b, kind: p.kind) }
        var oldKeys = [String: Int](minimumCapacity: old.pairings.count)
        for (i, p) in old.pairings.enumerated() where oldKeys[key(p)] == nil { oldKeys[key(p)] = i }
        var kept = [Bool](repeating: false, count: old.pairings.count)
        var added: [PairingRef] = []
        for p in new.pairings {
            if let i = oldKeys[key(p)], !kept[i] { kept[i] = true } else { added.append(ref(p)) }
        }
        var removed: [PairingRef] = []
        for (i, p) in old.pairings.enumerated() where !kept[i] { removed.append(ref(p)) }

        // Won links by their two firms (new positions), both directions looked up.
        let res = new.resolution
        var won: [UInt64: [Int32]] = [:]
        for l in wonLinks {
            let s = res.linkSupplier[Int(l)], b = res.linkBuyer[Int(l)]
            guard s >= 0, b >= 0 else { continue }
            won[UInt64(UInt32(s)) << 32 | UInt64(UInt32(b)), default: []].append(l)
        }
        var supply: [PairingSupply] = []
        if !won.isEmpty {
            for p in new.pairings {
                let fa = newIndex.firms(ofParty: p.a), fb = newIndex.firms(ofParty: p.b)
                if fa.isEmpty || fb.isEmpty || fa.count * fb.count > 100_000 { continue }
                var found: [Int32] = []
                for x in fa {
                    for y in fb where x != y {
                        if let l = won[UInt64(UInt32(x)) << 32 | UInt64(UInt32(y))] { found += l }
                        if let l = won[UInt64(UInt32(y)) << 32 | UInt64(UInt32(x))] { found += l }
                    }
                }
                guard !found.isEmpty else { continue }
                found.sort()
                let links = found.map { n in
                    let l = new.links[Int(n)]
                    return LinkChange(
                        id: l.id, supplier: l.supplier, buyer: l.buyer, product: l.product, statusBefore: nil,
                        statusAfter: l.status, valueBefore: nil, valueAfter: l.value)
                }
                supply.append(PairingSupply(pairing: ref(p), links: links))
            }
        }
        return PairingChanges(added: added, removed: removed, turnedIntoSupply: supply)
    }

    /// Findings matched by kind, rule and place (link places by their firms and product, not
    /// by position), each list most at risk first.
    ///
    /// - Complexity: O(findings) hashing plus sorting.
    static func gapChanges(_ old: GapReport, _ new: GapReport) -> GapChanges {
        func place(_ f: GapFinding) -> String {
            let p = f.place
            var parts: [String] = []
            if let c = p.chain { parts.append(c) }
            if let s = p.stage { parts.append(p.inputStage.map { "\(s)<-\($0)" } ?? s) }
            if let firm = p.firm { parts.append(firm) }
            if let l = p.link { parts.append(l.supplier + ">" + l.buyer + (l.product.map { ":" + $0 } ?? "")) }
            return parts.joined(separator: "/")
        }
        func key(_ f: GapFinding) -> String { f.kind.rawValue + "|" + f.rule.rawValue + "|" + place(f) }
        var oldKeys: [String: [Int]] = [:]
        for (i, f) in old.findings.enumerated() { oldKeys[key(f), default: []].append(i) }
        var kept = [Bool](repeating: false, count: old.findings.count)
        var opened: [FindingChange] = [], changed: [FindingChange] = []
        for f in new.findings {
            let k = key(f)
            let o = oldKeys[k]?.first { !kept[$0] }
            guard let o else {
                opened.append(
                    FindingChange(
                        kind: f.kind, rule: f.rule, place: place(f), placeDetail: f.place, levelBefore: nil,
                        levelAfter: f.severity.level, severityBefore: nil, severityAfter: f.severity.value,
                        unit: f.severity.unit, atRiskBefore: nil, atRiskAfter: f.severity.atRisk))
                continue
            }
            kept[o] = true
            let w = old.findings[o]
            if w.severity.level != f.severity.level || !same(w.severity.value, f.severity.value) {
                changed.append(
                    FindingChange(
                        kind: f.kind, rule: f.rule, place: place(f), placeDetail: f.place,
                        levelBefore: w.severity.level, levelAfter: f.severity.level,
                        severityBefore: w.severity.value, severityAfter: f.severity.value, unit: f.severity.unit,
                        atRiskBefore: w.severity.atRisk, atRiskAfter: f.severity.atRisk))
            }
        }
        var closed: [FindingChange] = []
        for (i, w) in old.findings.enumerated() where !kept[i] {
            closed.append(
                FindingChange(
                    kind: w.kind, rule: w.rule, place: place(w), placeDetail: w.place, levelBefore: w.severity.level,
                    levelAfter: nil, severityBefore: w.severity.value, severityAfter: nil, unit: w.severity.unit,
                    atRiskBefore: w.severity.atRisk, atRiskAfter: nil))
        }
        return GapChanges(opened: opened, closed: closed, changed: changed)
    }

    /// Equal up to rounding (relative 1e-9).
    private static func same(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}
