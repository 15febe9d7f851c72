import Foundation

/// One run of ``ParkGenerator``: the state shared by its phases (layout, firms, links,
/// organizations, pairings, needs, gaps). Firms are indexed `0..<n`; id `f0000001` is index 0.
/// Every random draw comes from one ``Xoshiro256`` in a fixed order.
struct GeneratorRun {
    /// A stage of the generated park, with its template and graph neighbours (global indices).
    struct StageInfo {
        var chain: Int
        var t: ChainTemplate.StageTemplate
        var inputs: [Int] = []
        var consumers: [Int] = []
        /// Shared single-element arrays, so that a million firms share a few buffers.
        var idList: [String]
        var productList: [String]
        var capabilityLists: [[String]]
    }

    /// Which stages carry a planted gap.
    struct GapPlan {
        var broken: Int?
        var weak: Int?
        var thin: Int?
        var shortChain: Int?
        var shortEmpty: [Int] = []
        var shortOutside: [Int] = []
        /// 弱链: a stage with two in-park firms whose buyers get most of its product from outside.
        var outside: Int?
        /// 断链 by loss: the template edge (input stage, buyer stage) whose in-park links are all lost.
        var lostInput: Int?
        var lostStage: Int?

        func isFixed(_ s: Int) -> Bool {
            s == broken || s == weak || s == thin || shortEmpty.contains(s)
        }
    }

    let options: ParkGenerator.Options
    let templates: [ChainTemplate]
    let progress: ((String, Int, Int) -> Void)?
    var rng: Xoshiro256
    let n: Int

    var stages: [StageInfo] = []
    var plan = GapPlan()
    var inCount: [Int] = []
    var outCount: [Int] = []

    // Per firm.
    var firmStage: [Int32] = []
    var secondStage: [Int32] = []
    var inPark: [Bool] = []
    var isLeader: [Bool] = []
    var fitness: [Double] = []
    var output: [Double] = []
    var employees: [Int] = []
    var capacity: [Double] = []
    var partyMembers: [Int] = []
    var firmOrg: [Int32] = []
    var ids: [String] = []
    var zoneOf: [UInt16] = []
    var zoneNames: [String] = []
    /// Whether organization work reaches a firm without an organization (instructors).
    var workReached: [Bool] = []
    var names: [String] = []

    // Per stage: supplier pools (in and outside the park) with cumulative fitness.
    var inPool: [[Int32]] = []
    var outPool: [[Int32]] = []
    var inCum: [[Double]] = []
    var outCum: [[Double]] = []

    var leaders: [[Int32]] = []
    var links = LinkTable()
    var organizations: [Organization] = []
    var pairings: [Pairing] = []
    var needs: [Need] = []
    var gaps: [PlantedGap] = []
    var thinLinkIds: [String] = []
    var thinBuyers: [Int32] = []
    var thinFirms: [Int32] = []
    /// Indices in ``links`` of the planted lost edge's links.
    var lostLinkIds: [Int] = []

    init(options: ParkGenerator.Options, templates: [ChainTemplate], progress: ((String, Int, Int) -> Void)?) {
        self.options = options
        self.templates = templates
        self.progress = progress
        self.rng = Xoshiro256(seed: options.seed)
        self.n = options.firms
    }

    mutating func run() -> ParkGenerator.Result {
        buildStages()
        if options.plantGaps { planGaps() }
        allocate()
        layOutFirms()
        pickLeadersAndSecondStages()
        sizeFirms()
        buildPools()
        generateLinks()
        buildOrganizations()
        buildPairings()
        buildNeeds()
        if options.plantGaps { recordGaps() }
        let firms = materializeFirms()
        let park = Park(
            id: "gen-s\(options.seed)-n\(n)",
            name: "合成产业园区(\(n)家企业, seed \(options.seed))",
            region: "合成数据",
            dataDate: "2024-06",
            source: "chainmap generate --firms \(n) --seed \(options.seed)"
                + (options.chains == ChainTemplate.names ? "" : " --chains " + options.chains.joined(separator: ","))
                + (options.plantGaps ? " --plant-gaps" : ""),
            note:
                "Synthetic park from ChainMap's seeded generator: chains follow the bundled samples' templates; firms, links, organizations, pairings and needs are made up.",
            chains: templates.map(\.chain), firms: firms, links: links, organizations: organizations,
            pairings: pairings, needs: needs)
        return ParkGenerator.Result(park: park, gaps: gaps)
    }

    // MARK: Stages and gap plan

