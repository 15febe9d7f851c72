import ChainGraph
import ChainModel

/// Everything matchmaking needs, built once per park: concepts of every product, capability
/// and need; inverted indexes concept → firms that make it, need or buy it, and concept →
/// firms or organizations that offer it; stage → firms; and the park graph with the supply
/// (active links), pairing and membership layers for proximity.
///
/// A query (``matches(forFirm:options:)``) then touches only the candidates the indexes name
/// and the neighbourhood a local PageRank push reaches, never every firm.
///
/// ```swift
/// let index = MatchIndex(park: park)
/// let result = try index.matches(forFirm: "创泰活塞")
/// print(result.suggestions(.capability).first?.explanation ?? "")
/// // 江西省立伟轻工制造有限公司 offers 自动化研发; 江西创泰活塞制造有限公司 needs 自动化; both sit in 塑料产业链党建联盟.
/// ```
///
/// - Complexity: building is O(F + L + O + M + N) expected (hashing; concept extraction is
///   cached per distinct text), memory O(F + L + M + concepts).
public struct MatchIndex: Sendable {
    /// A demand item: a need, or a product the firm buys now.
    struct Item: Sendable {
        /// Concept set id.
        var set: Int32
        /// Index into `park.needs`, or -1 for a product bought now.
        var need: Int32
    }

    public let park: Park
    /// The vocabulary given, with the park's stage concepts added (``MatchVocabulary/addingStages(of:)``).
    public let vocabulary: MatchVocabulary
    /// Firms + organizations graph: supply (active), pairing, membership.
    public let graph: ParkGraph
    let firmCount: Int
    let nodeCount: Int

    // Concepts and concept sets (sorted concept ids per set).
    let conceptNames: [String]
    let setStart: [Int32]
    let setConcepts: [Int32]
    /// The texts that first produced each set (the data's words, in order).
    let setText: [[String]]

    // Per firm.
    let productSet: [Int32]  // firm → set of its products (-1 none)
    let offerSet: [Int32]  // node → set of its capabilities (-1 none)
    let supplyItemStart: [Int32]  // firm → supply items (needs of kind supply, products bought)
    let supplyItems: [Item]
    let capabilityItemStart: [Int32]  // firm → capability items (needs of kind capability, finance, service, talent)
    let capabilityItems: [Item]
    let firmStageStart: [Int32]
    let firmStages: [Int32]
    let zone: [Int32]
    let inPark: [Bool]
    let leads: [[Int32]]  // per firm, chain indexes it leads (mostly empty)
    let tiedToLeader: [Bool]
    let output: [Double]  // -1 unknown
    let capacity: [Double]  // -1 unknown
    let demandValue: [Double]  // mean value of the firm's active inbound links, -1 unknown

    // Inverted indexes (concept → nodes; makers, buyers and stage firms by output, largest first).
    let makersStart: [Int32]
    let makers: [Int32]
    let buyersStart: [Int32]
    let buyers: [Int32]
    let offerersStart: [Int32]
    let offerers: [Int32]

    // Stages.
    let stageIds: [String]
    let stageNames: [String]
    let stageChain: [Int32]
    let stageInputs: [[Int32]]
    let stageConsumers: [[Int32]]
    let stageFirmStart: [Int32]
    let stageFirms: [Int32]
    let chainCount: Int
    let zoneNames: [String]
    /// Names of the organization nodes, by node − firmCount.
    let organizationNames: [String]
    /// Concept → responders (organization names, or agency names as written) of the needs of
    /// that concept, in need order: who could take a need nobody in the park offers.
    let respondersByConcept: [Int32: [String]]

