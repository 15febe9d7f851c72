@_spi(Internals) import ChainModel

extension OrganizationReport {
    /// Pairings compared with supply links and needs, strong links without pairing, and
    /// one-to-many parties.
    ///
    /// - Complexity: O(firms + links + needs and their tags + Σ over pairings of the firms
    ///   both sides stand for and those firms' business ties).
    static func pairingReview(_ ix: OrganizationIndex, _ options: OrganizationOptions) -> PairingReview {
        let park = ix.park
        let n = ix.firmCount
        let business = BusinessTies(ix)

        // Pairings with firms on both sides; participation lists per firm.
        var compared = 0
        var notCompared = 0
        var without: [PairingFinding] = []
        var firmStamp = [Int32](repeating: -1, count: n)
        var tagStamp = [Int32](repeating: -1, count: business.tagCount)
        var partOff = [Int32](repeating: 0, count: n + 1)
        var parts: [(firm: Int32, pairing: Int32, side: UInt8)] = []
        for (p, pairing) in park.pairings.enumerated() {
            let a = ix.firms(ofParty: pairing.a)
            let b = ix.firms(ofParty: pairing.b)
            guard !a.isEmpty, !b.isEmpty else { notCompared += 1; continue }
            compared += 1
            let tag = Int32(p)
            for f in a { parts.append((f, tag, 0)) }
            for f in b { parts.append((f, tag, 1)) }
            for f in b { firmStamp[Int(f)] = tag }
            for f in b { for t in business.tags(ofFirm: Int(f)) { tagStamp[Int(t)] = tag } }
            var tied = false
            outer: for f in a {
                if firmStamp[Int(f)] == tag { tied = true; break }
                for m in business.neighbours(ofFirm: Int(f)) where firmStamp[Int(m)] == tag { tied = true; break outer }
                for t in business.tags(ofFirm: Int(f)) where tagStamp[Int(t)] == tag { tied = true; break outer }
            }
            if !tied {
                without.append(
                    PairingFinding(
                        index: p, id: pairing.id, a: pairing.a, aName: ix.name(of: pairing.a), b: pairing.b,
                        bName: ix.name(of: pairing.b), kind: pairing.kind))
            }
        }
        for part in parts { partOff[Int(part.firm) + 1] += 1 }
        for f in 0..<n { partOff[f + 1] += partOff[f] }
        var fill = partOff
        var partVal = [(pairing: Int32, side: UInt8)](repeating: (0, 0), count: parts.count)
        for part in parts {
            partVal[Int(fill[Int(part.firm)])] = (part.pairing, part.side)
            fill[Int(part.firm)] += 1
        }

        // Strong links: active links between two in-park firms that are primary, or among the
        // `strongLinks` most valuable of them.
        let k = max(0, options.strongLinks)
        var top: [Int] = []  // indices, value descending then index
        var strong = [Bool](repeating: false, count: park.links.count)
        var endpoints = [(Int32, Int32)](repeating: (-1, -1), count: park.links.count)
        let resolution = park.resolution
        // Field reads through the buffers: copying a firm or a link per step would retain its
        // arrays and strings, which dominated this pass at ten million links.
        var inPark = [Bool](repeating: false, count: park.firms.count)
        park.firms.withUnsafeBufferPointer { firms in
            for i in firms.indices { inPark[i] = firms[i].inPark }
        }
        // In bounds: l < links.count, the resolution has one supplier and one buyer per link,
        // each -1 or a firm index.
        assert(resolution.linkSupplier.count == park.links.count && resolution.linkBuyer.count == park.links.count)
        let links = park.links
        func value(_ l: Int) -> Double { links.value(at: l) ?? 0 }
        for l in links.indices where links.status(at: l) == .active {
            let s = resolution.linkSupplier[l], b = resolution.linkBuyer[l]
            guard s >= 0, b >= 0, s != b, inPark[Int(s)], inPark[Int(b)] else { continue }
            endpoints[l] = (s, b)
            if links.isPrimary(at: l) { strong[l] = true }
            guard k > 0, let v = links.value(at: l), v > 0 else { continue }
            if top.count == k, let last = top.last, value(last) >= v { continue }
            var pos = top.count
            while pos > 0, value(top[pos - 1]) < v { pos -= 1 }
            top.insert(l, at: pos)
            if top.count > k { top.removeLast() }
        }
        for l in top { strong[l] = true }
        var pairStamp = [Int32](repeating: -1, count: park.pairings.count)
        var pairSide = [UInt8](repeating: 0, count: park.pairings.count)
        var unpaired: [Int] = []
        for l in 0..<park.links.count where strong[l] {
            let (s, b) = endpoints[l]
            let tag = Int32(l)
            for e in partOff[Int(s)]..<partOff[Int(s) + 1] {
                let (p, side) = partVal[Int(e)]
                if pairStamp[Int(p)] == tag {
                    pairSide[Int(p)] |= side == 0 ? 1 : 2
                } else {
                    pairStamp[Int(p)] = tag; pairSide[Int(p)] = side == 0 ? 1 : 2
                }
            }
            var paired = false
            for e in partOff[Int(b)]..<partOff[Int(b) + 1] {
                let (p, side) = partVal[Int(e)]
                guard pairStamp[Int(p)] == tag else { continue }
                // The supplier on one side and the buyer on the other.
                if pairSide[Int(p)] & (side == 0 ? 2 : 1) != 0 { paired = true; break }
            }
            if !paired { unpaired.append(l) }
        }
        // Value descending, then link index: a total order, so sorting (value, index) pairs
        // gathered once gives the order the comparator on the links gave, without reading a
        // link record per comparison (600,000 unpaired links at 1M firms).
        var keyed = unpaired.map { (value: links.value(at: $0) ?? -1, link: $0) }
        keyed.sort { x, y in x.value != y.value ? x.value > y.value : x.link < y.link }
        unpaired = keyed.map(\.link)
        let strongFindings = unpaired.map { l in
            LinkFinding(
                index: l, id: links.id(at: l), supplier: ix.firmRef(Int(endpoints[l].0)),
                buyer: ix.firmRef(Int(endpoints[l].1)), product: links.product(at: l), value: links.value(at: l),
                primary: links.isPrimary(at: l))
        }

        // One-to-many parties.
        var byParty: [String: [Int32]] = [:]
        for (i, p) in park.pairings.enumerated() {
            byParty[p.a, default: []].append(Int32(i))
            if p.b != p.a { byParty[p.b, default: []].append(Int32(i)) }
        }
        let minimum = max(1, options.oneToMany)
        var many = byParty.filter { $0.value.count >= minimum }.map { ($0.key, $0.value) }
        many.sort { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : $0.0 < $1.0 }
        var summaries: [PartySummary] = []
        for (party, list) in many {
            var kinds = [Int](repeating: 0, count: PairingKind.allCases.count)
            var outcomes: [String] = []
            for i in list {
                let p = park.pairings[Int(i)]
                if let k = PairingKind.allCases.firstIndex(of: p.kind) { kinds[k] += 1 }
                if let o = p.outcome, outcomes.count < 5, !outcomes.contains(o) { outcomes.append(o) }
            }
            let byKind = PairingKind.allCases.enumerated().compactMap { i, kind in
                kinds[i] > 0 ? KindCount(kind: kind, count: kinds[i]) : nil
            }
            summaries.append(
                PartySummary(
                    party: party, name: ix.name(of: party), isFirm: ix.firmIndex[party] != nil, pairings: list.count,
                    byKind: byKind, outcomes: outcomes))
        }
        return PairingReview(
            compared: compared, notCompared: notCompared, withoutBusiness: without,
            strongLinksWithoutPairing: strongFindings, oneToMany: summaries)
    }
}