    mutating func buildStages() {
        for (ci, t) in templates.enumerated() {
            let base = stages.count
            for st in t.stages {
                stages.append(
                    StageInfo(
                        chain: ci, t: st, idList: [st.id],
                        productList: st.products.first == st.product ? st.products : [st.product],
                        capabilityLists: st.capabilities.map { [$0] }))
            }
            for k in 0..<t.stages.count {
                stages[base + k].inputs = t.stages[k].inputs.compactMap { input in
                    t.stages.firstIndex { $0.id == input }.map { base + $0 }
                }
            }
        }
        for s in stages.indices {
            for i in stages[s].inputs { stages[i].consumers.append(s) }
        }
    }

    func stagesOf(chain c: Int) -> [Int] { stages.indices.filter { stages[$0].chain == c } }

    /// Chooses the stages of each gap: broken, weak and thin in required stages that feed
    /// others (midstream first); short in the fourth chain (or the last one).
    mutating func planGaps() {
        let chainCount = templates.count
        var used: [Int] = []
        // Stages that stay in the park (not moved outside by a short chain): the inputs of the
        // broken stage and the ends of the lost edge, so those gaps sit between in-park stages.
        var keep: [Int] = []
        func choose(chain c: Int, needRedundantConsumers: Bool) -> Int? {
            // Some consumer keeps its firms (is not the broken stage), so the gap has buyers.
            let all = stagesOf(chain: c).filter {
                stages[$0].t.required && stages[$0].consumers.contains { $0 != plan.broken }
                    && stages[$0].t.tier != .downstream
                    && !used.contains($0)
            }
            // Emptying or thinning the stage must leave its consumers other inputs, and its
            // input stages other consumers (or inputs of their own), so no firm is left unlinked.
            let good = all.filter { s in
                !needRedundantConsumers
                    || (stages[s].consumers.allSatisfy { stages[$0].inputs.count >= 2 }
                        && stages[s].inputs.allSatisfy { stages[$0].consumers.count >= 2 || !stages[$0].inputs.isEmpty })
            }
            for pool in [good.filter { stages[$0].t.tier == .midstream }, good, all] where !pool.isEmpty {
                let s = rng.pick(pool)
                used.append(s)
                return s
            }
            return nil
        }
        // Broken: a mid-chain stage — midstream, or else upstream with inputs of its own that
        // stay in the park — so the chain is cut between in-park stages (docs/GAPS.md).
        func chooseBroken(chain c: Int) -> Int? {
            let all = stagesOf(chain: c).filter {
                stages[$0].t.required && stages[$0].consumers.contains { stages[$0].t.required }
                    && stages[$0].t.tier != .downstream
                    && !used.contains($0)
            }
            let good = all.filter { s in
                stages[s].consumers.allSatisfy { stages[$0].inputs.count >= 2 }
                    && stages[s].inputs.allSatisfy { stages[$0].consumers.count >= 2 || !stages[$0].inputs.isEmpty }
            }
            let midAll = all.filter { stages[$0].t.tier == .midstream }
            let midGood = good.filter { stages[$0].t.tier == .midstream }
            let fedAll = all.filter { !stages[$0].inputs.isEmpty }
            let fedGood = good.filter { !stages[$0].inputs.isEmpty }
            for pool in [midGood, midAll, fedGood, fedAll] where !pool.isEmpty {
                let s = rng.pick(pool)
                used.append(s)
                keep += stages[s].inputs
                return s
            }
            return nil
        }
        plan.broken = chooseBroken(chain: 0)
        plan.weak = choose(chain: 1 % chainCount, needRedundantConsumers: false)
        plan.thin = choose(chain: 2 % chainCount, needRedundantConsumers: true)
        // Weak: a required stage with in-park buyers in the chain after the thin one.
        let weakChain = 2 % chainCount
        let outsidePool = stagesOf(chain: weakChain).filter {
            stages[$0].t.required && stages[$0].consumers.contains { !used.contains($0) && stages[$0].t.required }
                && !used.contains($0)
        }
        if !outsidePool.isEmpty {
            let s = rng.pick(outsidePool)
            plan.outside = s
            used.append(s)
        }
        // Lost: an edge into a required stage with at least two inputs, both ends free.
        var edges: [(Int, Int)] = []
        for c in 0..<chainCount {
            for t in stagesOf(chain: c)
            where stages[t].t.required && stages[t].inputs.count >= 2 && t != plan.broken && t != plan.thin {
                for i in stages[t].inputs where !used.contains(i) && stages[i].t.required { edges.append((i, t)) }
            }
            if !edges.isEmpty { break }
        }
        if !edges.isEmpty {
            let (i, t) = rng.pick(edges)
            plan.lostInput = i
            plan.lostStage = t
            used.append(i)
            keep += [i, t]
        }
        let sc = 3 % chainCount
        plan.shortChain = sc
        for s in stagesOf(chain: sc) where !used.contains(s) && !keep.contains(s) {
            if !stages[s].t.required {
                plan.shortEmpty.append(s)
            } else if stages[s].t.tier == .upstream
                && stages[s].inputs.allSatisfy({ plan.shortOutside.contains($0) || plan.shortEmpty.contains($0) })
            {
                // The chain starts after its upstream: only stages whose own inputs are gone
                // too (an upstream stage fed by an in-park one would be a cut, 断链).
                plan.shortOutside.append(s)
            }
        }
    }