    /// Builds the index of `park`; `vocabulary` (the built-in one by default) gains one concept
    /// per stage of the park's chains.
    /// - Complexity: see the type.
    public init(park: Park, vocabulary base: MatchVocabulary = .standard) {
        var trace = PhaseTrace()
        self.park = park
        // The stage vocabulary and the graph are independent: built side by side.
        let (vocabulary, graph) = Parallel.both(
            { base.addingStages(of: park) }, { ParkGraph(park, layers: [.supply, .pairing, .membership]) })
        self.vocabulary = vocabulary
        trace.mark("match-index.stage-vocabulary-and-graph")
        self.graph = graph
        let n = graph.firmCount
        firmCount = n
        nodeCount = graph.graph.nodeCount

        // Concept sets, cached per text.
        var conceptId: [String: Int32] = [:]
        var names: [String] = []
        var setKey: [[Int32]: Int32] = [:]
        var sStart: [Int32] = [0]
        var sConcepts: [Int32] = []
        var sText: [[String]] = []
        var textCache: [UTF8Key: Int32] = [:]  // by bytes: String's hash normalizes Chinese text first
        func set(of texts: [String], keywordsOnly: Bool = false) -> Int32 {
            let key = UTF8Key(texts.count == 1 ? texts[0] : texts.joined(separator: "\u{1}"))
            if let s = textCache[key] { return s }
            var ids: [Int32] = []
            for c in vocabulary.concepts(of: texts) where !(keywordsOnly && c.hasPrefix("=")) {
                if let id = conceptId[c] {
                    ids.append(id)
                } else {
                    let id = Int32(names.count)
                    conceptId[c] = id
                    names.append(c)
                    ids.append(id)
                }
            }
            ids.sort()
            let result: Int32
            if ids.isEmpty {
                result = -1
            } else if let s = setKey[ids] {
                result = s
            } else {
                result = Int32(sText.count)
                setKey[ids] = result
                sConcepts += ids
                sStart.append(Int32(sConcepts.count))
                sText.append(texts)
            }
            textCache[key] = result
            return result
        }

        // Stages and chains.
        let table = StageTable(park)
        let stageIndex = table.stageIndex
        let chainIndex = table.chainIndex
        let sIds = table.stages.map(\.id)
        let sNames = table.stages.map(\.name)
        let sChain = table.stageChain
        let sInputs = table.inputs
        var sConsumers = [[Int32]](repeating: [], count: sIds.count)
        for (s, inputs) in sInputs.enumerated() {
            for i in inputs { sConsumers[Int(i)].append(Int32(s)) }
        }
        stageIds = sIds
        stageNames = sNames
        stageChain = sChain
        stageInputs = sInputs
        stageConsumers = sConsumers
        chainCount = park.chains.count

        // Per firm attributes.
        var pSet = [Int32](repeating: -1, count: n)
        var oSet = [Int32](repeating: -1, count: nodeCount)
        var fsStart = [Int32](repeating: 0, count: n + 1)
        var fStages: [Int32] = []
        var zoneIndex: [String: Int32] = [:]
        var zNames: [String] = []
        var zoneOf = [Int32](repeating: -1, count: n)
        var inside = [Bool](repeating: true, count: n)
        var leadList = [[Int32]](repeating: [], count: n)
        var out = [Double](repeating: -1, count: n)
        var cap = [Double](repeating: -1, count: n)
        var stageCount = [Int32](repeating: 0, count: sIds.count + 1)
        for (i, f) in park.firms.enumerated() where i < n {
            if !f.products.isEmpty { pSet[i] = set(of: f.products) }
            if !f.capabilities.isEmpty { oSet[i] = set(of: f.capabilities) }
            for s in f.stages {
                if let si = stageIndex[s] {
                    fStages.append(si)
                    stageCount[Int(si) + 1] += 1
                }
            }
            fsStart[i + 1] = Int32(fStages.count)
            if let z = f.zone {
                if let zi = zoneIndex[z] {
                    zoneOf[i] = zi
                } else {
                    zoneOf[i] = Int32(zNames.count)
                    zoneIndex[z] = Int32(zNames.count)
                    zNames.append(z)
                }
            }
            inside[i] = f.inPark
            leadList[i] = f.leads.compactMap { chainIndex[$0] }
            out[i] = f.output ?? -1
            cap[i] = f.capacity ?? -1
        }
        trace.mark("match-index.firms")
        // Organizations that offer something: agencies (banks, utilities, colleges), by the
        // keywords in their name.
        for o in park.organizations where o.kind == .agency {
            guard let node = graph.node(of: o.id), Int(node) >= n else { continue }
            oSet[Int(node)] = set(of: [o.name], keywordsOnly: true)
        }
        // Stage → firms.
        for s in 0..<sIds.count { stageCount[s + 1] += stageCount[s] }
        var sfFill = Array(stageCount.dropLast())
        var sFirms = [Int32](repeating: 0, count: fStages.count)
        for i in 0..<n {
            for k in Int(fsStart[i])..<Int(fsStart[i + 1]) {
                let s = Int(fStages[k])
                sFirms[Int(sfFill[s])] = Int32(i)
                sfFill[s] += 1
            }
        }

        // Supply items: open needs of kind supply, then products bought now; capability items.
        let g = graph.graph
        var firstNeed = [Int32](repeating: -1, count: n)
        var nextNeed = [Int32](repeating: -1, count: park.needs.count)
        var lastNeed = [Int32](repeating: -1, count: n)
        for (k, need) in park.needs.enumerated() {
            guard let f = graph.node(ofFirm: need.firm) else { continue }
            if lastNeed[Int(f)] < 0 { firstNeed[Int(f)] = Int32(k) } else { nextNeed[Int(lastNeed[Int(f)])] = Int32(k) }
            lastNeed[Int(f)] = Int32(k)
        }
        var needSet = [Int32](repeating: -1, count: park.needs.count)
        var linkSet = [Int32](repeating: -2, count: park.links.count)
        var suStart = [Int32](repeating: 0, count: n + 1)
        var sItems: [Item] = []
        var cuStart = [Int32](repeating: 0, count: n + 1)
        var cItems: [Item] = []
        var demand = [Double](repeating: -1, count: n)
        var tied = [Bool](repeating: false, count: n)
        var isLeader = [Bool](repeating: false, count: n)
        for i in 0..<n where !leadList[i].isEmpty { isLeader[i] = true }
        var seenSets: [Int32] = []
        var setOfProduct: [UTF8Key: Int32] = [:]
        for i in 0..<n {
            var k = firstNeed[i]
            while k >= 0 {
                let need = park.needs[Int(k)]
                switch need.kind {
                case .supply:
                    let s = set(of: (need.product.map { [$0] } ?? []) + need.tags)
                    needSet[Int(k)] = s
                    if s >= 0 { sItems.append(Item(set: s, need: k)) }
                case .capability, .finance, .service, .talent:
                    // The tags say what capability; the product is what it is for (a piston line).
                    let texts =
                        need.tags.isEmpty
                        ? (need.product.map { [$0] } ?? []) + (need.text.map { [$0] } ?? []) : need.tags
                    let s = set(of: texts)
                    needSet[Int(k)] = s
                    if s >= 0 { cItems.append(Item(set: s, need: k)) }
                case .policy:
                    break
                }
                k = nextNeed[Int(k)]
            }
            seenSets.removeAll(keepingCapacity: true)
            var valueSum = 0.0
            var valueCount = 0
            for p in g.inEdgeRange(of: Int32(i)) {
                let e = Int(g.inEdges[p])
                guard g.layers[e] == .supply else { continue }
                let l = Int(graph.linkOfEdge[e])
                guard l >= 0 else { continue }
                if isLeader[Int(g.inSources[p])] { tied[i] = true }
                if let v = park.links.value(at: l) {
                    valueSum += v
                    valueCount += 1
                }
                if linkSet[l] == -2 {
                    // One byte hash per link: the set of a product text alone, cached by its bytes.
                    if let p = park.links.product(at: l) {
                        if let cached = setOfProduct[UTF8Key(p)] {
                            linkSet[l] = cached
                        } else {
                            let s = set(of: [p])
                            setOfProduct[UTF8Key(p)] = s
                            linkSet[l] = s
                        }
                    } else {
                        linkSet[l] = -1
                    }
                }
                let s = linkSet[l]
                if s >= 0 && !seenSets.contains(s) { seenSets.append(s) }
            }
            for e in g.outEdgeRange(of: Int32(i)) where g.layers[e] == .supply {
                if isLeader[Int(g.outTargets[e])] { tied[i] = true }
            }
            for s in seenSets.sorted() { sItems.append(Item(set: s, need: -1)) }
            suStart[i + 1] = Int32(sItems.count)
            cuStart[i + 1] = Int32(cItems.count)
            if valueCount > 0 { demand[i] = valueSum / Double(valueCount) }
        }

        trace.mark("match-index.demand-items")
        // Inverted indexes by counting sort over concepts.
        let conceptCount = names.count
        func invert(_ entries: (_ emit: (Int32, Int32) -> Void) -> Void) -> (start: [Int32], nodes: [Int32]) {
            var count = [Int32](repeating: 0, count: conceptCount + 1)
            entries { c, _ in count[Int(c) + 1] += 1 }
            for c in 0..<conceptCount { count[c + 1] += count[c] }
            var fill = Array(count.dropLast())
            var nodes = [Int32](repeating: 0, count: Int(count[conceptCount]))
            entries { c, v in
                nodes[Int(fill[Int(c)])] = v
                fill[Int(c)] += 1
            }
            return (count, nodes)
        }
        func forEachConcept(_ s: Int32, _ body: (Int32) -> Void) {
            guard s >= 0 else { return }
            for k in Int(sStart[Int(s)])..<Int(sStart[Int(s) + 1]) { body(sConcepts[k]) }
        }
        let mk = invert { emit in
            for i in 0..<n { forEachConcept(pSet[i]) { emit($0, Int32(i)) } }
        }
        let totalNodes = graph.graph.nodeCount
        let of = invert { emit in
            for v in 0..<totalNodes { forEachConcept(oSet[v]) { emit($0, Int32(v)) } }
        }
        var mark = [Int32](repeating: -1, count: conceptCount)
        var buyerPairs: [(Int32, Int32)] = []
        for i in 0..<n {
            for it in Int(suStart[i])..<Int(suStart[i + 1]) {
                forEachConcept(sItems[it].set) { c in
                    if mark[Int(c)] != Int32(i) {
                        mark[Int(c)] = Int32(i)
                        buyerPairs.append((c, Int32(i)))
                    }
                }
            }
        }
        let bi = invert { emit in for (c, v) in buyerPairs { emit(c, v) } }

        // Each list largest output first (then park order): a query reads the head only.
        func sortSegments(_ start: [Int32], _ nodes: inout [Int32]) {
            for c in 0..<(start.count - 1) {
                let range = Int(start[c])..<Int(start[c + 1])
                guard range.count > 1 else { continue }
                nodes[range].sort { a, b in
                    let oa = Int(a) < n ? out[Int(a)] : -1, ob = Int(b) < n ? out[Int(b)] : -1
                    return oa != ob ? oa > ob : a < b
                }
            }
        }
        var mkNodes = mk.nodes
        sortSegments(mk.start, &mkNodes)
        var biNodes = bi.nodes
        sortSegments(bi.start, &biNodes)
        var sfNodes = sFirms
        sortSegments(stageCount, &sfNodes)

        trace.mark("match-index.inverted")
        conceptNames = names
        setStart = sStart
        setConcepts = sConcepts
        setText = sText
        productSet = pSet
        offerSet = oSet
        supplyItemStart = suStart
        supplyItems = sItems
        capabilityItemStart = cuStart
        capabilityItems = cItems
        firmStageStart = fsStart
        firmStages = fStages
        zone = zoneOf
        zoneNames = zNames
        inPark = inside
        leads = leadList
        tiedToLeader = tied
        output = out
        capacity = cap
        demandValue = demand
        makersStart = mk.start
        makers = mkNodes
        buyersStart = bi.start
        buyers = biNodes
        offerersStart = of.start
        offerers = of.nodes
        stageFirmStart = stageCount
        var orgName: [String: String] = [:]
        for o in park.organizations where orgName[o.id] == nil { orgName[o.id] = o.name }
        let orgNames = graph.ids[n...].map { orgName[$0] ?? $0 }
        organizationNames = orgNames
        var responders: [Int32: [String]] = [:]
        for (k, need) in park.needs.enumerated() {
            guard let r = need.responder, !r.isEmpty, needSet[k] >= 0 else { continue }
            let display: String
            if let node = graph.node(of: r), Int(node) >= n { display = orgNames[Int(node) - n] } else { display = r }
            for c in Int(sStart[Int(needSet[k])])..<Int(sStart[Int(needSet[k]) + 1]) {
                let concept = sConcepts[c]
                if !(responders[concept]?.contains(display) ?? false) {
                    responders[concept, default: []].append(display)
                }
            }
        }
        respondersByConcept = responders
        stageFirms = sfNodes
    }

