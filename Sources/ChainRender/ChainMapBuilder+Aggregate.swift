import ChainModel

extension ChainMapBuilder {
    private struct Group {
        var name: String
        var kind: MapNode.Kind
        var title: String
        var firms = 0
        var output = 0.0
        var internalLinks = 0
    }

    private struct FlowKey: Hashable {
        var from: Int
        var to: Int
        var status: Int
    }

    /// The aggregated scene: one node per stage (or chain) with firm count and output sum,
    /// plus "outside park" and "unstaged" groups when they have firms; edges sum the links
    /// between groups by status (count and value). Each firm counts once, in its first stage
    /// in template order (in the view's chain, if one is chosen).
    func aggregatedScene(selected: [Bool], chain: Int?, by aggregation: MapAggregation, text: MapText) -> MapScene {
        let park = index.park
        let allowed: Set<Int>? = chain.map { c in Set(index.stages.indices.filter { index.stages[$0].chainIndex == c })
        }
        let viewStages = index.stages.indices.filter { allowed?.contains($0) ?? true }
        let multiChain = chain == nil && park.chains.count > 1
        var groups: [Group] = []
        var stageGroup = [Int?](repeating: nil, count: index.stages.count)
        switch aggregation {
        case .stage:
            for s in viewStages {
                let entry = index.stages[s]
                stageGroup[s] = groups.count
                let prefix = multiChain ? park.chains[entry.chainIndex].name + " / " : ""
                groups.append(
                    Group(
                        name: "stage:" + entry.stage.id, kind: .stage(id: entry.stage.id),
                        title: prefix + entry.stage.name))
            }
        case .chain:
            var chainGroup: [Int: Int] = [:]
            for s in viewStages {
                let ci = index.stages[s].chainIndex
                if chainGroup[ci] == nil {
                    chainGroup[ci] = groups.count
                    let c = park.chains[ci]
                    groups.append(Group(name: "chain:" + c.id, kind: .chain(id: c.id), title: c.name))
                }
                stageGroup[s] = chainGroup[ci]
            }
        }
        let outsideGroup = groups.count
        groups.append(Group(name: "group:outside", kind: .group("outside"), title: text("group.outside")))
        let unstagedGroup = groups.count
        groups.append(Group(name: "group:unstaged", kind: .group("unstaged"), title: text("group.unstaged")))

        var groupOf = [Int](repeating: -1, count: park.firms.count)
        for f in park.firms.indices where selected[f] {
            let firm = park.firms[f]
            let g: Int
            if !firm.inPark {
                g = outsideGroup
            } else if let s = index.primaryStage(of: firm, allowed: allowed), let sg = stageGroup[s] {
                g = sg
            } else {
                g = unstagedGroup
            }
            groupOf[f] = g
            groups[g].firms += 1
            if let output = firm.output, output > 0, output.isFinite { groups[g].output += output }
        }

        // Flows between groups by status in a dense table: a few dozen groups, so no hashing
        // in the loop over every link (10 million at 1M firms).
        let groupCount = groups.count
        let statusCount = LinkStatus.allCases.count
        var flowCount = [Int](repeating: 0, count: groupCount * groupCount * statusCount)
        var flowValue = [Double](repeating: 0, count: flowCount.count)
        // Columns read, no link record made. In bounds: the index's resolution has one supplier
        // and one buyer per link of this park.
        let links = park.links
        assert(index.linkSupplier.count == links.count && index.linkBuyer.count == links.count)
        for l in links.indices {
            let s = Int(index.linkSupplier[l]), b = Int(index.linkBuyer[l])
            guard s >= 0, b >= 0, groupOf[s] >= 0, groupOf[b] >= 0 else { continue }
            if groupOf[s] == groupOf[b] {
                groups[groupOf[s]].internalLinks += 1
                continue
            }
            let linkStatus = links.status(at: l)
            let status = linkStatus == .active ? 0 : (LinkStatus.allCases.firstIndex(of: linkStatus) ?? 0)
            let slot = (groupOf[s] * groupCount + groupOf[b]) * statusCount + status
            flowCount[slot] += 1
            if let v = links.value(at: l), v > 0, v.isFinite { flowValue[slot] += v }
        }
        var flows: [FlowKey: (count: Int, value: Double)] = [:]
        for slot in flowCount.indices where flowCount[slot] > 0 {
            let key = FlowKey(
                from: slot / (groupCount * statusCount), to: (slot / statusCount) % groupCount,
                status: slot % statusCount)
            flows[key] = (flowCount[slot], flowValue[slot])
        }

        var scene = MapScene(title: "")
        let shown = groups.indices.filter { g in
            groups[g].firms > 0 || (g != outsideGroup && g != unstagedGroup)
        }
        let outputRange = ParkIndex.positiveRange(shown.map { groups[$0].output > 0 ? groups[$0].output : nil })
        for g in shown {
            let group = groups[g]
            var label = [group.title, text("group.firms", ["count": .integer(group.firms)])]
            if group.output > 0 { label.append(text("group.output", ["value": .text(DOTText.money(group.output))])) }
            var tooltip = [
                group.title, "企业 firms: \(group.firms)", "产值 output: " + DOTText.money(group.output),
                "内部配套 internal links: \(group.internalLinks)",
            ]
            var kind = group.kind
            if group.firms == 0, case .stage(let id) = kind {
                kind = .gap(stage: id)
                tooltip.append("空缺 gap: no firm in this stage")
            }
            scene.nodes.append(
                MapNode(
                    name: group.name, kind: kind, label: label,
                    scale: outputRange.map { ParkIndex.logScale(group.output, min: $0.0, max: $0.1) } ?? 0,
                    tooltip: tooltip.joined(separator: "\n")))
        }
        let keys = flows.keys.sorted { a, b in
            a.from != b.from ? a.from < b.from : (a.to != b.to ? a.to < b.to : a.status < b.status)
        }
        let valueRange = ParkIndex.positiveRange(
            keys.map { k -> Double? in
                let v = flows[k]?.value ?? 0
                return v > 0 ? v : nil
            })
        for key in keys {
            guard let flow = flows[key] else { continue }
            let status = LinkStatus.allCases[key.status]
            let from = groups[key.from]
            let to = groups[key.to]
            var label = text("links", ["count": .integer(flow.count)])
            if flow.value > 0 { label += " · " + DOTText.money(flow.value) }
            scene.edges.append(
                MapEdge(
                    from: from.name, to: to.name, kind: .supply(status, outside: key.from == outsideGroup),
                    scale: valueRange.map { ParkIndex.logScale(flow.value, min: $0.0, max: $0.1) } ?? 0, label: label,
                    tooltip: "\(from.title) → \(to.title)\n\(status.rawValue): \(label)",
                    key: "agg-" + DOTText.token(from.name) + "__" + DOTText.token(to.name) + "__" + status.rawValue))
        }
        if aggregation == .stage {
            var first = [String?](repeating: nil, count: index.stages.count)
            for s in viewStages { first[s] = "stage:" + index.stages[s].stage.id }
            scene.rankEdges = rankEdges(stages: viewStages, first: first)
        }
        return scene
    }
}
