extension GeneratorRun {
    /// Records the planted gaps (after links and organizations exist) and adds the blocking need.
    mutating func recordGaps() {
        func chainId(_ s: Int) -> String { templates[stages[s].chain].id }
        func label(_ s: Int) -> String { "\(stages[s].t.id) (\(stages[s].t.name))" }
        if let s = plan.broken {
            let consumers = stages[s].consumers.map { stages[$0].t.id }
            gaps.append(
                PlantedGap(
                    kind: .broken, place: .init(chain: chainId(s), stages: [stages[s].t.id]),
                    sentence:
                        "Required stage \(label(s)) of chain \(chainId(s)) has no firm, so \(consumers.joined(separator: ", ")) get none of its product."
                ))
        }
        var weakFirm: Int?
        if let s = plan.weak {
            let f = inPool[s].first { firmStage[Int($0)] == Int32(s) }.map(Int.init)
            weakFirm = f
            if let f {
                let buyers = links.reduce(into: 0) { acc, l in if l.supplier == ids[f] { acc += 1 } }
                // 细链, not 弱链: the stage's in-park supply rests on one firm, so its loss would
                // cut every buyer (docs/GAPS.md); 弱链 is supply bought mostly from outside.
                gaps.append(
                    PlantedGap(
                        kind: .thin, place: .init(chain: chainId(s), stages: [stages[s].t.id], firms: [ids[f]]),
                        sentence:
                            "Stage \(label(s)) has a single firm, \(ids[f]), the only supplier of all \(buyers) buyers of \(stages[s].t.product)."
                    ))
            }
        }
        if let s = plan.thin {
            gaps.append(
                PlantedGap(
                    kind: .thin,
                    place: .init(
                        chain: chainId(s), stages: [stages[s].t.id], firms: thinFirms.map { ids[Int($0)] },
                        links: thinLinkIds),
                    sentence:
                        "Stage \(label(s)) has \(thinFirms.count) small low-capacity firms passing \(stages[s].t.product) downstream through only \(thinLinkIds.count) links."
                ))
        }
        if let c = plan.shortChain {
            let listed = plan.shortOutside + plan.shortEmpty
            gaps.append(
                PlantedGap(
                    kind: .short, place: .init(chain: templates[c].id, stages: listed.map { stages[$0].t.id }),
                    sentence:
                        "Chain \(templates[c].id) is short: upstream stages \(plan.shortOutside.map { stages[$0].t.id }.joined(separator: ", ")) have firms only outside the park, and extension stages \(plan.shortEmpty.map { stages[$0].t.id }.joined(separator: ", ")) have none."
                ))
        }
        if let s = plan.outside {
            for t in stages[s].consumers where inCount[t] > 0 && isWeakEdge(input: s, buyer: t) {
                gaps.append(
                    PlantedGap(
                        kind: .weak, rule: "outside-sourcing",
                        place: .init(chain: chainId(s), stages: [stages[t].t.id, stages[s].t.id]),
                        sentence:
                            "Stage \(label(t)) buys most of its \(stages[s].t.product) from outside the park: stage \(label(s)) has \(inCount[s]) in-park firms and \(outCount[s]) outside."
                    ))
            }
        }
        if let i = plan.lostInput, let t = plan.lostStage {
            gaps.append(
                PlantedGap(
                    kind: .broken, rule: "lost-link",
                    place: .init(
                        chain: chainId(t), stages: [stages[t].t.id, stages[i].t.id],
                        links: lostLinkIds.map { links[$0].id ?? "#\($0)" }),
                    sentence:
                        "Every in-park supply of \(stages[i].t.product) from \(label(i)) to \(label(t)) was lost (\(lostLinkIds.count) links)."
                ))
        }
        if let f = weakFirm, let s = plan.weak {
            gaps.append(
                PlantedGap(
                    kind: .singlePointOfFailure,
                    place: .init(chain: chainId(s), stages: [stages[s].t.id], firms: [ids[f]]),
                    sentence:
                        "\(ids[f]) is the only in-park firm of stage \(label(s)): its loss cuts every buyer of \(stages[s].t.product)."
                ))
        }
        plantOverlayTruths()
        if let f = weakFirm, let s = plan.weak {
            let id = "n-gap-blocking"
            needs.append(
                Need(
                    id: id, firm: ids[f], kind: .finance, tags: ["卡点", "融资", "扩产"],
                    text: "唯一供应商扩产资金缺口:一旦停产,下游全部断供", status: .open, responder: "ag-bank"))
            gaps.append(
                PlantedGap(
                    kind: .blockingNeed,
                    place: .init(chain: chainId(s), stages: [stages[s].t.id], firms: [ids[f]], needs: [id]),
                    sentence: "Open finance need \(id) of \(ids[f]), the single supplier of stage \(label(s))."))
        }
    }

