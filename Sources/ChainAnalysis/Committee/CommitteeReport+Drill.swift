@_spi(Internals) import ChainModel

extension CommitteeReport {
    /// What the drill-down map of one stage shows (a large park's report, where the chain map
    /// shows stages): the stage's firms, largest output first, and its supply summarised by the
    /// partner's stage. Supply means links that are not lost (active or planned).
    public struct StageDrill: Sendable, Equatable {
        /// Suppliers (or buyers) of the stage's firms in one other stage, or outside the park.
        public struct Neighbour: Sendable, Equatable {
            /// The partners' stage (their first stage); nil for partners outside the park.
            public var stage: String?
            /// Links between the stage's firms and these partners.
            public var links: Int
            /// Distinct partner firms.
            public var firms: Int

            public init(stage: String?, links: Int, firms: Int) {
                self.stage = stage
                self.links = links
                self.firms = firms
            }
        }

        /// Links of one drawn firm to one neighbour: a position in ``upstream`` or ``downstream``.
        public struct FirmLinks: Sendable, Equatable {
            public var neighbour: Int
            public var links: Int

            public init(neighbour: Int, links: Int) {
                self.neighbour = neighbour
                self.links = links
            }
        }

        public var stage: String
        /// All firms of the stage (in the park or not).
        public var firmCount: Int
        /// Positions in `park.firms` of the firms drawn: the largest output first (no output
        /// last), ties in file order; at most ``Options/drillFirms``.
        public var firms: [Int]
        /// Where the stage's firms buy: partners grouped by stage (most links first, then
        /// stage order), then the partners outside the park.
        public var upstream: [Neighbour]
        /// Where the stage's firms sell, as ``upstream``.
        public var downstream: [Neighbour]
        /// Links between two firms of this stage.
        public var internalLinks: Int
        /// For each of ``firms``, its links to each upstream neighbour.
        public var firmUpstream: [[FirmLinks]]
        /// For each of ``firms``, its links to each downstream neighbour.
        public var firmDownstream: [[FirmLinks]]
    }