    /// Number of firms (nodes `0..<firmCount` of ``graph``).
    public var firms: Int { firmCount }

    /// The concepts of a concept set, ascending.
    @inline(__always)
    func concepts(_ set: Int32) -> ArraySlice<Int32> {
        guard set >= 0 else { return [] }
        return setConcepts[Int(setStart[Int(set)])..<Int(setStart[Int(set) + 1])]
    }

    /// |need ∩ offer| / |need| for two concept sets (sorted merge).
    @inline(__always)
    func coverage(need: Int32, offer: Int32) -> Double {
        guard need >= 0, offer >= 0 else { return 0 }
        let a = concepts(need)
        let b = concepts(offer)
        var i = a.startIndex
        var j = b.startIndex
        var hits = 0
        while i < a.endIndex && j < b.endIndex {
            if a[i] == b[j] {
                hits += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return a.isEmpty ? 0 : Double(hits) / Double(a.count)
    }

    func stages(of firm: Int32) -> ArraySlice<Int32> {
        firmStages[Int(firmStageStart[Int(firm)])..<Int(firmStageStart[Int(firm) + 1])]
    }

    /// Name of a node (firm or organization).
    func name(of node: Int32) -> String {
        if Int(node) < firmCount { return park.firms[Int(node)].name }
        return organizationNames[Int(node) - firmCount]
    }
}
