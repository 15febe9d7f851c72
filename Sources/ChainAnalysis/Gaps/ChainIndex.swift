import ChainGraph
@_spi(Internals) import ChainModel
import Foundation

/// Numbered stages, firm → stage lists, the active supply graph and each supply edge's input
/// key, built once and shared by ``GapReport`` and ``WhatIf``.
///
/// Stages are numbered across the park, chain by chain in template order. An edge's *input*
/// is what the buyer gets over it: the link's product when given, else the supplier's stage
/// that feeds one of the buyer's stages (else the supplier's first stage), else
/// "(unspecified)". Keys are `Int32`: products `>= 0`, stage `g` as `-(g + 2)`, unspecified
/// `-1`.
///
/// - Complexity: O(firms + stage references + links), with hashing of ids and products.
struct ChainIndex: Sendable {
    let park: Park
    let firmCount: Int
    let firmIndex: FirmIndex

    // Stages.
    let stageIds: [String]
    let stageNames: [String]
    let stageChain: [Int32]
    let stageRequired: [Bool]
    let stageTier: [Tier]
    /// Template inputs of each stage (global numbers), CSR.
    let stageInputOffsets: [Int32]
    let stageInputValues: [Int32]
    /// `chainStageStart[c] ..< chainStageStart[c + 1]` are chain c's stages.
    let chainStageStart: [Int32]
    let stageIndex: [String: Int32]
    let chainIndex: [String: Int32]

    // Firms.
    let firmStageOffsets: [Int32]
    let firmStageValues: [Int32]
    let inPark: [Bool]
    /// Output in RMB (0 when unknown).
    let output: [Double]

    // Active supply graph.
    let graph: Graph
    /// Link index in `park.links` of each edge.
    let edgeLink: [Int32]
    /// Input key of each edge.
    let edgeKey: [Int32]
    /// Whether each edge is local sourcing (`local`, else both firms in the park).
    let edgeLocal: [Bool]
    /// Link value of each edge (0 when unknown).
    let edgeValue: [Double]
    let productNames: [String]
    let productId: [UTF8Key: Int32]

