import ChainGraph
@_spi(Internals) import ChainModel

/// What the loss of firms cuts: removed firms stop supplying; a firm that loses every active
/// supplier of one of its inputs (a product, or an input stage when products are missing) is
/// cut and stops supplying in turn, to a fixed point.
///
/// ```swift
/// let whatIf = WhatIf(park: park)
/// let report = whatIf.run(removing: ["hengli"])
/// report.cut.map(\.firm.id)        // firms that lost all suppliers of an input
/// report.brokenStages              // stages left without any in-park firm
/// report.outputAtRisk              // RMB per year
/// ```
///
/// Build once, run many scenarios: `init` indexes the park, `run` only walks what is cut.
///
/// - Complexity: `init` O(V + E log d) (each buyer's in-links sorted by input); `run` O(R + r)
///   for the R removed and cut firms and the r links leaving them, plus O(V) for the stage table.
public struct WhatIf: Sendable {
    let index: ChainIndex
    /// Input group of each edge (a buyer's links of one input), and per group its buyer, key
    /// and link count.
    let groupOfEdge: [Int32]
    let groupBuyer: [Int32]
    let groupKey: [Int32]
    let groupSize: [Int32]

    public init(park: Park) {
        var trace = PhaseTrace()
        let index = ChainIndex(park)
        trace.mark("what-if: chain index")
        self.init(index: index)
        trace.mark("what-if: input groups")
    }

    init(index: ChainIndex) {
        self.index = index
        let g = index.graph
        var groupOfEdge = [Int32](repeating: -1, count: g.edgeCount)
        // Each chunk of buyers groups its own buyers' in-edges, numbering its groups from 0,
        // and writes only those edges' slots (every edge has one buyer). The chunks are then
        // joined in buyer order and their numbers shifted, which gives exactly the numbering
        // of one pass over all buyers.
        let parts = groupOfEdge.withUnsafeMutableBufferPointer { slots in
            let out = Parallel.SlotWriter(slots)
            return Parallel.mapChunks(count: g.nodeCount, minimumCount: 50_000) { buyers in
                var groupBuyer: [Int32] = [], groupKey: [Int32] = [], groupSize: [Int32] = []
                var scratch: [(key: Int32, edge: Int32)] = []
                for b in buyers {
                    let range = g.inEdgeRange(of: Int32(b))
                    if range.isEmpty { continue }
                    scratch.removeAll(keepingCapacity: true)
                    for i in range {
                        let e = g.inEdges[i]
                        scratch.append((index.edgeKey[Int(e)], e))
                    }
                    if scratch.count > 1 { scratch.sort { ($0.key, $0.edge) < ($1.key, $1.edge) } }
                    var last: Int32 = .min
                    var first = true
                    for item in scratch {
                        if item.key != last || first {
                            last = item.key
                            first = false
                            groupBuyer.append(Int32(b)); groupKey.append(item.key); groupSize.append(0)
                        }
                        out[Int(item.edge)] = Int32(groupBuyer.count - 1)
                        groupSize[groupSize.count - 1] += 1
                    }
                }
                return (buyer: groupBuyer, key: groupKey, size: groupSize)
            }
        }
        var groupBuyer: [Int32] = [], groupKey: [Int32] = [], groupSize: [Int32] = []
        groupBuyer.reserveCapacity(g.edgeCount / 2)
        for part in parts {
            let shift = Int32(groupBuyer.count)
            if shift > 0 {
                for b in part.range {
                    for i in g.inEdgeRange(of: Int32(b)) { groupOfEdge[Int(g.inEdges[i])] += shift }
                }
            }
            groupBuyer += part.result.buyer
            groupKey += part.result.key
            groupSize += part.result.size
        }
        self.groupOfEdge = groupOfEdge
        self.groupBuyer = groupBuyer
        self.groupKey = groupKey
        self.groupSize = groupSize
    }

    /// Firms whose `zone` is `zone`, as ids (park order).
    public func firms(inZone zone: String) -> [String] {
        index.park.firms.filter { $0.zone == zone }.map(\.id)
    }