    /// One ``StageDrill`` per stage of the park, in chain and stage order (a stage listed by
    /// two chains once). A partner firm that is in the stage itself counts as an internal
    /// link; a partner in the park counts under its first stage (partners in the park without
    /// a stage are left out); a partner outside the park under "outside".
    ///
    /// - Complexity: O(firms log firms + links × stages per firm + stages²).
    public static func stageDrills(park: Park, firmsPerStage: Int) -> [StageDrill] {
        var stageIndex: [String: Int] = [:]
        var stageIds: [String] = []
        for chain in park.chains {
            for stage in chain.stages where stageIndex[stage.id] == nil {
                stageIndex[stage.id] = stageIds.count
                stageIds.append(stage.id)
            }
        }
        let s = stageIds.count
        guard s > 0 else { return [] }
        // Each firm's stages (known ones), and its group as a partner: its first stage, -1
        // outside the park, -2 in the park without a stage.
        let firmStages: [[Int]] = park.firms.map { firm in
            var out: [Int] = []
            for id in firm.stages { if let k = stageIndex[id], !out.contains(k) { out.append(k) } }
            return out
        }
        let outside = s
        let group: [Int] = park.firms.indices.map { i in
            if !park.firms[i].inPark { return outside }
            return firmStages[i].first ?? -1
        }
        var members = [[Int]](repeating: [], count: s)
        for (i, stages) in firmStages.enumerated() {
            for k in stages { members[k].append(i) }
        }
        // The drawn firms of each stage.
        var drawn = [[Int]](repeating: [], count: s)
        let n = park.firms.count
        let output = park.firms.map { $0.output ?? -1 }
        for k in 0..<s {
            let sorted = members[k].sorted { a, b in output[a] != output[b] ? output[a] > output[b] : a < b }
            drawn[k] = Array(sorted.prefix(max(0, firmsPerStage)))
        }
        // Each firm's suppliers and buyers over the links that are not lost (compressed rows).
        let resolution = park.resolution
        var inStart = [Int](repeating: 0, count: n + 1), outStart = [Int](repeating: 0, count: n + 1)
        let supply = park.links.map { $0.status != .lost }
        for l in supply.indices where supply[l] {
            let a = Int(resolution.linkSupplier[l]), b = Int(resolution.linkBuyer[l])
            guard a >= 0, b >= 0, a != b else { continue }
            inStart[b + 1] += 1
            outStart[a + 1] += 1
        }
        for i in 0..<n {
            inStart[i + 1] += inStart[i]
            outStart[i + 1] += outStart[i]
        }
        var inPartner = [Int](repeating: 0, count: inStart[n]), outPartner = [Int](repeating: 0, count: outStart[n])
        var inFill = inStart, outFill = outStart
        for l in supply.indices where supply[l] {
            let a = Int(resolution.linkSupplier[l]), b = Int(resolution.linkBuyer[l])
            guard a >= 0, b >= 0, a != b else { continue }
            inPartner[inFill[b]] = a
            inFill[b] += 1
            outPartner[outFill[a]] = b
            outFill[a] += 1
        }
        // Per stage and direction: links and distinct partners per group (0..<s a stage, s
        // outside), and the drawn firms' links per group. A partner has one group, so a stamp
        // per partner counts it once.
        let g = s + 1
        var seen = [Int](repeating: -1, count: n)
        var drawnAt = [Int](repeating: -1, count: n), drawnStage = [Int](repeating: -1, count: n)
        var upLinks = [[Int]](), upFirms = [[Int]](), downLinks = [[Int]](), downFirms = [[Int]]()
        var internalLinks = [Int](repeating: 0, count: s)
        var firmUp = [[[Int: Int]]](), firmDown = [[[Int: Int]]]()
        for k in 0..<s {
            for (p, i) in drawn[k].enumerated() {
                drawnAt[i] = p
                drawnStage[i] = k
            }
            for up in [true, false] {
                var links = [Int](repeating: 0, count: g), firms = [Int](repeating: 0, count: g)
                var perFirm = [[Int: Int]](repeating: [:], count: drawn[k].count)
                let stamp = 2 * k + (up ? 0 : 1)
                for firm in members[k] {
                    let range = up ? inStart[firm]..<inStart[firm + 1] : outStart[firm]..<outStart[firm + 1]
                    for e in range {
                        let partner = up ? inPartner[e] : outPartner[e]
                        if firmStages[partner].contains(k) {
                            if up { internalLinks[k] += 1 }  // once, from the buyer's side
                            continue
                        }
                        let q = group[partner]
                        guard q >= 0 else { continue }
                        links[q] += 1
                        if seen[partner] != stamp {
                            seen[partner] = stamp
                            firms[q] += 1
                        }
                        if drawnStage[firm] == k { perFirm[drawnAt[firm]][q, default: 0] += 1 }
                    }
                }
                if up {
                    upLinks.append(links)
                    upFirms.append(firms)
                    firmUp.append(perFirm)
                } else {
                    downLinks.append(links)
                    downFirms.append(firms)
                    firmDown.append(perFirm)
                }
            }
        }
        return (0..<s).map { k in
            func neighbours(_ links: [Int], _ firms: [Int]) -> (list: [StageDrill.Neighbour], index: [Int: Int]) {
                var groups = (0..<s).filter { links[$0] > 0 }
                groups.sort { x, y in links[x] != links[y] ? links[x] > links[y] : x < y }
                if links[outside] > 0 { groups.append(outside) }
                var index: [Int: Int] = [:]
                for (p, q) in groups.enumerated() { index[q] = p }
                let list = groups.map { q in
                    StageDrill.Neighbour(stage: q == outside ? nil : stageIds[q], links: links[q], firms: firms[q])
                }
                return (list, index)
            }
            let up = neighbours(upLinks[k], upFirms[k]), down = neighbours(downLinks[k], downFirms[k])
            func perFirm(_ counts: [[Int: Int]], _ index: [Int: Int]) -> [[StageDrill.FirmLinks]] {
                counts.map { byGroup in
                    byGroup.compactMap { q, links in index[q].map { StageDrill.FirmLinks(neighbour: $0, links: links) }
                    }
                    .sorted { $0.neighbour < $1.neighbour }
                }
            }
            return StageDrill(
                stage: stageIds[k], firmCount: members[k].count, firms: drawn[k], upstream: up.list,
                downstream: down.list, internalLinks: internalLinks[k], firmUpstream: perFirm(firmUp[k], up.index),
                firmDownstream: perFirm(firmDown[k], down.index))
        }
    }
}