    /// Whether the template edge `input → buyer` meets the weak rule of docs/GAPS.md in the
    /// generated links, so that the planted 弱链 is one: some active in-park supply (else the
    /// edge is cut, 断链), purchases from outside at least half of the active supply, and less
    /// than half of the in-park supply lost (else it is lost supply, 断链). A firm sits in its
    /// stage and its second stage.
    ///
    /// - Complexity: O(links).
    func isWeakEdge(input s: Int, buyer t: Int) -> Bool {
        func sits(_ f: Int, in stage: Int) -> Bool { Int(firmStage[f]) == stage || secondStage[f] == Int32(stage) }
        var inActive = 0.0
        var inLost = 0.0
        var outside = 0.0
        var inLinks = 0
        for l in links {
            guard let b = supplierIndex(l.buyer), inPark[b], sits(b, in: t),
                let f = supplierIndex(l.supplier), sits(f, in: s)
            else { continue }
            let v = l.value ?? 0
            switch (l.status, inPark[f]) {
            case (.active, true):
                inActive += v
                inLinks += 1
            case (.active, false): outside += v
            case (.lost, true): inLost += v
            default: break
            }
        }
        return inLinks > 0 && outside >= 0.5 * (inActive + outside) && inLost < 0.5 * (inActive + inLost)
    }

    /// A capability match (a firm's open capability need that another in-park firm's
    /// capability meets) and a should-build firm (4 party members, no organization), picked
    /// from the firms as generated without a random draw.
    mutating func plantOverlayTruths() {
        // Both firms outside the stages of the other planted gaps, so that the need adds no
        // blocking need (卡点) of a single point of failure.
        let planted = Set(
            [plan.broken, plan.weak, plan.thin, plan.outside, plan.lostInput, plan.lostStage].compactMap { $0 })
        func free(_ i: Int) -> Bool { inPark[i] && !isLeader[i] && !planted.contains(Int(firmStage[i])) }
        // Offerer: the first such firm with a capability, in park order.
        var offerer: Int?
        for i in 0..<n where free(i) && i % 5 == 0 && !stages[Int(firmStage[i])].capabilityLists.isEmpty {
            offerer = i
            break
        }
        if let b = offerer {
            let info = stages[Int(firmStage[b])]
            let capability = info.capabilityLists[b / 5 % info.capabilityLists.count][0]
            // Needer: the first in-park firm of another stage of the same chain.
            if let a = (0..<n).first(where: {
                free($0) && stages[Int(firmStage[$0])].chain == info.chain && firmStage[$0] != firmStage[b]
            }) {
                let id = "n-gap-capability"
                needs.append(
                    Need(
                        id: id, firm: ids[a], kind: .capability, tags: [capability], text: "需要\(capability)方面的技术支持",
                        status: .open,
                        responder: "cm-\(templates[info.chain].id)"))
                gaps.append(
                    PlantedGap(
                        kind: .capabilityMatch,
                        place: .init(
                            chain: templates[info.chain].id, stages: [stages[Int(firmStage[a])].t.id, info.t.id],
                            firms: [ids[a], ids[b]], needs: [id]),
                        sentence: "\(ids[a]) needs \(capability); \(ids[b]) in the same park offers it."))
            }
        }
        if let f = (0..<n).first(where: { inPark[$0] && !isLeader[$0] && firmOrg[$0] < 0 && partyMembers[$0] < 3 }) {
            partyMembers[f] = 4
            gaps.append(
                PlantedGap(
                    kind: .shouldBuild,
                    place: .init(
                        chain: templates[stages[Int(firmStage[f])].chain].id, stages: [stages[Int(firmStage[f])].t.id],
                        firms: [ids[f]]),
                    sentence:
                        "\(ids[f]) has 4 party members and no party organization: it should set up its own branch."))
        }
    }
}