    /// - Parameter minimumParallelLinks: link count from which links are read in parallel
    ///   chunks (tests lower it to check that chunking changes nothing).
    init(_ park: Park, minimumParallelLinks: Int = 100_000) {
        var trace = PhaseTrace()
        self.park = park
        let firms = park.firms
        firmCount = firms.count

        let table = StageTable(park)
        let stageIds = table.stages.map(\.id)
        let stageChain = table.stageChain
        let stageIndex = table.stageIndex
        var inOff: [Int32] = [0], inVal: [Int32] = []
        for inputs in table.inputs {
            inVal += inputs
            inOff.append(Int32(inVal.count))
        }
        self.stageIds = stageIds
        self.stageNames = table.stages.map(\.name)
        self.stageChain = stageChain
        self.stageRequired = table.stages.map(\.required)
        self.stageTier = table.stages.map(\.tier)
        self.stageInputOffsets = inOff
        self.stageInputValues = inVal
        self.chainStageStart = table.chainStageStart
        self.stageIndex = stageIndex
        self.chainIndex = table.chainIndex

        // Each firm's stages, as `table.firmStages(firms)` numbers them, with the stage ids
        // recently seen kept by the two words of their `String` value (equal words are the
        // same text; see `linkInputs`): most of a million firms' stage ids are found without
        // hashing.
        let wordCache = MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size
        var cacheWords = [(UInt64, UInt64)](repeating: (0, 0), count: 64)
        var cacheStage = [Int32?](repeating: nil, count: 64)
        var cacheUsed = [Bool](repeating: false, count: 64)
        let (stOff, stVal) = StageTable.sortedUniqueLists(count: firms.count) { i, list in
            for id in firms[i].stages {
                var slot = 0, words: (UInt64, UInt64) = (0, 0)
                if wordCache {
                    words = unsafeBitCast(id, to: (UInt64, UInt64).self)
                    slot = Int(((words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 58)
                    if cacheUsed[slot] && cacheWords[slot] == words {
                        if let g = cacheStage[slot] { list.append(g) }
                        continue
                    }
                }
                let g = stageIndex[id]
                if let g { list.append(g) }
                if wordCache {
                    cacheWords[slot] = words
                    cacheStage[slot] = g
                    cacheUsed[slot] = true
                }
            }
        }
        // By position: `for f in firms` copied (retained) each firm's strings.
        var inPark = [Bool](repeating: true, count: firms.count)
        var output = [Double](repeating: 0, count: firms.count)
        for i in firms.indices {
            inPark[i] = firms[i].inPark
            output[i] = firms[i].output ?? 0
        }
        firmStageOffsets = stOff
        firmStageValues = stVal
        self.inPark = inPark
        self.output = output

        trace.mark("chain index: stages of firms")
        let pg = ParkGraph(park, layers: [.supply], statuses: [.active])
        trace.mark("chain index: supply graph")
        defer { trace.mark("chain index: product numbers") }
        firmIndex = pg.firmIndex
        graph = pg.graph
        edgeLink = pg.linkOfEdge
        let m = pg.graph.edgeCount
        // Links in park order, in parallel chunks (sequential reads of the large link array):
        // each active link's input key, value and locality. Products are interned per chunk,
        // then numbered in file order of first appearance, whatever the number of cores.
        var edgeOfLink = [Int32](repeating: -1, count: park.links.count)
        for e in 0..<m { edgeOfLink[Int(edgeLink[e])] = Int32(e) }
        trace.mark("chain index: edge of link")
        let links = park.links
        let resolution = park.resolution
        let edgeOfLinkFinal = edgeOfLink, inParkFinal = inPark
        let walker = (firmOffsets: stOff, firmStages: stVal, inputOffsets: inOff, inputs: inVal)
        var keys = [Int32](repeating: -1, count: m)
        var local = [Bool](repeating: true, count: m)
        var values = [Double](repeating: 0, count: m)
        // In bounds: keys, values and local have one slot per edge (m), written at
        // e = edgeOfLink[i] in 0..<m (the edge made from link i, -1 skipped); links map to
        // distinct edges, so chunks write disjoint slots. The resolution has one supplier and
        // buyer per link, firm indexes below the firm count of the walker's offsets.
        assert(
            edgeOfLink.allSatisfy { $0 < Int32(m) } && resolution.linkSupplier.count == links.count
                && resolution.linkBuyer.count == links.count)
        let chunkProducts: [(range: Range<Int>, result: [String])] =
            keys.withUnsafeMutableBufferPointer { keyOut in
                values.withUnsafeMutableBufferPointer { valueOut in
                    local.withUnsafeMutableBufferPointer { localOut in
                        // Each link has its own edge: chunks write disjoint slots.
                        nonisolated(unsafe) let keyOut = keyOut, valueOut = valueOut, localOut = localOut
                        return Parallel.mapChunks(count: links.count, minimumCount: minimumParallelLinks) { range in
                            Self.linkInputs(
                                range, links: links, supplier: resolution.linkSupplier, buyer: resolution.linkBuyer,
                                edgeOfLink: edgeOfLinkFinal, inPark: inParkFinal, walker: walker,
                                key: keyOut, value: valueOut, local: localOut)
                        }
                    }
                }
            }
        var productId: [UTF8Key: Int32] = [:]
        var productNames: [String] = []
        var remaps: [[Int32]] = []
        for chunk in chunkProducts {
            remaps.append(
                chunk.result.map { name in
                    if let k = productId[UTF8Key(name)] { return k }
                    let k = Int32(productNames.count)
                    productId[UTF8Key(name)] = k
                    productNames.append(name)
                    return k
                })
        }
        trace.mark("chain index: link inputs")
        // Chunk-local product numbers made global, chunk by chunk.
        let chunkRemaps = remaps
        // In bounds: as above, e < m; a chunk-local product number is below its remap's count.
        keys.withUnsafeMutableBufferPointer { keyOut in
            nonisolated(unsafe) let keyOut = keyOut
            Parallel.forEach(iterations: chunkProducts.count) { c in
                let remap = chunkRemaps[c]
                if remap.isEmpty { return }
                edgeOfLinkFinal.withUnsafeBufferPointer { edgeOfLink in
                    for i in chunkProducts[c].range {
                        let e = Int(edgeOfLink[i])
                        if e >= 0, keyOut[e] >= 0 { keyOut[e] = remap[Int(keyOut[e])] }
                    }
                }
            }
        }
        edgeKey = keys
        edgeLocal = local
        edgeValue = values
        self.productNames = productNames
        self.productId = productId
    }

    /// Input key (a chunk-local product number, or a stage or unspecified key), value and
    /// locality of the active links in `range`, written at each link's edge; returns the
    /// chunk's products in order of first appearance.
    private static func linkInputs(
        _ range: Range<Int>, links: LinkTable, supplier: [Int32], buyer: [Int32],
        edgeOfLink: [Int32], inPark: [Bool],
        walker: (firmOffsets: [Int32], firmStages: [Int32], inputOffsets: [Int32], inputs: [Int32]),
        key: UnsafeMutableBufferPointer<Int32>, value: UnsafeMutableBufferPointer<Double>,
        local: UnsafeMutableBufferPointer<Bool>
    ) -> [String] {
        var names: [String] = []
        // Chunk-local product number of each product code met (-1: an empty product), and the
        // last one, since consecutive links often carry the same product. Codes name texts, so
        // no product text is hashed here (two codes of one text get two numbers, which the
        // caller's remap by name joins).
        var localOf: [UInt32: Int32] = [:]
        var lastCode = LinkTable.noText, lastKey: Int32 = -1
        // In bounds: i in range ⊆ 0..<links.count, which is also the count of supplier, buyer
        // and edgeOfLink; e = edgeOfLink[i] < key.count (see the caller); firm and stage
        // indexes stay inside the walker's prefix-sum arrays.
        assert(
            range.upperBound <= links.count && supplier.count == links.count && buyer.count == links.count
                && edgeOfLink.count == links.count)
        links.productCodes.withUnsafeBufferPointer { products in
            supplier.withUnsafeBufferPointer { supplier in
                buyer.withUnsafeBufferPointer { buyer in
                    edgeOfLink.withUnsafeBufferPointer { edgeOfLink in
                        inPark.withUnsafeBufferPointer { inPark in
                            walker.firmOffsets.withUnsafeBufferPointer { stOff in
                                walker.firmStages.withUnsafeBufferPointer { stVal in
                                    walker.inputOffsets.withUnsafeBufferPointer { inOff in
                                        walker.inputs.withUnsafeBufferPointer { inVal in
                                            for i in range where edgeOfLink[i] >= 0 {
                                                let e = Int(edgeOfLink[i])
                                                let s = Int(supplier[i]), b = Int(buyer[i])
                                                value[e] = links.value(at: i) ?? 0
                                                local[e] = links.local(at: i) ?? (inPark[s] && inPark[b])
                                                let code = products[i]
                                                if code != LinkTable.noText {
                                                    let k: Int32
                                                    if code == lastCode {
                                                        k = lastKey
                                                    } else if let known = localOf[code] {
                                                        k = known
                                                    } else {
                                                        let p = links.texts[Int(code)]
                                                        k = p.isEmpty ? -1 : Int32(names.count)
                                                        if k >= 0 { names.append(p) }
                                                        localOf[code] = k
                                                    }
                                                    lastCode = code
                                                    lastKey = k
                                                    if k >= 0 {
                                                        key[e] = k
                                                        continue
                                                    }
                                                }
                                                // The supplier's stage that feeds one of the buyer's stages, else its first stage.
                                                var chosen: Int32 = -1
                                                search: for k in Int(stOff[s])..<Int(stOff[s + 1]) {
                                                    let ss = stVal[k]
                                                    for j in Int(stOff[b])..<Int(stOff[b + 1]) {
                                                        let bs = Int(stVal[j])
                                                        for q in Int(inOff[bs])..<Int(inOff[bs + 1])
                                                        where inVal[q] == ss { chosen = ss; break search }
                                                    }
                                                }
                                                if chosen < 0, stOff[s] < stOff[s + 1] { chosen = stVal[Int(stOff[s])] }
                                                key[e] = chosen >= 0 ? -(chosen + 2) : -1
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return names
    }

    /// Input key of a link that is not in the graph (lost or planned), without adding
    /// products: a product never seen on an active link gets no key (nil).
    func key(of link: SupplyLink) -> Int32? {
        if let p = link.product, !p.isEmpty { return productId[UTF8Key(p)] }
        guard let s = firmIndex[link.supplier].map(Int.init), let b = firmIndex[link.buyer].map(Int.init) else {
            return nil
        }
        for ss in stages(ofFirm: s) {
            for bs in stages(ofFirm: b) where inputs(ofStage: Int(bs)).contains(ss) { return -(ss + 2) }
        }
        if let first = stages(ofFirm: s).first { return -(first + 2) }
        return -1
    }

    /// Runs `body` with a ``TemplateWalker`` over this index's arrays (no reference counting
    /// in the hot loops that use it).
    ///
    /// In bounds for the walker's users: the offsets are prefix sums (firms + 1 and stages + 1
    /// entries, the last equal to the value count) and every stored stage is a stage index.
    func withTemplateWalker<R>(_ body: (TemplateWalker) -> R) -> R {
        assert(firmStageOffsets.last.map { Int($0) == firmStageValues.count } ?? true)
        assert(stageInputOffsets.last.map { Int($0) == stageInputValues.count } ?? true)
        return firmStageOffsets.withUnsafeBufferPointer { fo in
            firmStageValues.withUnsafeBufferPointer { fv in
                stageInputOffsets.withUnsafeBufferPointer { io in
                    stageInputValues.withUnsafeBufferPointer { iv in
                        body(TemplateWalker(firmOffsets: fo, firmStages: fv, inputOffsets: io, inputs: iv))
                    }
                }
            }
        }
    }

    func stages(ofFirm f: Int) -> ArraySlice<Int32> {
        firmStageValues[Int(firmStageOffsets[f])..<Int(firmStageOffsets[f + 1])]
    }

    func inputs(ofStage g: Int) -> ArraySlice<Int32> {
        stageInputValues[Int(stageInputOffsets[g])..<Int(stageInputOffsets[g + 1])]
    }

    func chainId(ofStage g: Int) -> String { park.chains[Int(stageChain[g])].id }

    /// Display text of an input key.
    func keyLabel(_ k: Int32) -> String {
        if k >= 0 { return productNames[Int(k)] }
        if k == -1 { return "(unspecified)" }
        let g = Int(-k - 2)
        return "\(stageNames[g]) (\(stageIds[g]))"
    }

    /// The stage a key stands for, when it is a stage key.
    func keyStage(_ k: Int32) -> Int? { k <= -2 ? Int(-k - 2) : nil }

    func firmRef(_ f: Int) -> GapFirmRef { GapFirmRef(id: park.firms[f].id, name: park.firms[f].name) }

    /// Whether `f` is in stage `g`. - Complexity: O(stages of f).
    func firm(_ f: Int, isIn g: Int32) -> Bool { stages(ofFirm: f).contains(g) }

    /// Link reference of edge `e`.
    func linkRef(edge e: Int) -> GapLinkRef { linkRef(index: Int(edgeLink[e])) }

    func linkRef(index i: Int) -> GapLinkRef {
        let l = park.links[i]
        return GapLinkRef(index: i, id: l.id, supplier: l.supplier, buyer: l.buyer, product: l.product, value: l.value)
    }
}

/// Which template edges a supply link follows, over borrowed buffers of a ``ChainIndex``.
/// Template edge q is position q of the stage-input CSR (stage T's input I).
struct TemplateWalker {
    let firmOffsets: UnsafeBufferPointer<Int32>
    let firmStages: UnsafeBufferPointer<Int32>
    let inputOffsets: UnsafeBufferPointer<Int32>
    let inputs: UnsafeBufferPointer<Int32>

    /// Calls `body(q)` for each template edge q that a link supplier `s` → buyer `b` follows
    /// (supplier in the input stage, buyer in the stage).
    @inline(__always)
    func forEach(_ s: Int, _ b: Int, _ body: (Int) -> Void) {
        forEachWithSupplierStage(s, b) { q, _ in body(q) }
    }

    /// As ``forEach(_:_:_:)``, with the position `j` in `firmStages` of the supplier's
    /// stage that the template edge q takes as input: `body(q, j)`.
    @inline(__always)
    func forEachWithSupplierStage(_ s: Int, _ b: Int, _ body: (Int, Int) -> Void) {
        let s0 = Int(firmOffsets[s]), s1 = Int(firmOffsets[s + 1])
        if s0 == s1 { return }
        for j in Int(firmOffsets[b])..<Int(firmOffsets[b + 1]) {
            let g = Int(firmStages[j])
            for q in Int(inputOffsets[g])..<Int(inputOffsets[g + 1]) {
                let input = inputs[q]
                for k in s0..<s1 where firmStages[k] == input {
                    body(q, k)
                    break
                }
            }
        }
    }
}