    // MARK: Firm counts

    /// Splits `total` by `weights` (largest remainder, ties to the lower index), each part at
    /// least `minimum` when the total allows.
    static func split(_ total: Int, weights: [Double], minimum: Int) -> [Int] {
        let k = weights.count
        guard k > 0, total > 0 else { return [Int](repeating: 0, count: k) }
        let floorMin = min(minimum, total / k)
        var parts = [Int](repeating: floorMin, count: k)
        let rest = total - floorMin * k
        let sum = weights.reduce(0, +)
        guard sum > 0 else {
            for i in 0..<rest { parts[i % k] += 1 }
            return parts
        }
        var fractions: [(Double, Int)] = []
        var given = 0
        for i in 0..<k {
            let q = Double(rest) * weights[i] / sum
            let f = Int(q.rounded(.down))
            parts[i] += f
            given += f
            fractions.append((q - Double(f), i))
        }
        fractions.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        var j = 0
        while given < rest {
            parts[fractions[j % k].1] += 1
            given += 1
            j += 1
        }
        return parts
    }

    mutating func allocate() {
        inCount = [Int](repeating: 0, count: stages.count)
        outCount = [Int](repeating: 0, count: stages.count)
        let outTotal = Int((Double(n) * options.outsideShare).rounded())
        let chainIn = Self.split(n - outTotal, weights: templates.map(\.weight), minimum: 0)
        for c in templates.indices {
            let own = stagesOf(chain: c)
            var fixed = 0
            if let w = plan.weak, own.contains(w) { inCount[w] = 1; fixed += 1 }
            if let t = plan.thin, own.contains(t) { inCount[t] = 3; fixed += 3 }
            let free = own.filter { !plan.isFixed($0) }
            let parts = Self.split(max(0, chainIn[c] - fixed), weights: free.map { stages[$0].t.weight }, minimum: 2)
            for (k, s) in free.enumerated() { inCount[s] = parts[k] }
        }
        for s in plan.shortOutside {
            outCount[s] += inCount[s]
            inCount[s] = 0
        }
        if let s = plan.outside, inCount[s] > 2 {
            outCount[s] += inCount[s] - 2
            inCount[s] = 2
        }
        // Outside suppliers only where some consumer stage will have buyers.
        let eligible = stages.indices.filter { s in
            !plan.isFixed(s) && stages[s].consumers.contains { $0 != plan.broken && !plan.shortEmpty.contains($0) }
        }
        let parts = Self.split(
            outTotal, weights: eligible.map { stages[$0].t.tier == .upstream ? 2.0 : 1.0 }, minimum: 0)
        for (k, s) in eligible.enumerated() { outCount[s] += parts[k] }
    }

    /// Assigns each firm index a stage and an in/out flag, shuffled so ids do not follow stages.
    mutating func layOutFirms() {
        var layout: [UInt32] = []
        layout.reserveCapacity(n)
        for s in stages.indices {
            for _ in 0..<inCount[s] { layout.append(UInt32(s) << 1) }
            for _ in 0..<outCount[s] { layout.append(UInt32(s) << 1 | 1) }
        }
        assert(layout.count == n)
        rng.shuffle(&layout)
        firmStage = layout.map { Int32($0 >> 1) }
        inPark = layout.map { $0 & 1 == 0 }
        let width = max(7, String(n).count)
        ids = (0..<n).map { Self.code("f", $0 + 1, width: width) }
    }

    /// `prefix` followed by `number` zero-padded to `width` digits (an ASCII small string).
    static func code(_ prefix: Character, _ number: Int, width: Int) -> String {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width + 1)
        digits[0] = UInt8(ascii: prefix.asciiValue.map { Unicode.Scalar($0) } ?? "x")
        var v = number
        var i = width
        while v > 0 && i > 0 {
            digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        return String(decoding: digits, as: UTF8.self)
    }

