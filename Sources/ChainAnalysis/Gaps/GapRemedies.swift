import ChainModel

/// Who could fill a gap: in-park firms by stage and by product (largest output first), and
/// outside candidates (from `--candidates`) by stage id and product.
///
/// - Complexity: building O(firms + product references + stage references) with hashing and a
///   sort of each stage's and product's firms; each query O(n + excluded) for n names.
struct GapRemedies: Sendable {
    let index: ChainIndex
    /// In-park firms of each stage, output descending then park order (CSR).
    let stageFirmOffsets: [Int32]
    let stageFirmValues: [Int32]
    /// In-park firms making each product, output descending then park order.
    let productFirms: [String: [Int32]]
    let candidates: [Firm]
    let limit: Int
    /// The matching index of the park and the candidates as a park borrowing its chains, when
    /// there are candidates: outside firms for a stage are ranked by
    /// ``MatchIndex/stageCandidates(stage:outside:top:)``, the ranking `match stage` prints.
    let match: MatchIndex?
    let candidatePark: Park?

    init(index: ChainIndex, candidates: [Firm], limit: Int, vocabulary: MatchVocabulary = .standard) {
        self.index = index
        self.candidates = candidates
        self.limit = max(0, limit)
        if candidates.isEmpty {
            match = nil
            candidatePark = nil
        } else {
            match = MatchIndex(park: index.park, vocabulary: vocabulary)
            candidatePark = Park(
                id: index.park.id + "-candidates", name: index.park.name, chains: index.park.chains, firms: candidates)
        }
        let n = index.firmCount
        let stages = index.stageIds.count
        var count = [Int32](repeating: 0, count: stages + 1)
        for f in 0..<n where index.inPark[f] { for g in index.stages(ofFirm: f) { count[Int(g) + 1] += 1 } }
        for g in 0..<stages { count[g + 1] += count[g] }
        var fill = count
        var values = [Int32](repeating: 0, count: Int(count[stages]))
        for f in 0..<n where index.inPark[f] {
            for g in index.stages(ofFirm: f) {
                values[Int(fill[Int(g)])] = Int32(f)
                fill[Int(g)] += 1
            }
        }
        let output = index.output
        func byOutput(_ a: Int32, _ b: Int32) -> Bool {
            let oa = output[Int(a)], ob = output[Int(b)]
            return oa != ob ? oa > ob : a < b
        }
        // Each stage's firms sorted with their outputs alongside (the comparator read a
        // million-firm output array at random): the same comparisons in the same order, so
        // the same order.
        var keyed: [(output: Double, firm: Int32)] = []
        for g in 0..<stages {
            let range = Int(count[g])..<Int(count[g + 1])
            keyed.removeAll(keepingCapacity: true)
            for f in values[range] { keyed.append((output[Int(f)], f)) }
            keyed.sort { a, b in a.output != b.output ? a.output > b.output : a.firm < b.firm }
            for (i, k) in keyed.enumerated() { values[range.lowerBound + i] = k.firm }
        }
        stageFirmOffsets = count
        stageFirmValues = values
        var products: [String: [Int32]] = [:]
        for (f, firm) in index.park.firms.enumerated() where firm.inPark {
            for p in firm.products where !p.isEmpty { products[p, default: []].append(Int32(f)) }
        }
        for key in products.keys { products[key]?.sort(by: byOutput) }
        productFirms = products
    }

    func firms(ofStage g: Int) -> ArraySlice<Int32> {
        stageFirmValues[Int(stageFirmOffsets[g])..<Int(stageFirmOffsets[g + 1])]
    }

    /// In-park firms that could supply `product` (firms listing it) or, after them, firms of
    /// `stage`, leaving out `excluded`.
    func suppliers(product: String?, stage: Int?, excluding excluded: [Int]) -> [GapFirmRef] {
        var result: [GapFirmRef] = []
        var taken = excluded
        func take(_ list: ArraySlice<Int32>) {
            for f in list {
                if result.count >= limit { return }
                if taken.contains(Int(f)) { continue }
                taken.append(Int(f))
                result.append(index.firmRef(Int(f)))
            }
        }
        if let product, let list = productFirms[product] { take(list[...]) }
        if let stage { take(firms(ofStage: stage)) }
        return result
    }

    /// The best outside candidates for `stage` and/or `product`. For a stage: the outside
    /// firms of ``MatchIndex/stageCandidates(stage:outside:top:)`` in its order (one ranking
    /// with `match stage`); for a product alone: firms listing it, by output (largest first),
    /// then id.
    func outside(stage: String?, product: String?) -> [GapFirmRef] {
        guard limit > 0, !candidates.isEmpty else { return [] }
        if let stage, product == nil, let match {
            return match.stageCandidates(stage: stage, outside: candidatePark, top: Int.max / 2)
                .filter { !$0.inPark }.prefix(limit).map { GapFirmRef(id: $0.firm, name: $0.firmName) }
        }
        var scored: [(rank: Int, output: Double, id: String, name: String)] = []
        for c in candidates {
            let byProduct = product.map { p in c.products.contains(p) } ?? false
            let byStage = stage.map { s in c.stages.contains(s) } ?? false
            guard byProduct || byStage else { continue }
            scored.append((byProduct ? 0 : 1, c.output ?? 0, c.id, c.name))
        }
        scored.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.output != b.output { return a.output > b.output }
            return a.id < b.id
        }
        return scored.prefix(limit).map { GapFirmRef(id: $0.id, name: $0.name) }
    }

    /// Product and stage of an input key, for the queries above.
    func productAndStage(ofKey k: Int32, supplier: Int?) -> (product: String?, stage: Int?) {
        if k >= 0 {
            let stage = supplier.flatMap { index.stages(ofFirm: $0).first.map(Int.init) }
            return (index.productNames[Int(k)], stage)
        }
        return (nil, index.keyStage(k))
    }
}