    /// Runs the scenario people describe with names (`chainmap whatif`): looks up each firm
    /// and the zone, removes them, then keeps the stage table to `options.chain` and the firm
    /// lists to `options.limit`.
    ///
    /// - Throws: ``LookupError`` (field `remove`, `zone` or `chain`) for a name that fits no
    ///   firm, several firms, no zone or no chain, with the nearest names.
    /// - Complexity: O(names × firms) for the look-ups, then ``run(removing:)``.
    public func run(_ options: WhatIfOptions) throws(LookupError) -> WhatIfReport {
        let park = index.park
        var ids: [String] = []
        for name in options.remove { ids.append(try park.lookupFirm(name, field: "remove").id) }
        if let zone = options.zone { ids += try park.lookupZone(zone, field: "zone") }
        let chain = try options.chain.map { (c: String) throws(LookupError) in
            try park.lookupChain(c, field: "chain").id
        }
        var report = run(removing: ids)
        if let chain {
            report.chain = chain
            report.stages = report.stages.filter { $0.chain == chain }
        }
        if options.limit > 0 {
            report.cut = Array(report.cut.prefix(options.limit))
            report.weakened = Array(report.weakened.prefix(options.limit))
        }
        return report
    }

    /// Runs the scenario "these firms are gone". Unknown ids are listed in
    /// ``WhatIfReport/unknown`` and otherwise ignored.
    ///
    /// - Complexity: O(R + r + V) (see the type).
    public func run(removing ids: [String]) -> WhatIfReport {
        let g = index.graph
        let n = index.firmCount
        var round = [Int32](repeating: -1, count: n)
        var lostGroup = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        var unknown: [String] = []
        for id in ids {
            guard let f = index.firmIndex[id] else { unknown.append(id); continue }
            if round[Int(f)] < 0 { round[Int(f)] = 0; queue.append(f) }
        }
        queue.sort()
        let removedCount = queue.count
        var alive = [Int32: Int32]()
        var weakened = Set<Int32>()
        var lostLinks = 0
        var lostValue = 0.0
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for e in g.outEdgeRange(of: u) {
                let b = g.outTargets[e]
                lostLinks += 1
                lostValue += index.edgeValue[e]
                if round[Int(b)] >= 0 { continue }
                let grp = groupOfEdge[e]
                let left = (alive[grp] ?? groupSize[Int(grp)]) - 1
                alive[grp] = left
                if left == 0 {
                    round[Int(b)] = round[Int(u)] + 1
                    lostGroup[Int(b)] = grp
                    queue.append(b)
                    weakened.remove(b)
                } else {
                    weakened.insert(b)
                }
            }
        }
        var report = WhatIfReport(parkId: index.park.id, parkName: index.park.name)
        report.unknown = unknown
        report.removed = queue[0..<removedCount].map { index.firmRef(Int($0)) }
        var cutNodes = Array(queue[removedCount...])
        cutNodes.sort { round[Int($0)] != round[Int($1)] ? round[Int($0)] < round[Int($1)] : $0 < $1 }
        for c in cutNodes {
            let f = Int(c), grp = lostGroup[f]
            var suppliers: [String] = []
            for i in g.inEdgeRange(of: c) where groupOfEdge[Int(g.inEdges[i])] == grp {
                let id = index.park.firms[Int(g.inSources[i])].id
                if !suppliers.contains(id) { suppliers.append(id) }
            }
            report.cut.append(
                WhatIfReport.CutFirm(
                    firm: index.firmRef(f), round: Int(round[f]), input: index.keyLabel(groupKey[Int(grp)]),
                    lostSuppliers: suppliers, output: index.park.firms[f].output, inPark: index.inPark[f]))
        }
        report.weakened = weakened.sorted().map { index.firmRef(Int($0)) }
        report.cutTotal = report.cut.count
        report.weakenedTotal = report.weakened.count
        report.lostLinks = lostLinks
        report.lostLinkValue = lostValue
        for f in queue[0..<removedCount] where index.inPark[Int(f)] { report.removedOutput += index.output[Int(f)] }
        for f in cutNodes where index.inPark[Int(f)] { report.cutOutput += index.output[Int(f)] }

        // Stage table, before and after.
        let stages = index.stageIds.count
        var firmsBefore = [Int](repeating: 0, count: stages), firmsAfter = firmsBefore
        var outBefore = [Double](repeating: 0, count: stages), outAfter = outBefore
        for f in 0..<n where index.inPark[f] {
            let gone = round[f] >= 0
            for s in index.stages(ofFirm: f) {
                firmsBefore[Int(s)] += 1
                outBefore[Int(s)] += index.output[f]
                if !gone {
                    firmsAfter[Int(s)] += 1
                    outAfter[Int(s)] += index.output[f]
                }
            }
        }
        for s in 0..<stages {
            let row = WhatIfReport.StageRow(
                chain: index.chainId(ofStage: s), stage: index.stageIds[s], name: index.stageNames[s],
                required: index.stageRequired[s], firmsBefore: firmsBefore[s], firmsAfter: firmsAfter[s],
                outputBefore: outBefore[s], outputAfter: outAfter[s])
            report.stages.append(row)
            if row.broken { report.brokenStages.append(row.stage) }
        }
        return report
    }
}