    mutating func pickLeadersAndSecondStages() {
        isLeader = [Bool](repeating: false, count: n)
        leaders = Array(repeating: [], count: templates.count)
        for (c, t) in templates.enumerated() {
            guard let ls = stages.firstIndex(where: { $0.t.id == t.leaderStage }) else { continue }
            let chainFirms = stagesOf(chain: c).reduce(0) { $0 + inCount[$1] }
            let wanted = min(5, max(1, Int(log10(Double(max(chainFirms, 1)))) - 1))
            var i = 0
            while i < n && leaders[c].count < wanted {
                if firmStage[i] == ls && inPark[i] {
                    leaders[c].append(Int32(i))
                    isLeader[i] = true
                }
                i += 1
            }
        }
        secondStage = [Int32](repeating: -1, count: n)
        guard templates.count > 1 else { return }
        let free = stages.indices.map { s in
            !plan.isFixed(s) && !plan.shortOutside.contains(s) && stages[s].chain != plan.shortChain
                && s != plan.outside
        }
        for i in 0..<n where inPark[i] && !isLeader[i] && !plan.isFixed(Int(firmStage[i])) {
            guard rng.chance(0.03) else { continue }
            let s = Int(firmStage[i])
            let options = stages.indices.filter {
                free[$0] && stages[$0].chain != stages[s].chain && stages[$0].t.tier == stages[s].t.tier
            }
            if options.isEmpty { continue }
            secondStage[i] = Int32(rng.pick(options))
        }
    }

    /// Fitness (Pareto), output (log-normal, RMB), employees, capacity, party members, names.
    mutating func sizeFirms() {
        fitness = [Double](repeating: 1, count: n)
        output = [Double](repeating: 0, count: n)
        employees = [Int](repeating: 0, count: n)
        capacity = [Double](repeating: 0, count: n)
        partyMembers = [Int](repeating: 0, count: n)
        names = []
        names.reserveCapacity(n)
        for i in 0..<n {
            let s = Int(firmStage[i])
            let t = stages[s].t
            let f = rng.pareto(alpha: 1.2)
            fitness[i] = f
            let median: Double
            switch t.tier {
            case .upstream: median = 3e7
            case .midstream: median = 5e7
            case .downstream: median = 7e7
            }
            var out: Double
            if isLeader[i] {
                out = rng.logNormal(median: 8e9, sigma: 0.5)
            } else if !inPark[i] {
                out = rng.logNormal(median: 1.5e8, sigma: 1.0) * pow(f, 0.5)
            } else {
                out = rng.logNormal(median: median, sigma: 0.9) * pow(f, 0.6)
            }
            if s == plan.thin { out = min(out, 8e6) }
            out = max(1e6, (out / 1e4).rounded() * 1e4)
            output[i] = out
            let emp = max(5, Int((out / 8e5 * rng.logNormal(median: 1, sigma: 0.3)).rounded()))
            employees[i] = emp
            capacity[i] = max(1, (out / t.unitValue * (0.9 + 0.4 * rng.unit())).rounded())
            if inPark[i] {
                if isLeader[i] {
                    partyMembers[i] = max(60, emp / 25)
                } else {
                    let r = rng.unit()
                    if r < 0.45 {
                        partyMembers[i] = 0
                    } else if r < 0.67 {
                        partyMembers[i] = 1
                    } else if r < 0.79 {
                        partyMembers[i] = 2
                    } else {
                        partyMembers[i] = 3 + Int(Double(emp) * 0.03 * rng.unit())
                    }
                }
            }
            names.append(NameMaker.name(words: t.words, rng: &rng))
        }
    }

    mutating func buildPools() {
        inPool = Array(repeating: [], count: stages.count)
        outPool = Array(repeating: [], count: stages.count)
        for s in stages.indices {
            inPool[s].reserveCapacity(inCount[s])
            outPool[s].reserveCapacity(outCount[s])
        }
        for i in 0..<n {
            let s = Int(firmStage[i])
            if inPark[i] { inPool[s].append(Int32(i)) } else { outPool[s].append(Int32(i)) }
            let s2 = secondStage[i]
            if s2 >= 0 { inPool[Int(s2)].append(Int32(i)) }
        }
        func cumulative(_ pool: [Int32]) -> [Double] {
            var acc = 0.0
            return pool.map {
                acc += fitness[Int($0)]; return acc
            }
        }
        inCum = inPool.map(cumulative)
        outCum = outPool.map(cumulative)
    }
}
