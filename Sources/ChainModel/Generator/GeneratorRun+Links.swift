import Foundation

extension GeneratorRun {
    /// Picks one supplier from `pool` by fitness (binary search in the cumulative weights).
    @inline(__always)
    static func weighted(_ pool: [Int32], _ cum: [Double], _ rng: inout Xoshiro256) -> Int32 {
        guard let total = cum.last else { return -1 }
        let r = rng.unit() * total
        var lo = 0
        var hi = cum.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cum[mid] > r { hi = mid } else { lo = mid + 1 }
        }
        return pool[lo]
    }

    /// Supply links: each buyer (an in-park firm whose stage has inputs) gets about
    /// `linksPerFirm × firms / buyers` links, more for bigger buyers and chain leaders, spread
    /// round-robin over its input stages. Suppliers are drawn by Pareto fitness (a heavy tail),
    /// after a first pass that gives every supplier at least one buyer; about
    /// `nonLocalLinkShare` of the links go to firms outside the park.
    mutating func generateLinks() {
        let thin = self.plan.thin ?? -1
        // Effective inputs of each stage: stages with suppliers, without the thin stage.
        let effective: [[Int]] = stages.indices.map { s in
            stages[s].inputs.filter { $0 != thin && inPool[$0].count + outPool[$0].count > 0 }
        }
        // Thin: its (three) firms each supply one buyer of a consumer stage, round-robin over
        // the consumer stages with firms, so every stage the thin stage feeds gets some
        // in-park supply (one link per consumer stage at least).
        if thin >= 0 {
            thinFirms = inPool[thin].filter { firmStage[Int($0)] == Int32(thin) }
            let consumerPools = stages[thin].consumers.map { c in inPool[c].filter { firmStage[Int($0)] == Int32(c) } }
                .filter { !$0.isEmpty }
            var chosen: [Int32] = []
            let wanted = min(max(thinFirms.count, consumerPools.count), consumerPools.reduce(0) { $0 + $1.count })
            var k = 0
            var attempts = 0
            while chosen.count < wanted && attempts < 64 * max(1, wanted) {
                attempts += 1
                let b = rng.pick(consumerPools[k % consumerPools.count])
                if !chosen.contains(b) {
                    chosen.append(b)
                    k += 1
                }
            }
            thinBuyers = chosen
        }
        // Buyer weights.
        var weight = [Float](repeating: 0, count: n)
        var total = 0.0
        for i in 0..<n where inPark[i] && !effective[Int(firmStage[i])].isEmpty {
            let tier = stages[Int(firmStage[i])].t.tier
            var w = rng.logNormal(median: 1, sigma: 0.5)
            if tier == .downstream { w *= 1.3 }
            if isLeader[i] { w *= 10 }
            weight[i] = Float(w)
            total += w
        }
        let target = options.linksPerFirm * Double(n)
        let plan = planLinkCounts(effective: effective, weight: weight, total: total, target: target)
        links = []
        links.reserveCapacity(plan.counts.count > 0 ? Int(target * 1.08) + n / 10 : 0)
        var cursorIn = [Int](repeating: 0, count: stages.count)
        var cursorOut = [Int](repeating: 0, count: stages.count)
        var chosen: [Int32] = []
        var raw: [Double] = []
        let weak = self.plan.weak ?? -1
        let outsideStage = self.plan.outside ?? -1
        let lostInput = self.plan.lostInput ?? -1
        let lostStage = self.plan.lostStage ?? -1
        let planned = options.plannedShare
        let lostOrPlanned = options.plannedShare + options.lostShare
        let nonLocal = options.nonLocalLinkShare
        for b in 0..<n {
            if b & 0xFFFF == 0 { progress?("links", b, n) }
            if thin >= 0 { addThinLinks(buyer: b, thin: thin) }
            let first = plan.start[b]
            let m = plan.start[b + 1] - first
            guard m > 0 else { continue }
            let inputs = effective[Int(firmStage[b])]
            let budget = output[b] * 0.55 / Double(m)
            for j in 0..<m {
                let s = inputs[j]
                let c = Int(plan.counts[first + j])
                chosen.removeAll(keepingCapacity: true)
                for _ in 0..<c {
                    var attempts = 0
                    while attempts < 24 {
                        attempts += 1
                        // While some supplier has no buyer yet, draw the sub-pool in proportion to
                        // the suppliers still waiting, so both finish together.
                        let waitIn = inPool[s].count - cursorIn[s]
                        let waitOut = outPool[s].count - cursorOut[s]
                        let pOut =
                            waitIn + waitOut > 0
                            ? Double(waitOut) / Double(waitIn + waitOut) : (s == outsideStage ? 0.9 : nonLocal)
                        let useOut = !outPool[s].isEmpty && (inPool[s].isEmpty || rng.unit() < pOut)
                        var candidate: Int32
                        if useOut {
                            if cursorOut[s] < outPool[s].count {
                                candidate = outPool[s][cursorOut[s]]
                                if Int(candidate) != b && !chosen.contains(candidate) {
                                    cursorOut[s] += 1
                                    chosen.append(candidate)
                                    break
                                }
                            }
                            candidate = Self.weighted(outPool[s], outCum[s], &rng)
                        } else {
                            if cursorIn[s] < inPool[s].count {
                                candidate = inPool[s][cursorIn[s]]
                                if Int(candidate) != b && !chosen.contains(candidate) {
                                    cursorIn[s] += 1
                                    chosen.append(candidate)
                                    break
                                }
                            }
                            candidate = Self.weighted(inPool[s], inCum[s], &rng)
                        }
                        if Int(candidate) != b && !chosen.contains(candidate) {
                            chosen.append(candidate)
                            break
                        }
                    }
                }
                let got = chosen.count
                guard got > 0 else { continue }
                // Shares of this input: random split of a coverage below 1, floored to 0.001.
                raw.removeAll(keepingCapacity: true)
                var sum = 0.0
                for _ in 0..<got {
                    let e = -log(1 - rng.unit())
                    raw.append(e)
                    sum += e
                }
                let coverage = min(0.6 + 0.35 * rng.unit(), 1 - 0.001 * Double(got))
                var best = 0
                for q in 0..<got where raw[q] > raw[best] { best = q }
                let product = stages[s].productList[0]
                for q in 0..<got {
                    let supplier = chosen[q]
                    var share: Double? = nil
                    if coverage > 0 {
                        share = max(0.001, ((raw[q] / sum * coverage) * 1000).rounded(.down) / 1000)
                    }
                    let value = share.map { max(1000, (budget * $0 / 1000).rounded() * 1000) }
                    var status = LinkStatus.active
                    if s == lostInput && Int(firmStage[b]) == lostStage {
                        // The planted lost edge: every in-park supply of it lost, outside supply kept.
                        if inPark[Int(supplier)] {
                            status = .lost
                            lostLinkIds.append(links.count)
                        }
                    } else if s != weak {
                        let r = rng.unit()
                        if r < planned { status = .planned } else if r < lostOrPlanned { status = .lost }
                    }
                    links.append(
                        SupplyLink(
                            supplier: ids[Int(supplier)], buyer: ids[b], product: product, value: value, share: share,
                            status: status, primary: q == best && (share ?? 0) >= 0.25))
                }
            }
        }
        anchorOutsideEdges(effective: effective)
        progress?("links", n, n)
    }

    /// The planted weak stage (``GapPlan/outside``): its buyers draw 90 % of their links from
    /// outside firms, so a consumer stage with few in-park buyers (a planted single-firm or
    /// bottleneck stage) often draws no in-park supplier at all — and an edge with no in-park
    /// supply is cut (断链, `no-stage-link`), not weak (docs/GAPS.md). So each consumer stage
    /// whose in-park buyers take the stage as input but got no active in-park link of it gets
    /// one small active link (2 % of the buyer's input) from the stage's first in-park firm to
    /// the buyer with the most active outside supply of it: in-park supply exists, and most of
    /// it still comes from outside. No random draw, so the rest of the park is unchanged.
    mutating func anchorOutsideEdges(effective: [[Int]]) {
        guard let s = plan.outside,
            let supplier = inPool[s].first(where: { firmStage[Int($0)] == Int32(s) }).map(Int.init)
        else { return }
        let sid = ids[supplier]
        let inStage = Set(stages[s].consumers)
        var stageOf: [String: Int] = [:]
        for b in 0..<n
        where inPark[b] && inStage.contains(Int(firmStage[b])) && effective[Int(firmStage[b])].contains(s) {
            stageOf[ids[b]] = b
        }
        var served = Set<Int>()
        var outsideValue: [Int: Double] = [:]
        let product = stages[s].productList[0]
        for l in links where l.status == .active && l.product == product {
            guard let b = stageOf[l.buyer] else { continue }
            guard let f = supplierIndex(l.supplier), Int(firmStage[f]) == s || secondStage[f] == Int32(s) else {
                continue
            }
            if inPark[f] {
                served.insert(Int(firmStage[b]))
            } else {
                outsideValue[b, default: 0] += l.value ?? 0
            }
        }
        for t in stages[s].consumers where !served.contains(t) {
            // The buyer of stage t with the most active outside supply of s (park order on ties).
            var best: Int?
            for (_, b) in stageOf where Int(firmStage[b]) == t && b != supplier {
                let v = outsideValue[b] ?? 0
                if let c = best {
                    let cv = outsideValue[c] ?? 0
                    if v > cv || (v == cv && b < c) { best = b }
                } else {
                    best = b
                }
            }
            guard let b = best, (outsideValue[b] ?? 0) > 0 else { continue }
            let budget = output[b] * 0.55 / Double(max(1, effective[t].count))
            links.append(
                SupplyLink(
                    supplier: sid, buyer: ids[b], product: product,
                    value: max(1000, (budget * 0.02 / 1000).rounded() * 1000), share: 0.02))
        }
    }

    /// The index of firm `id` (`f` followed by its 1-based number), or nil.
    func supplierIndex(_ id: String) -> Int? {
        guard let number = Int(id.dropFirst()), number >= 1, number <= n else { return nil }
        return number - 1
    }

    /// The thin stage's link into `b`, when `b` is one of the chosen thin buyers (the thin
    /// firms taken in turn).
    mutating func addThinLinks(buyer b: Int, thin: Int) {
        guard let t = thinBuyers.firstIndex(of: Int32(b)), !thinFirms.isEmpty else { return }
        let supplier = Int(thinFirms[t % thinFirms.count])
        let id = "l-thin-\(t + 1)"
        thinLinkIds.append(id)
        links.append(
            SupplyLink(
                id: id, supplier: ids[supplier], buyer: ids[b], product: stages[thin].productList[0],
                value: max(1000, (output[supplier] * 0.1 / 1000).rounded() * 1000), share: 0.02))
    }

    /// Per buyer and input stage, how many suppliers it gets (flat, `start[b]..<start[b+1]`
    /// indexing buyer `b`'s effective inputs).
    struct LinkPlan {
        var start: [Int]
        var counts: [Int32]
    }

    /// Plans link counts: about `target × weight / total` per buyer, at least one per input
    /// stage, spread round-robin over the inputs and capped by the pools; then stages whose
    /// suppliers outnumber the planned links get extra links from their buyers, so that every
    /// supplier can be given at least one buyer.
    mutating func planLinkCounts(effective: [[Int]], weight: [Float], total: Double, target: Double) -> LinkPlan {
        var start = [Int](repeating: 0, count: n + 1)
        var counts: [Int32] = []
        counts.reserveCapacity(n * 3)
        var demand = [Int](repeating: 0, count: stages.count)
        let poolSize = stages.indices.map { inPool[$0].count + outPool[$0].count }
        for b in 0..<n {
            start[b] = counts.count
            let w = Double(weight[b])
            guard w > 0 else { continue }
            let inputs = effective[Int(firmStage[b])]
            let m = inputs.count
            let exact = target * w / total
            var k = Int(exact)
            if rng.unit() < exact - Double(k) { k += 1 }
            k = max(k, m)
            let base = k / m
            let extra = k % m
            let offset = rng.below(m)
            let first = counts.count
            var left = 0
            for j in 0..<m {
                let want = base + ((j - offset + m) % m < extra ? 1 : 0)
                let got = min(want, poolSize[inputs[j]])
                counts.append(Int32(got))
                left += want - got
            }
            var j = 0
            var idle = 0
            while left > 0 && idle < m {
                if Int(counts[first + j % m]) < poolSize[inputs[j % m]] {
                    counts[first + j % m] += 1
                    left -= 1
                    idle = 0
                } else {
                    idle += 1
                }
                j += 1
            }
            for j in 0..<m { demand[inputs[j]] += Int(counts[first + j]) }
        }
        start[n] = counts.count
        // Stages with more suppliers than planned links: add links, round-robin over buyers.
        for s in stages.indices {
            let wanted = poolSize[s] + poolSize[s] / 50 + 3
            guard poolSize[s] > 0, demand[s] < wanted else { continue }
            var slots: [Int] = []
            for b in 0..<n where start[b + 1] > start[b] {
                let inputs = effective[Int(firmStage[b])]
                if let j = inputs.firstIndex(of: s) { slots.append(start[b] + j) }
            }
            guard !slots.isEmpty else { continue }
            var deficit = wanted - demand[s]
            var i = rng.below(slots.count)
            var idle = 0
            while deficit > 0 && idle < slots.count {
                let slot = slots[i % slots.count]
                if Int(counts[slot]) < poolSize[s] {
                    counts[slot] += 1
                    deficit -= 1
                    idle = 0
                } else {
                    idle += 1
                }
                i += 1
            }
        }
        return LinkPlan(start: start, counts: counts)
    }
}