/// Business ties between firms: supply links (active or planned, either direction), needs
/// answered by a firm's organization, and need tags (lower-cased) per firm.
struct BusinessTies {
    let adjOffsets: [Int32]
    let adjValues: [Int32]
    let tagOffsets: [Int32]
    let tagValues: [Int32]
    let tagCount: Int

    init(_ ix: OrganizationIndex) {
        let park = ix.park
        let n = ix.firmCount
        var edges: [(Int32, Int32)] = []
        edges.reserveCapacity(park.links.count)
        let resolution = park.resolution
        let links = park.links
        for l in links.indices {
            let s = resolution.linkSupplier[l], b = resolution.linkBuyer[l]
            if links.status(at: l) != .lost, s >= 0, b >= 0, s != b { edges.append((s, b)) }
        }
        var tagIds: [String: Int32] = [:]
        var firmTags: [(Int32, Int32)] = []
        for need in park.needs {
            guard let f = ix.firmIndex[need.firm] else { continue }
            if let r = need.responder, let o = ix.orgIndex[r], park.organizations[Int(o)].kind.isFirmLevel {
                for g in ix.firms(ofOrganization: Int(o)) where g != f { edges.append((f, g)) }
            }
            for t in need.tags {
                let key = t.lowercased()
                let id: Int32
                if let known = tagIds[key] { id = known } else { id = Int32(tagIds.count); tagIds[key] = id }
                firmTags.append((f, id))
            }
        }
        tagCount = tagIds.count
        (adjOffsets, adjValues) = Self.csr(n, edges, symmetric: true)
        (tagOffsets, tagValues) = Self.csr(n, firmTags, symmetric: false)
    }

    private static func csr(_ n: Int, _ pairs: [(Int32, Int32)], symmetric: Bool) -> ([Int32], [Int32]) {
        var off = [Int32](repeating: 0, count: n + 1)
        for (u, v) in pairs {
            off[Int(u) + 1] += 1
            if symmetric { off[Int(v) + 1] += 1 }
        }
        for i in 0..<n { off[i + 1] += off[i] }
        var fill = off
        var vals = [Int32](repeating: 0, count: Int(off[n]))
        // In bounds: every u, v is a node below n (callers pass pairs of node indexes); the
        // counts above give each node exactly as many slots as the loop fills, so
        // fill[x] < off[x + 1] <= vals.count.
        assert(pairs.allSatisfy { $0.0 >= 0 && Int($0.0) < n && $0.1 >= 0 && Int($0.1) < n })
        vals.withUnsafeMutableBufferPointer { out in
            for (u, v) in pairs {
                out[Int(fill[Int(u)])] = v
                fill[Int(u)] += 1
                if symmetric {
                    out[Int(fill[Int(v)])] = u
                    fill[Int(v)] += 1
                }
            }
        }
        return (off, vals)
    }

    func neighbours(ofFirm f: Int) -> ArraySlice<Int32> { adjValues[Int(adjOffsets[f])..<Int(adjOffsets[f + 1])] }
    func tags(ofFirm f: Int) -> ArraySlice<Int32> { tagValues[Int(tagOffsets[f])..<Int(tagOffsets[f + 1])] }
}
