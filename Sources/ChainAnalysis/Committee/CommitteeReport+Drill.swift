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
    /// - Complexity: O(firms log firms + links × stages per firm).
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
        // The drawn firms of each stage and their position among the drawn.
        var drawn = [[Int]](repeating: [], count: s)
        var drawnAt: [Int: Int] = [:]  // (stage * firms + firm) → position in drawn[stage]
        let n = park.firms.count
        for k in 0..<s {
            let sorted = members[k].sorted { a, b in
                let x = park.firms[a].output ?? -1, y = park.firms[b].output ?? -1
                return x != y ? x > y : a < b
            }
            drawn[k] = Array(sorted.prefix(max(0, firmsPerStage)))
            for (p, i) in drawn[k].enumerated() { drawnAt[k * n + i] = p }
        }
        // Counts per (stage, neighbour group): groups 0..<s are stages, s is outside.
        let g = s + 1
        var upLinks = [Int](repeating: 0, count: s * g), downLinks = [Int](repeating: 0, count: s * g)
        var upFirms = Set<Int>(), downFirms = Set<Int>()  // (stage * g + group) * n + partner
        var internalLinks = [Int](repeating: 0, count: s)
        var firmUp = [[Int: Int]](repeating: [:], count: s), firmDown = [[Int: Int]](repeating: [:], count: s)
        // firmUp[k][drawnPosition * g + group] = links
        let resolution = park.resolution
        // The buyer's stages see the supplier upstream; the supplier's stages see the buyer
        // downstream. A link inside a stage is counted once, from the buyer's side.
        func count(_ firm: Int, _ partner: Int, up: Bool) {
            for k in firmStages[firm] {
                if firmStages[partner].contains(k) {
                    if up { internalLinks[k] += 1 }
                    continue
                }
                let p = group[partner]
                guard p >= 0 else { continue }
                let cell = k * g + p
                if up {
                    upLinks[cell] += 1
                    upFirms.insert(cell * n + partner)
                } else {
                    downLinks[cell] += 1
                    downFirms.insert(cell * n + partner)
                }
                if let d = drawnAt[k * n + firm] {
                    if up { firmUp[k][d * g + p, default: 0] += 1 } else { firmDown[k][d * g + p, default: 0] += 1 }
                }
            }
        }
        for (l, link) in park.links.enumerated() where link.status != .lost {
            let a = Int(resolution.linkSupplier[l]), b = Int(resolution.linkBuyer[l])
            guard a >= 0, b >= 0, a != b else { continue }
            count(b, a, up: true)
            count(a, b, up: false)
        }
        var distinctUp = [Int](repeating: 0, count: s * g), distinctDown = [Int](repeating: 0, count: s * g)
        for key in upFirms { distinctUp[key / n] += 1 }
        for key in downFirms { distinctDown[key / n] += 1 }
        return (0..<s).map { k in
            func neighbours(_ links: [Int], _ firms: [Int]) -> (list: [StageDrill.Neighbour], index: [Int: Int]) {
                var groups = (0..<s).filter { links[k * g + $0] > 0 }
                groups.sort { x, y in
                    let a = links[k * g + x], b = links[k * g + y]
                    return a != b ? a > b : x < y
                }
                if links[k * g + outside] > 0 { groups.append(outside) }
                var index: [Int: Int] = [:]
                for (p, q) in groups.enumerated() { index[q] = p }
                let list = groups.map { q in
                    StageDrill.Neighbour(
                        stage: q == outside ? nil : stageIds[q], links: links[k * g + q], firms: firms[k * g + q])
                }
                return (list, index)
            }
            let up = neighbours(upLinks, distinctUp), down = neighbours(downLinks, distinctDown)
            func perFirm(_ counts: [Int: Int], _ index: [Int: Int]) -> [[StageDrill.FirmLinks]] {
                var out = [[StageDrill.FirmLinks]](repeating: [], count: drawn[k].count)
                for (key, links) in counts {
                    let d = key / g, q = key % g
                    if let p = index[q] { out[d].append(StageDrill.FirmLinks(neighbour: p, links: links)) }
                }
                for d in out.indices { out[d].sort { $0.neighbour < $1.neighbour } }
                return out
            }
            return StageDrill(
                stage: stageIds[k], firmCount: members[k].count, firms: drawn[k], upstream: up.list,
                downstream: down.list, internalLinks: internalLinks[k], firmUpstream: perFirm(firmUp[k], up.index),
                firmDownstream: perFirm(firmDown[k], down.index))
        }
    }
}
